package gaan.audio;

/**
 * Mean and population standard deviation (ddof = 0) of a run of float32 frame values, computed in
 * float64: the convention of every per-track statistic ({@link Mfcc#summary}, {@link
 * DescriptorSummary}). Each sum is four interleaved partial sums, so that an addition need not
 * wait for the one before it (one float64 running sum is bound by the adder's latency, and the JIT
 * does not reorder floating-point sums); they differ from one running sum by float64 rounding,
 * far below the float32 the statistics are stored in.
 */
final class FrameStats {
    private FrameStats() {
    }

    static double mean(float[] v, int from, int n) {
        return sum(v, from, n, 0.0, false) / n;
    }

    static double std(float[] v, int from, int n) {
        return std(v, from, n, mean(v, from, n));
    }

    /** The standard deviation of {@code v[from, from + n)} around its {@code mean}. */
    static double std(float[] v, int from, int n, double mean) {
        return Math.sqrt(sum(v, from, n, mean, true) / n);
    }

    /** The sum of {@code v[i] - centre}, or of its squares, over {@code [from, from + n)}. */
    private static double sum(float[] v, int from, int n, double centre, boolean squares) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        int end = from + n;
        for (; i + 3 < end; i += 4) {
            s0 += term(v[i], centre, squares);
            s1 += term(v[i + 1], centre, squares);
            s2 += term(v[i + 2], centre, squares);
            s3 += term(v[i + 3], centre, squares);
        }
        for (; i < end; i++) {
            s0 += term(v[i], centre, squares);
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static double term(float x, double centre, boolean squares) {
        double d = x - centre;
        return squares ? d * d : d;
    }
}
