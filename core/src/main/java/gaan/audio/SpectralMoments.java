package gaan.audio;

/**
 * librosa 0.11's {@code feature.spectral_centroid(S=|D|)} and
 * {@code feature.spectral_bandwidth(S=|D|, p=2, norm=True)} of a block of magnitude frames: with
 * bin frequencies {@code f_k = k sr / n_fft} and the frame's magnitudes normalised to unit sum,
 * the centroid is {@code c = sum_k f_k S_k} and the bandwidth {@code sqrt(sum_k S_k (f_k - c)^2)}.
 * Both come from one pass of float64 sums {@code sum S}, {@code sum S f}, {@code sum S f^2}
 * (the bandwidth as {@code sqrt(E[f^2] - c^2)}, which loses below 1e-8 Hz^2 here). A frame whose
 * magnitudes sum below float32's smallest normal number is left unnormalised, as
 * {@code util.normalize} leaves it: digital silence gives 0 and 0. Immutable and thread-safe.
 */
final class SpectralMoments {
    private final double[] freq;

    SpectralMoments(double[] binFrequencies) {
        this.freq = binFrequencies;
    }

    /**
     * Centroid and bandwidth (Hz) of block columns {@code [0, count)} ({@code magnitude[k][j]},
     * bin-major as {@link Spectrogram#powerBlock}) into {@code centroid[t0 + j]} and
     * {@code bandwidth[t0 + j]}; {@code s0, s1, s2} are scratch rows of the block's width.
     */
    void block(float[][] magnitude, int count, double[] s0, double[] s1, double[] s2,
               float[] centroid, float[] bandwidth, int t0) {
        java.util.Arrays.fill(s0, 0.0);
        java.util.Arrays.fill(s1, 0.0);
        java.util.Arrays.fill(s2, 0.0);
        int width = s0.length;
        for (int k = 0; k < freq.length; k++) {
            float[] row = magnitude[k];
            double f = freq[k];
            double f2 = f * f;
            for (int j = 0; j < width; j++) {
                double m = row[j];
                s0[j] += m;
                s1[j] += m * f;
                s2[j] += m * f2;
            }
        }
        for (int j = 0; j < count; j++) {
            double norm = s0[j] < Float.MIN_NORMAL ? 1.0 : s0[j];
            double c = s1[j] / norm;
            double second = s2[j] / norm;
            double weight = s0[j] / norm;
            centroid[t0 + j] = (float) c;
            // sum S'(f - c)^2 = sum S' f^2 - 2 c^2 + c^2 sum S', with sum S' = 1 unless left unnormalised.
            bandwidth[t0 + j] = (float) Math.sqrt(Math.max(0.0, second - c * c * (2.0 - weight)));
        }
    }
}
