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
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        int end = from + n;
        for (; i + 3 < end; i += 4) {
            s0 += v[i];
            s1 += v[i + 1];
            s2 += v[i + 2];
            s3 += v[i + 3];
        }
        for (; i < end; i++) {
            s0 += v[i];
        }
        return ((s0 + s1) + (s2 + s3)) / n;
    }

    static double std(float[] v, int from, int n) {
        return std(v, from, n, mean(v, from, n));
    }

    /** The standard deviation of {@code v[from, from + n)} around its {@code mean}. */
    static double std(float[] v, int from, int n, double mean) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        int end = from + n;
        for (; i + 3 < end; i += 4) {
            double d0 = v[i] - mean;
            double d1 = v[i + 1] - mean;
            double d2 = v[i + 2] - mean;
            double d3 = v[i + 3] - mean;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < end; i++) {
            double d = v[i] - mean;
            s0 += d * d;
        }
        return Math.sqrt(((s0 + s1) + (s2 + s3)) / n);
    }
}
