package gaan.data.synth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signal-processing building blocks of the demo synthesiser. Conventions for the whole package:
 * sample rate {@link #SR} (22050 Hz), mono {@code float} samples nominally in [-1, 1], time in
 * samples, phase in cycles [0, 1). Transcendental functions go through {@link StrictMath} and
 * per-sample exponentials are products of precomputed factors, so generated files are
 * byte-identical on every JVM.
 */
final class Dsp {
    static final int SR = 22050;
    private static final int TABLE_SIZE = 4096;
    private static final Map<String, float[]> TABLES = new ConcurrentHashMap<>();
    /** One cycle of a sine, for drums and vibrato. */
    static final float[] SINE = table("sine", new double[] {1}, 1);

    private Dsp() {
    }

    /**
     * One cycle of a waveform with the given harmonic amplitudes ({@code spectrum[k]} is the
     * amplitude of harmonic {@code k + 1}), keeping only the first {@code harmonics} so a note can
     * stay below Nyquist; peak-normalised to 1. Cached by name and harmonic count.
     */
    static float[] table(String name, double[] spectrum, int harmonics) {
        int h = Math.max(1, Math.min(harmonics, spectrum.length));
        return TABLES.computeIfAbsent(name + "/" + h, k -> {
            double[] t = new double[TABLE_SIZE];
            for (int k2 = 0; k2 < h; k2++) {
                double a = spectrum[k2];
                if (a == 0) {
                    continue;
                }
                for (int i = 0; i < TABLE_SIZE; i++) {
                    t[i] += a * StrictMath.sin(2 * StrictMath.PI * (k2 + 1) * i / TABLE_SIZE);
                }
            }
            double peak = 1e-12;
            for (double v : t) {
                peak = Math.max(peak, Math.abs(v));
            }
            float[] out = new float[TABLE_SIZE + 1];
            for (int i = 0; i < TABLE_SIZE; i++) {
                out[i] = (float) (t[i] / peak);
            }
            out[TABLE_SIZE] = out[0]; // guard sample for interpolation
            return out;
        });
    }

    private static final int[] HARMONIC_COUNTS = {64, 48, 32, 24, 16, 12, 8, 6, 4, 3, 2};

    /**
     * How many harmonics a note at {@code hz} keeps: the largest of a few fixed counts that stays
     * below 0.45 × SR (fixed counts keep the number of cached tables small).
     */
    static int harmonicsBelowNyquist(double hz) {
        int fit = (int) (0.45 * SR / hz);
        for (int count : HARMONIC_COUNTS) {
            if (count <= fit) {
                return count;
            }
        }
        return 1;
    }

    /** Linear-interpolated table read at {@code phase} cycles in [0, 1) (oscillators wrap with {@link #advance}). */
    static double read(float[] table, double phase) {
        double x = phase * TABLE_SIZE;
        int i = (int) x;
        double f = x - i;
        return table[i] + f * (table[i + 1] - table[i]);
    }

    /** Advances a phase by {@code inc} (less than one cycle) and wraps it into [0, 1). */
    static double advance(double phase, double inc) {
        double p = phase + inc;
        return p >= 1 ? p - 1 : p;
    }

    static double midiToHz(double midi) {
        return 440.0 * StrictMath.pow(2.0, (midi - 69.0) / 12.0);
    }

    /** Per-sample factor of an exponential decay with time constant {@code seconds}. */
    static double decayFactor(double seconds) {
        return StrictMath.exp(-1.0 / (Math.max(1e-4, seconds) * SR));
    }

    /** One-pole smoothing coefficient for a cutoff frequency. */
    static double onePole(double hz) {
        return 1.0 - StrictMath.exp(-2 * StrictMath.PI * Math.min(hz, 0.49 * SR) / SR);
    }

    static void lowpass(float[] x, double hz) {
        double a = onePole(hz);
        double y = 0;
        for (int i = 0; i < x.length; i++) {
            y += a * (x[i] - y);
            x[i] = (float) y;
        }
    }

    static void highpass(float[] x, double hz) {
        double a = onePole(hz);
        double low = 0;
        for (int i = 0; i < x.length; i++) {
            low += a * (x[i] - low);
            x[i] = (float) (x[i] - low);
        }
    }

    /** Smooth saturation, tanh-like, with {@code drive} as input gain; output stays in (-1, 1). */
    static void saturate(float[] x, double drive) {
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) clip(x[i] * drive);
        }
    }

    /** Rational tanh approximation, exact limit ±1 beyond ±3. */
    static double clip(double v) {
        if (v > 3) {
            return 1;
        }
        if (v < -3) {
            return -1;
        }
        double v2 = v * v;
        return v * (27 + v2) / (27 + 9 * v2);
    }

    static void scale(float[] x, double gain) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= (float) gain;
        }
    }

    static void mixInto(float[] sum, float[] x, double gain) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += (float) (gain * x[i]);
        }
    }

    static double dbToGain(double db) {
        return StrictMath.pow(10.0, db / 20.0);
    }

    /**
     * Mono Schroeder–Moorer reverb (four damped combs into two all-passes, Freeverb delay lengths
     * scaled to 22050 Hz), mixed with the dry signal at {@code wet}.
     */
    static void reverb(float[] x, double wet, double roomSize) {
        if (wet <= 0) {
            return;
        }
        int[] combLengths = {558, 594, 638, 678};
        int[] allpassLengths = {278, 220};
        double feedback = 0.70 + 0.28 * roomSize;
        double damp = 0.3;
        float[][] combs = new float[combLengths.length][];
        int[] ci = new int[combLengths.length];
        double[] filt = new double[combLengths.length];
        for (int c = 0; c < combs.length; c++) {
            combs[c] = new float[combLengths[c]];
        }
        float[][] aps = {new float[allpassLengths[0]], new float[allpassLengths[1]]};
        int[] ai = new int[2];
        for (int i = 0; i < x.length; i++) {
            double in = x[i] * 0.25;
            double out = 0;
            for (int c = 0; c < combs.length; c++) {
                float[] buf = combs[c];
                double y = buf[ci[c]];
                filt[c] = y * (1 - damp) + filt[c] * damp;
                buf[ci[c]] = (float) (in + filt[c] * feedback);
                ci[c] = (ci[c] + 1) % buf.length;
                out += y;
            }
            for (int a = 0; a < aps.length; a++) {
                float[] buf = aps[a];
                double b = buf[ai[a]];
                buf[ai[a]] = (float) (out + b * 0.5);
                out = b - out;
                ai[a] = (ai[a] + 1) % buf.length;
            }
            x[i] = (float) (x[i] * (1 - wet * 0.5) + out * wet);
        }
    }
}
