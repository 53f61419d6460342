package gaan.audio;

/**
 * librosa 0.11's {@code feature.spectral_flatness(S=|D|, power=2.0, amin=1e-10)}: the geometric
 * mean of the frame's powers {@code max(amin, |D|^2)} over their arithmetic mean. Digital silence
 * gives 1.
 *
 * <p>The geometric mean needs the sum of 1025 logarithms per frame; rather than a logarithm per
 * bin, the powers are multiplied in float64 over groups of {@link #GROUP} bins (each power lies in
 * [1e-10, 2^40), so a group's product cannot overflow or underflow), and each group's product is
 * folded into a renormalised running product (exponent kept apart): one logarithm per frame. The
 * per-bin work (a maximum, a conversion, a multiplication and an addition) vectorises; the
 * products' rounding moves the mean logarithm by about 1e-16. Immutable and thread-safe.
 */
final class SpectralFlatness {
    static final float AMIN = 1e-10f;
    /** Powers multiplied per group: 16 powers in [1e-10, 2^40) multiply to within float64's range. */
    private static final int GROUP = 16;
    private static final double LN2 = Math.log(2.0);
    private static final long MANTISSA_BITS = 0x000f_ffff_ffff_ffffL;
    /** The exponent bits of 1.0. */
    private static final long ONE_EXPONENT_BITS = 0x3ff0_0000_0000_0000L;

    private final int bins;

    SpectralFlatness(int bins) {
        this.bins = bins;
    }

    /**
     * Flatness of block columns {@code [0, count)} of {@code power[k][j]} into {@code out[t0 + j]};
     * {@code product}, {@code groupProduct} and {@code sum} are float64 scratch rows of the block's
     * width, {@code scale} an int one.
     */
    void block(float[][] power, int count, double[] product, double[] groupProduct, double[] sum, int[] scale,
               float[] out, int t0) {
        int width = sum.length;
        java.util.Arrays.fill(product, 1.0);
        java.util.Arrays.fill(sum, 0.0);
        java.util.Arrays.fill(scale, 0);
        for (int g = 0; g < bins; g += GROUP) {
            java.util.Arrays.fill(groupProduct, 1.0);
            for (int k = g; k < Math.min(bins, g + GROUP); k++) {
                float[] row = power[k];
                for (int j = 0; j < width; j++) {
                    double v = Math.max(AMIN, row[j]);
                    groupProduct[j] *= v;
                    sum[j] += v;
                }
            }
            for (int j = 0; j < count; j++) {
                // p is a positive normal number: its exponent and mantissa apart by their bits,
                // as Math.getExponent and Math.scalb(p, -e) would give them, at a fraction of the cost.
                long bits = Double.doubleToRawLongBits(product[j] * groupProduct[j]);
                product[j] = Double.longBitsToDouble(bits & MANTISSA_BITS | ONE_EXPONENT_BITS);
                scale[j] += (int) (bits >>> 52) - 1023;
            }
        }
        for (int j = 0; j < count; j++) {
            double logSum = scale[j] * LN2 + Math.log(product[j]);
            out[t0 + j] = (float) (Math.exp(logSum / bins) / (sum[j] / bins));
        }
    }
}
