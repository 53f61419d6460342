package gaan.data.synth;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The drum sounds of the demo synthesiser, each rendered from scratch per hit: a kick is a
 * decaying sine whose pitch sweeps down, a snare is a short tone plus high-passed noise, hats
 * and cymbals are six inharmonic square waves (the classic drum-machine metal) plus noise,
 * and the hand drums (dugi / bayan of a baul khol) are pitched thumps, the bass one gliding up.
 */
public enum Drum {
    KICK, SNARE, CLAP, HAT, OPEN_HAT, RIDE, CRASH, SHAKER, HAND_HIGH, HAND_LOW;

    /** Per-genre character of the kit: kick pitch and length, how bright and long the metal rings. */
    public record Kit(double kickHz, double kickDecay, double snareDecay, double brightness) {
    }

    private static final double[] METAL_HZ = {205.3, 304.4, 369.6, 522.7, 540.0, 800.0};

    void hit(float[] out, int start, double velocity, Kit kit, SplittableRandom rng) {
        if (start < 0 || start >= out.length) {
            return;
        }
        switch (this) {
            case KICK -> tonal(out, start, velocity, kit.kickHz() * 2.6, kit.kickHz(), 0.03, kit.kickDecay(), 0.12, rng);
            case SNARE -> {
                tonal(out, start, velocity * 0.55, 230, 180, 0.02, 0.06, 0, rng);
                noise(out, start, velocity * 0.75, kit.snareDecay(), 1000, 6000, 1, rng);
            }
            case CLAP -> {
                for (int burst = 0; burst < 3; burst++) {
                    noise(out, start + burst * (int) (0.011 * Dsp.SR), velocity * 0.5, 0.012, 900, 3500, 1, rng);
                }
                noise(out, start + (int) (0.033 * Dsp.SR), velocity * 0.6, 0.09, 900, 3500, 1, rng);
            }
            case HAT -> metal(out, start, velocity * 0.45, 0.045, kit, rng);
            case OPEN_HAT -> metal(out, start, velocity * 0.4, 0.3, kit, rng);
            case RIDE -> metal(out, start, velocity * 0.3, 0.7, new Kit(0, 0, 0, kit.brightness() * 0.6), rng);
            case CRASH -> metal(out, start, velocity * 0.5, 1.3, kit, rng);
            case SHAKER -> noise(out, start, velocity * 0.25, 0.05, 5000, 10000, 0.6, rng);
            case HAND_HIGH -> {
                tonal(out, start, velocity * 0.8, 420, 330, 0.01, 0.09, 0.05, rng);
                noise(out, start, velocity * 0.2, 0.015, 2000, 7000, 1, rng);
            }
            case HAND_LOW -> tonal(out, start, velocity, 78, 118, 0.12, 0.3, 0.03, rng);
        }
    }

    /** A sine sweeping from {@code fromHz} to {@code toHz} (time constant {@code sweep}) under an exponential decay, plus a click. */
    private static void tonal(float[] out, int start, double velocity, double fromHz, double toHz, double sweep,
                              double decay, double click, SplittableRandom rng) {
        int end = Math.min(out.length, start + (int) (decay * 5 * Dsp.SR));
        double sweepK = Dsp.decayFactor(sweep);
        double ampK = Dsp.decayFactor(decay);
        double clickK = Dsp.decayFactor(0.002);
        double s = 1;
        double amp = velocity;
        double c = click * velocity;
        double phase = 0;
        for (int i = start; i < end; i++) {
            double hz = toHz + (fromHz - toHz) * s;
            s *= sweepK;
            phase = Dsp.advance(phase, hz / Dsp.SR);
            out[i] += (float) (amp * Dsp.read(Dsp.SINE, phase) + c * (rng.nextDouble() * 2 - 1));
            amp *= ampK;
            c *= clickK;
        }
    }

    /** Noise band-limited between two one-pole corners, under an exponential decay. */
    private static void noise(float[] out, int start, double velocity, double decay, double lowHz, double highHz,
                              double level, SplittableRandom rng) {
        int end = Math.min(out.length, start + (int) (decay * 5 * Dsp.SR));
        double hp = Dsp.onePole(lowHz);
        double lp = Dsp.onePole(highHz);
        double ampK = Dsp.decayFactor(decay);
        double amp = velocity * level;
        double low = 0;
        double y = 0;
        for (int i = start; i < end; i++) {
            double w = rng.nextDouble() * 2 - 1;
            low += hp * (w - low);
            y += lp * ((w - low) - y);
            out[i] += (float) (amp * y * 1.8);
            amp *= ampK;
        }
    }

    private static final int METAL_SECONDS = 8;
    private static final Map<Double, float[]> METAL = new ConcurrentHashMap<>();

    /**
     * Six detuned square waves plus noise, high-passed ({@code kit.brightness()} moves the corner
     * up), read from a fixed source at a random offset: every hit sounds a little different and
     * costs one multiply-add a sample.
     */
    private static void metal(float[] out, int start, double velocity, double decay, Kit kit, SplittableRandom rng) {
        float[] source = METAL.computeIfAbsent(kit.brightness(), Drum::metalSource);
        int length = Math.min(out.length - start, Math.min(source.length / 2, (int) (decay * 5 * Dsp.SR)));
        int from = rng.nextInt(source.length - length);
        double ampK = Dsp.decayFactor(decay);
        double amp = velocity;
        for (int i = 0; i < length; i++) {
            out[start + i] += (float) (amp * source[from + i]);
            amp *= ampK;
        }
    }

    private static float[] metalSource(double brightness) {
        SplittableRandom noise = new SplittableRandom(0x6D6574616CL);
        float[] out = new float[METAL_SECONDS * Dsp.SR];
        double[] phase = new double[METAL_HZ.length];
        double hp = Dsp.onePole(4000 + 3000 * brightness);
        double low = 0;
        for (int i = 0; i < out.length; i++) {
            double m = 0;
            for (int k = 0; k < phase.length; k++) {
                phase[k] = Dsp.advance(phase[k], METAL_HZ[k] * 1.7 / Dsp.SR);
                m += phase[k] < 0.5 ? 1 : -1;
            }
            double x = m / 6 * 0.6 + (noise.nextDouble() * 2 - 1) * 0.7;
            low += hp * (x - low);
            out[i] = (float) (x - low);
        }
        return out;
    }
}
