package gaan.data.synth;

import java.util.SplittableRandom;

/**
 * A pitched instrument of the demo synthesiser and how it renders one note.
 *
 * <ul>
 *   <li>{@link Kind#TONE}: additive wavetable ({@code spectrum}) under an attack / exponential
 *       decay to {@code sustain} / release envelope, with optional detuned unison voices and
 *       vibrato (organ, pads, saw leads, strings, bass synths);</li>
 *   <li>{@link Kind#STRUCK}: like TONE, plus a brighter wavetable ({@code attackSpectrum}) that dies
 *       five times faster, so the tone darkens as it decays (piano, electric piano);</li>
 *   <li>{@link Kind#STRING}: Karplus–Strong plucked string; {@code decay} is the ring time and
 *       {@code tone} the brightness of the pluck (folk guitar, dotara).</li>
 * </ul>
 * Times are in seconds; {@code sustain} and {@code tone} in [0, 1].
 */
public record Instrument(String name, Kind kind, double[] spectrum, double[] attackSpectrum,
                         double attack, double decay, double sustain, double release,
                         int unison, double detuneCents, double vibratoCents, double tone) {

    public enum Kind { TONE, STRUCK, STRING }

    static double[] saw(int n, double rolloff) {
        double[] s = new double[n];
        for (int k = 0; k < n; k++) {
            s[k] = 1.0 / StrictMath.pow(k + 1, rolloff);
        }
        return s;
    }

    static Instrument tone(String name, double[] spectrum, double attack, double decay, double sustain,
                           double release) {
        return new Instrument(name, Kind.TONE, spectrum, null, attack, decay, sustain, release, 1, 0, 0, 0);
    }

    Instrument unison(int voices, double cents) {
        return new Instrument(name, kind, spectrum, attackSpectrum, attack, decay, sustain, release, voices, cents,
                vibratoCents, tone);
    }

    Instrument vibrato(double cents) {
        return new Instrument(name, kind, spectrum, attackSpectrum, attack, decay, sustain, release, unison,
                detuneCents, cents, tone);
    }

    static final Instrument SINE_PAD = tone("sine_pad", new double[] {1, 0.12, 0.04}, 0.35, 1.5, 0.8, 0.8)
            .unison(2, 6);
    static final Instrument ORGAN = tone("organ", new double[] {1, 0.8, 0.6, 0.5, 0, 0.35, 0, 0.3}, 0.01, 0.3,
            0.9, 0.08);
    static final Instrument HARMONIUM = tone("harmonium",
            new double[] {0.7, 1, 0.8, 0.6, 0.55, 0.45, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1}, 0.06, 0.5, 0.85, 0.15)
            .vibrato(6);
    static final Instrument SAW_LEAD = tone("saw_lead", saw(40, 1.0), 0.01, 0.4, 0.7, 0.1).unison(2, 8)
            .vibrato(12);
    static final Instrument SUPERSAW = tone("supersaw", saw(40, 1.0), 0.02, 0.5, 0.8, 0.25).unison(3, 14);
    static final Instrument STRINGS = tone("strings", saw(30, 1.3), 0.45, 1.0, 0.85, 0.6).unison(3, 7)
            .vibrato(14);
    static final Instrument GUITAR = tone("guitar", saw(30, 0.9), 0.005, 0.8, 0.6, 0.05).unison(2, 5);
    static final Instrument EPIANO = new Instrument("epiano", Kind.STRUCK, new double[] {1, 0.25, 0.05, 0.02},
            new double[] {0.3, 0.35, 0.2, 0.1, 0.05, 0.05, 0.15, 0.05}, 0.004, 1.4, 0, 0.25, 1, 0, 0, 0);
    static final Instrument PIANO = new Instrument("piano", Kind.STRUCK,
            new double[] {1, 0.45, 0.25, 0.15, 0.1, 0.06, 0.04, 0.02},
            new double[] {0.6, 0.6, 0.5, 0.45, 0.4, 0.35, 0.3, 0.25, 0.2, 0.15, 0.12, 0.1, 0.08, 0.06}, 0.003, 1.8,
            0, 0.35, 1, 0, 0, 0);
    static final Instrument PLUCK = new Instrument("pluck", Kind.STRING, null, null, 0, 1.6, 0, 0.05, 1, 0, 0,
            0.7);
    static final Instrument DOTARA = new Instrument("dotara", Kind.STRING, null, null, 0, 0.9, 0, 0.05, 1, 0, 0,
            0.95);
    static final Instrument SUB_808 = tone("sub808", new double[] {1, 0.08, 0.03}, 0.004, 0.9, 0.0, 0.1);
    static final Instrument PICK_BASS = tone("pick_bass", new double[] {1, 0.7, 0.5, 0.35, 0.25, 0.15, 0.1, 0.08},
            0.004, 0.6, 0.45, 0.05);
    static final Instrument SYNTH_BASS = tone("synth_bass", saw(12, 1.0), 0.003, 0.25, 0.5, 0.04);
    static final Instrument UPRIGHT = new Instrument("upright", Kind.STRUCK, new double[] {1, 0.35, 0.12, 0.04},
            new double[] {0.5, 0.5, 0.3, 0.2, 0.1}, 0.006, 0.7, 0, 0.08, 1, 0, 0, 0);
    static final Instrument SOFT_BASS = tone("soft_bass", new double[] {1, 0.3, 0.08}, 0.01, 0.8, 0.6, 0.1);

    /**
     * Adds one note to {@code out}: pitch {@code hz}, held for {@code length} samples from
     * {@code start}, then released; {@code velocity} scales the amplitude.
     */
    void render(float[] out, int start, int length, double hz, double velocity, SplittableRandom rng) {
        if (start >= out.length || length <= 0) {
            return;
        }
        if (kind == Kind.STRING) {
            renderString(out, start, length, hz, velocity, rng);
        } else {
            renderTone(out, start, length, hz, velocity, rng);
        }
    }

    private void renderTone(float[] out, int start, int length, double hz, double velocity, SplittableRandom rng) {
        int harmonics = Dsp.harmonicsBelowNyquist(hz * (1 + detuneCents / 1200.0));
        float[] body = Dsp.table(name, spectrum, harmonics);
        float[] bright = attackSpectrum == null ? null : Dsp.table(name + "+", attackSpectrum, harmonics);
        int attackN = Math.max(1, (int) (attack * Dsp.SR));
        int end = Math.min(out.length, start + length + (int) (release * Dsp.SR * 3.5)); // release to 3 %
        double decayK = Dsp.decayFactor(decay);
        double brightK = Dsp.decayFactor(decay / 5);
        double releaseK = Dsp.decayFactor(release);
        double[] phase = new double[unison];
        double[] inc = new double[unison];
        for (int u = 0; u < unison; u++) {
            double cents = unison == 1 ? 0 : detuneCents * (2.0 * u / (unison - 1) - 1);
            phase[u] = rng.nextDouble();
            inc[u] = hz * StrictMath.pow(2, cents / 1200.0) / Dsp.SR;
        }
        double vibDepth = vibratoCents * 0.000577623; // ln(2)/1200: cents to relative frequency
        double vibPhase = rng.nextDouble();
        double vibInc = (4.8 + rng.nextDouble()) / Dsp.SR;
        double gain = velocity / Math.sqrt(unison);
        double d = 1;
        double b = 1;
        double env = 0;
        for (int i = start; i < end; i++) {
            int n = i - start;
            if (n < attackN) {
                env = (n + 1.0) / attackN;
            } else if (n < length) {
                d *= decayK;
                env = sustain + (1 - sustain) * d;
            } else {
                env *= releaseK;
            }
            b *= brightK;
            double vib = vibDepth == 0 ? 1 : 1 + vibDepth * Dsp.read(Dsp.SINE, vibPhase);
            vibPhase = Dsp.advance(vibPhase, vibInc);
            double s = 0;
            for (int u = 0; u < unison; u++) {
                s += Dsp.read(body, phase[u]);
                if (bright != null) {
                    s += b * Dsp.read(bright, phase[u]);
                }
                phase[u] = Dsp.advance(phase[u], inc[u] * vib);
            }
            out[i] += (float) (gain * env * s);
        }
    }

    /** Karplus–Strong with a first-order all-pass for the fractional part of the loop delay. */
    private void renderString(float[] out, int start, int length, double hz, double velocity,
                              SplittableRandom rng) {
        // The loop reads y[t-n] and y[t-n+1], so averaging them makes the loop half a sample
        // shorter than n; the all-pass adds the fractional remainder.
        double loop = (double) Dsp.SR / hz + 0.5;
        int n = (int) Math.floor(loop);
        double frac = loop - n;
        if (frac < 0.1) {
            n -= 1;
            frac += 1;
        }
        double c = (1 - frac) / (1 + frac);
        float[] line = new float[n];
        double smooth = 0;
        double a = Dsp.onePole(800 + 9000 * tone);
        double mean = 0;
        for (int i = 0; i < n; i++) {
            smooth += a * ((rng.nextDouble() * 2 - 1) - smooth);
            line[i] = (float) smooth;
            mean += smooth;
        }
        mean /= n;
        for (int i = 0; i < n; i++) {
            line[i] -= (float) mean;
        }
        double ring = StrictMath.exp(-1.0 / (decay * hz));
        double muted = StrictMath.exp(-1.0 / (0.03 * hz));
        int end = Math.min(out.length, start + length + (int) (0.2 * Dsp.SR));
        double apIn = 0;
        double apOut = 0;
        int idx = 0;
        double gain = velocity * 1.6;
        for (int i = start; i < end; i++) {
            double g = (i - start) < length ? ring : muted;
            int next = idx + 1 == n ? 0 : idx + 1;
            double avg = 0.5 * (line[idx] + line[next]) * g;
            double ap = c * avg + apIn - c * apOut;
            apIn = avg;
            apOut = ap;
            out[i] += (float) (gain * line[idx]);
            line[idx] = (float) ap;
            idx = next;
        }
    }
}
