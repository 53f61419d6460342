package gaan.audio;

/**
 * librosa 0.11's {@code feature.spectral_flatness(S=|D|, power=2.0, amin=1e-10)}: the geometric
 * mean of the frame's powers {@code max(amin, |D|^2)} over their arithmetic mean. Digital silence
 * gives 1.
 *
 * <p>The geometric mean needs the sum of 1025 logarithms per frame; rather than a logarithm per
 * bin, the powers are multiplied: three at a time in float32 (each power lies in [1e-10, 2^40), so
 * three multiply to within float32's normal range), the triples' products in float64 over groups
 * of {@link #GROUP} bins (within float64's range), and each group's product is folded into a
 * renormalised running product (exponent kept apart): one logarithm per frame. The arithmetic
 * mean adds the triples' float32 sums in float64. The float32 step is what the JIT vectorises
 * (it does not vectorise a float-to-double conversion), and it leaves a third of the conversions;
 * its rounding (about 1e-7 of a triple) moves the flatness by well under 1e-7. Immutable and
 * thread-safe.
 */
final class SpectralFlatness {
    static final float AMIN = 1e-10f;
    /** Powers multiplied in float32 before a conversion: 3 powers in [1e-10, 2^40) stay within [1e-30, 2^120]. */
    private static final int TRIPLE = 3;
    /** Powers multiplied per group: 15 powers in [1e-10, 2^40) multiply to within float64's range. */
    private static final int GROUP = 5 * TRIPLE;
    private static final double LN2 = Math.log(2.0);
    private static final long MANTISSA_BITS = 0x000f_ffff_ffff_ffffL;
    /** The exponent bits of 1.0. */
    private static final long ONE_EXPONENT_BITS = 0x3ff0_0000_0000_0000L;

    private final int bins;

    SpectralFlatness(int bins) {
        this.bins = bins;
    }

    /** Scratch rows of the block's width for {@link #block}. */
    static final class Scratch {
        final double[] product;
        final double[] groupProduct;
        final double[] sum;
        final int[] scale;
        final float[] tripleProduct;
        final float[] tripleSum;

        Scratch(int width) {
            product = new double[width];
            groupProduct = new double[width];
            sum = new double[width];
            scale = new int[width];
            tripleProduct = new float[width];
            tripleSum = new float[width];
        }
    }

    /** Flatness of block columns {@code [0, count)} of {@code power[k][j]} into {@code out[t0 + j]}. */
    void block(float[][] power, int count, Scratch s, float[] out, int t0) {
        double[] product = s.product;
        double[] groupProduct = s.groupProduct;
        double[] sum = s.sum;
        int[] scale = s.scale;
        float[] tp = s.tripleProduct;
        float[] ts = s.tripleSum;
        int width = sum.length;
        java.util.Arrays.fill(product, 1.0);
        java.util.Arrays.fill(sum, 0.0);
        java.util.Arrays.fill(scale, 0);
        for (int g = 0; g < bins; g += GROUP) {
            java.util.Arrays.fill(groupProduct, 1.0);
            int groupEnd = Math.min(bins, g + GROUP);
            for (int k = g; k < groupEnd; k += TRIPLE) {
                if (k + TRIPLE <= groupEnd) {
                    float[] r0 = power[k];
                    float[] r1 = power[k + 1];
                    float[] r2 = power[k + 2];
                    for (int j = 0; j < width; j++) {
                        float v0 = Math.max(AMIN, r0[j]);
                        float v1 = Math.max(AMIN, r1[j]);
                        float v2 = Math.max(AMIN, r2[j]);
                        tp[j] = v0 * v1 * v2;
                        ts[j] = v0 + v1 + v2;
                    }
                } else {
                    java.util.Arrays.fill(tp, 1f);
                    java.util.Arrays.fill(ts, 0f);
                    for (int i = k; i < groupEnd; i++) {
                        float[] r = power[i];
                        for (int j = 0; j < width; j++) {
                            float v = Math.max(AMIN, r[j]);
                            tp[j] *= v;
                            ts[j] += v;
                        }
                    }
                }
                for (int j = 0; j < width; j++) {
                    groupProduct[j] *= tp[j];
                    sum[j] += ts[j];
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
