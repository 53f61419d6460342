package gaan.audio;

/**
 * librosa 0.11's {@code onset.onset_strength(y, sr, hop_length)} with its defaults: from the
 * track's log-mel matrix ({@code power_to_db} of the 128-band mel power, as {@link PowerToDb}
 * leaves it), the mean over bands of the positive first difference ({@code lag=1, max_size=1}),
 * shifted right by {@code 1 + n_fft / (2 hop)} frames with zeros ({@code center=True}) and cut
 * to the track's frame count: {@code onset[t] = mean_m max(0, S[m][t-2] - S[m][t-3])} for
 * {@code t >= 3}, 0 before. Immutable and thread-safe.
 */
final class OnsetStrength {
    private final int delay;

    OnsetStrength(int nFft, int hop) {
        this.delay = 1 + nFft / (2 * hop);
    }

    /** Onset strength of columns {@code [0, frames)} of {@code melDb} into {@code out[0, frames)}. */
    void compute(float[][] melDb, int frames, float[] out) {
        java.util.Arrays.fill(out, 0, frames, 0f);
        int lag = delay - 1;
        for (float[] band : melDb) {
            for (int t = delay; t < frames; t++) {
                float d = band[t - lag] - band[t - delay];
                // Math.max rather than a conditional: the JIT vectorises it.
                out[t] += Math.max(d, 0f);
            }
        }
        for (int t = delay; t < frames; t++) {
            out[t] /= melDb.length;
        }
    }
}
