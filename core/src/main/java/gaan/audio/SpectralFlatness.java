package gaan.audio;

/**
 * librosa 0.11's {@code feature.spectral_flatness(S=|D|, power=2.0, amin=1e-10)}: the geometric
 * mean of the frame's powers {@code max(amin, |D|^2)} over their arithmetic mean. Digital silence
 * gives 1.
 *
 * <p>The geometric mean needs the sum of 1025 logarithms per frame; rather than a logarithm per
 * bin, each power is split into its float32 exponent (summed as integers) and mantissa in [1, 2)
 * (multiplied in float64, one logarithm per {@link #GROUP} bins, which cannot overflow). The
 * result is the same sum to about 1e-15. Immutable and thread-safe.
 */
final class SpectralFlatness {
    static final float AMIN = 1e-10f;
    /** Mantissas multiplied before one logarithm: their product stays below 2^256. */
    private static final int GROUP = 256;
    private static final double LN2 = Math.log(2.0);

    private final int bins;

    SpectralFlatness(int bins) {
        this.bins = bins;
    }

    /**
     * Flatness of block columns {@code [0, count)} of {@code power[k][j]} into {@code out[t0 + j]};
     * {@code exponents}, {@code product}, {@code logSum} and {@code sum} are scratch rows of the
     * block's width.
     */
    void block(float[][] power, int count, int[] exponents, double[] product, double[] logSum, double[] sum,
               float[] out, int t0) {
        int width = sum.length;
        java.util.Arrays.fill(exponents, 0);
        java.util.Arrays.fill(logSum, 0.0);
        java.util.Arrays.fill(sum, 0.0);
        for (int g = 0; g < bins; g += GROUP) {
            java.util.Arrays.fill(product, 1.0);
            for (int k = g; k < Math.min(bins, g + GROUP); k++) {
                float[] row = power[k];
                for (int j = 0; j < width; j++) {
                    float v = Math.max(AMIN, row[j]);
                    int b = Float.floatToRawIntBits(v);
                    exponents[j] += b >>> 23;
                    product[j] *= Float.intBitsToFloat((b & 0x7FFFFF) | 0x3F800000);
                    sum[j] += v;
                }
            }
            for (int j = 0; j < count; j++) {
                logSum[j] += Math.log(product[j]);
            }
        }
        for (int j = 0; j < count; j++) {
            double meanLog = ((exponents[j] - 127.0 * bins) * LN2 + logSum[j]) / bins;
            out[t0 + j] = (float) (Math.exp(meanLog) / (sum[j] / bins));
        }
    }
}
