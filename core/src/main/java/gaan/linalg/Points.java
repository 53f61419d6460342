package gaan.linalg;

/**
 * Points stored flat in row-major order: point {@code i}, feature {@code j} is
 * {@code values[i * dim + j]}. Every algorithm in {@code gaan.cluster} and {@code gaan.eval} works
 * on this copy so that the inner loops run over one contiguous array. Distances are Euclidean.
 */
public final class Points {
    private final int n;
    private final int dim;
    private final double[] values;

    private Points(int n, int dim, double[] values) {
        this.n = n;
        this.dim = dim;
        this.values = values;
    }

    /**
     * Copies rows into flat storage.
     *
     * @throws IllegalArgumentException if rows are ragged or hold NaN or infinity (naming the row)
     */
    public static Points of(double[][] rows) {
        if (rows == null) {
            throw new IllegalArgumentException("no points given (null matrix)");
        }
        int n = rows.length;
        int dim = n == 0 ? 0 : rows[0].length;
        double[] v = new double[n * dim];
        for (int i = 0; i < n; i++) {
            double[] row = rows[i];
            if (row == null || row.length != dim) {
                throw new IllegalArgumentException("row " + i + " has " + (row == null ? 0 : row.length)
                        + " values but row 0 has " + dim + "; every point needs the same number of features");
            }
            for (int j = 0; j < dim; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("row " + i + ", column " + j + " is " + row[j]
                            + "; remove or impute non-finite features before clustering");
                }
            }
            System.arraycopy(row, 0, v, i * dim, dim);
        }
        return new Points(n, dim, v);
    }

    /** The points whose index is listed, in that order. */
    public Points subset(int[] index) {
        double[] v = new double[index.length * dim];
        for (int i = 0; i < index.length; i++) {
            System.arraycopy(values, index[i] * dim, v, i * dim, dim);
        }
        return new Points(index.length, dim, v);
    }

    public int size() {
        return n;
    }

    public int dim() {
        return dim;
    }

    /** The backing array (not a copy): row-major, {@code size() * dim()} values. */
    public double[] values() {
        return values;
    }

    /**
     * Squared Euclidean distance between {@code dim} values of {@code a} from {@code ai} and of
     * {@code b} from {@code bi}. Eight partial sums break the floating-point dependency chain, which
     * makes this kernel several times faster than one running sum.
     */
    public static double sqDist(double[] a, int ai, double[] b, int bi, int dim) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int j = 0;
        for (; j + 7 < dim; j += 8) {
            double d0 = a[ai + j] - b[bi + j];
            double d1 = a[ai + j + 1] - b[bi + j + 1];
            double d2 = a[ai + j + 2] - b[bi + j + 2];
            double d3 = a[ai + j + 3] - b[bi + j + 3];
            double d4 = a[ai + j + 4] - b[bi + j + 4];
            double d5 = a[ai + j + 5] - b[bi + j + 5];
            double d6 = a[ai + j + 6] - b[bi + j + 6];
            double d7 = a[ai + j + 7] - b[bi + j + 7];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
            s4 += d4 * d4;
            s5 += d5 * d5;
            s6 += d6 * d6;
            s7 += d7 * d7;
        }
        for (; j < dim; j++) {
            double d = a[ai + j] - b[bi + j];
            s0 += d * d;
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /**
     * {@code scale} times the squared distance, like {@link #sqDist(double[], int, double[], int, int)},
     * but may stop early, returning a value above {@code limit}, once the partial sum times
     * {@code scale} exceeds {@code limit}.
     * The full sum is computed in the same order as with an infinite limit, so results compare
     * exactly.
     */
    public static double scaledSqDistBounded(double[] a, int ai, double[] b, int bi, int dim, double scale, double limit) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        // Check after 4 values, then every 8: far candidates are
        // usually rejected at the first check.
        if (dim >= 4) {
            double d0 = a[ai] - b[bi];
            double d1 = a[ai + 1] - b[bi + 1];
            double d2 = a[ai + 2] - b[bi + 2];
            double d3 = a[ai + 3] - b[bi + 3];
            s0 = d0 * d0;
            s1 = d1 * d1;
            s2 = d2 * d2;
            s3 = d3 * d3;
            j = 4;
            if (((s0 + s1) + (s2 + s3)) * scale > limit) {
                return ((s0 + s1) + (s2 + s3)) * scale;
            }
        }
        for (; j + 7 < dim; j += 8) {
            double d0 = a[ai + j] - b[bi + j];
            double d1 = a[ai + j + 1] - b[bi + j + 1];
            double d2 = a[ai + j + 2] - b[bi + j + 2];
            double d3 = a[ai + j + 3] - b[bi + j + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
            double e0 = a[ai + j + 4] - b[bi + j + 4];
            double e1 = a[ai + j + 5] - b[bi + j + 5];
            double e2 = a[ai + j + 6] - b[bi + j + 6];
            double e3 = a[ai + j + 7] - b[bi + j + 7];
            s0 += e0 * e0;
            s1 += e1 * e1;
            s2 += e2 * e2;
            s3 += e3 * e3;
            if (((s0 + s1) + (s2 + s3)) * scale > limit) {
                return ((s0 + s1) + (s2 + s3)) * scale;
            }
        }
        for (; j + 3 < dim; j += 4) {
            double d0 = a[ai + j] - b[bi + j];
            double d1 = a[ai + j + 1] - b[bi + j + 1];
            double d2 = a[ai + j + 2] - b[bi + j + 2];
            double d3 = a[ai + j + 3] - b[bi + j + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; j < dim; j++) {
            double d = a[ai + j] - b[bi + j];
            s0 += d * d;
        }
        return ((s0 + s1) + (s2 + s3)) * scale;
    }

    /**
     * Squared distance from the point at {@code q[qo .. qo + dim)} to the axis-aligned box whose
     * corners are {@code lo[box .. box + dim)} and {@code hi[box .. box + dim)}, or any value
     * above {@code limit} once the partial sum exceeds it (checked every eight features): the
     * pruning test of the k-d tree and of Ward's blocked nearest-neighbour search.
     */
    public static double minSqToBox(double[] q, int qo, double[] lo, double[] hi, int box, int dim, double limit) {
        double s = 0;
        for (int j = 0; j < dim; j++) {
            double x = q[qo + j];
            double d = Math.max(0, Math.max(lo[box + j] - x, x - hi[box + j]));
            s += d * d;
            if ((j & 7) == 7 && s > limit) {
                return s;
            }
        }
        return s;
    }
}
