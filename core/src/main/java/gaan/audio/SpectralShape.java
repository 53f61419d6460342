package gaan.audio;

/**
 * librosa 0.11's {@code feature.spectral_centroid(S=|D|)}, {@code feature.spectral_bandwidth(S=|D|,
 * p=2, norm=True)} and {@code feature.spectral_rolloff(S=|D|, roll_percent=0.85)} of a block of
 * frames, in two passes over its powers. With bin frequencies {@code f_k = k sr / n_fft} and the
 * frame's magnitudes {@code S_k} normalised to unit sum:
 * <ul>
 *   <li>centroid {@code c = sum_k f_k S_k}, Hz;</li>
 *   <li>bandwidth {@code sqrt(sum_k S_k (f_k - c)^2)}, Hz, from the second pass once {@code c} is
 *       known (never a difference of two large moments);</li>
 *   <li>roll-off: the frequency of the first bin at which the running sum of magnitudes reaches
 *       85 % of the total. As in librosa ({@code np.cumsum}), the running sum and the threshold
 *       are float32 in bin order, so ties fall the same way. The second pass stores the running
 *       sums; each frame's bin is then found by a binary search, not a comparison per bin.</li>
 * </ul>
 * The total is the float32 sum in bin order (numpy's sum over that axis); the weighted sums are
 * float32 over groups of {@link #GROUP} bins and float64 across groups. A frame whose magnitudes
 * sum below float32's smallest normal number is left unnormalised, as {@code util.normalize}
 * leaves it: digital silence gives 0, 0 and 0 Hz. Every per-bin step is float arithmetic without
 * branches, so the loops over frames vectorise. Immutable and thread-safe.
 */
final class SpectralShape {
    static final double ROLL_PERCENT = 0.85;
    private static final int GROUP = 16;

    private final float[] freq;

    SpectralShape(double[] binFrequencies) {
        this.freq = new float[binFrequencies.length];
        for (int k = 0; k < freq.length; k++) {
            freq[k] = (float) binFrequencies[k];
        }
    }

    /** Scratch rows of the block's width for {@link #block}. */
    static final class Scratch {
        final float[][] magnitude;
        final float[] sum;
        final float[] group;
        final float[] centre;
        final float[] norm;
        final float[] threshold;
        final double[] total;

        Scratch(int bins, int width) {
            magnitude = new float[bins][width];
            sum = new float[width];
            group = new float[width];
            centre = new float[width];
            norm = new float[width];
            threshold = new float[width];
            total = new double[width];
        }
    }

    /**
     * Centroid, bandwidth and roll-off (Hz) of block columns {@code [0, count)} of
     * {@code power[k][j]} (bin-major as {@link Spectrogram#powerBlock}) into column {@code t0 + j}
     * of the outputs.
     */
    void block(float[][] power, int count, Scratch s, float[] centroid, float[] bandwidth, float[] rolloff,
               int t0) {
        int width = s.sum.length;
        float[] sum = s.sum;
        float[] group = s.group;
        double[] total = s.total;
        java.util.Arrays.fill(sum, 0f);
        java.util.Arrays.fill(total, 0.0);
        for (int g = 0; g < freq.length; g += GROUP) {
            java.util.Arrays.fill(group, 0f);
            for (int k = g; k < Math.min(freq.length, g + GROUP); k++) {
                float[] p = power[k];
                float[] mag = s.magnitude[k];
                float f = freq[k];
                for (int j = 0; j < width; j++) {
                    float m = (float) Math.sqrt(p[j]);
                    mag[j] = m;
                    sum[j] += m;
                    group[j] += m * f;
                }
            }
            for (int j = 0; j < width; j++) {
                total[j] += group[j];
            }
        }
        float percent = (float) ROLL_PERCENT;
        float[] centre = s.centre;
        float[] norm = s.norm;
        for (int j = 0; j < width; j++) {
            norm[j] = sum[j] < Float.MIN_NORMAL ? 1f : sum[j];
            centre[j] = (float) (total[j] / norm[j]);
        }
        System.arraycopy(centre, 0, centroid, t0, count);
        float[] threshold = s.threshold;
        for (int j = 0; j < width; j++) {
            threshold[j] = percent * sum[j];
        }
        // The total is in norm and threshold now: sum becomes the running sum, stored over the
        // magnitudes as they are used.
        float[] running = sum;
        java.util.Arrays.fill(running, 0f);
        java.util.Arrays.fill(total, 0.0);
        for (int g = 0; g < freq.length; g += GROUP) {
            java.util.Arrays.fill(group, 0f);
            for (int k = g; k < Math.min(freq.length, g + GROUP); k++) {
                float[] mag = s.magnitude[k];
                float f = freq[k];
                for (int j = 0; j < width; j++) {
                    float m = mag[j];
                    float d = f - centre[j];
                    group[j] += m * (d * d);
                    running[j] += m;
                    mag[j] = running[j];
                }
            }
            for (int j = 0; j < width; j++) {
                total[j] += group[j];
            }
        }
        for (int j = 0; j < count; j++) {
            bandwidth[t0 + j] = (float) Math.sqrt(total[j] / norm[j]);
            rolloff[t0 + j] = freq[Math.min(firstReaching(s.magnitude, j, threshold[j]), freq.length - 1)];
        }
    }

    /**
     * The first row {@code k} whose {@code running[k][j] >= threshold}, or the row count if none:
     * a binary search, as a running sum of non-negative floats never decreases.
     */
    private static int firstReaching(float[][] running, int j, float threshold) {
        int lo = 0;
        int hi = running.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (running[mid][j] < threshold) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
