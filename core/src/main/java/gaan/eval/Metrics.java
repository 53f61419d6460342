package gaan.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import gaan.cluster.Partition;
import gaan.linalg.Parallel;
import gaan.linalg.Points;

/**
 * Clustering quality as scikit-learn 1.2 computes it: silhouette, Davies-Bouldin and
 * Calinski-Harabasz (Euclidean), adjusted Rand index, NMI and AMI (arithmetic normalisation,
 * natural log), purity (Σ over clusters of the largest class count, over n), cluster accuracy
 * (best one-to-one matching of clusters to classes, Hungarian method) and coverage.
 *
 * <p>Noise (label -1): internal metrics use the non-noise points only; external metrics count
 * noise as one more cluster; points whose truth label is -1 (unlabelled) are left out of the
 * external metrics. Undefined metrics are NaN with a reason in {@link Scores#undefinedReason()}.
 */
public final class Metrics {
    private static final double EPS = Math.ulp(1.0);
    /**
     * Silhouette sample size of the experiment: above this many clustered points the O(n²)
     * silhouette is computed on a fixed-seed sample of this size, and the note says so.
     */
    public static final int SILHOUETTE_SAMPLE = 10_000;

    private final int threads;
    private final int silhouetteSample;
    private final long seed;

    /** Exact silhouette on all points, using {@code threads} threads. */
    public Metrics(int threads) {
        this(threads, 0, 0);
    }

    /**
     * @param silhouetteSample if positive and smaller than the number of clustered points, the
     *     silhouette is computed on that many points drawn without replacement (like
     *     scikit-learn's {@code sample_size}); 0 for exact
     * @param seed seed of that draw
     */
    public Metrics(int threads, int silhouetteSample, long seed) {
        if (threads < 1 || silhouetteSample < 0) {
            throw new IllegalArgumentException("threads must be ≥ 1 and silhouetteSample ≥ 0");
        }
        this.threads = threads;
        this.silhouetteSample = silhouetteSample;
        this.seed = seed;
    }

    public Scores score(double[][] x, Partition partition, int[] truth) {
        return score(x, partition.labels(), truth);
    }

    /**
     * Scores {@code labels} (one per row of {@code x}, -1 = noise) against {@code truth} (same
     * length, -1 = unlabelled; {@code null} when there are no labels).
     *
     * @throws IllegalArgumentException for mismatched lengths, labels below -1, no points, or
     *     non-finite values in {@code x} (naming the row)
     */
    public Scores score(double[][] x, int[] labels, int[] truth) {
        Points points = Points.of(x);
        int n = points.size();
        if (n == 0) {
            throw new IllegalArgumentException("no points to score");
        }
        checkLabels("labels", labels, n);
        if (truth != null) {
            checkLabels("truth", truth, n);
        }
        List<String> reasons = new ArrayList<>();
        int[] clustered = Arrays.stream(range(n)).filter(i -> labels[i] >= 0).toArray();
        int noise = n - clustered.length;
        int[] dense = Contingency.dense(select(labels, clustered));
        int k = dense.length == 0 ? 0 : Arrays.stream(dense).max().getAsInt() + 1;

        double sil = Double.NaN;
        double db = Double.NaN;
        double ch = Double.NaN;
        String internal = internalUndefined(clustered.length, k);
        if (internal != null) {
            reasons.add("internal metrics: " + internal);
        } else {
            Points p = points.subset(clustered);
            db = daviesBouldin(p, dense, k);
            ch = calinskiHarabasz(p, dense, k);
            sil = sampledSilhouette(p, dense, k, reasons);
        }

        double ari = Double.NaN;
        double nmi = Double.NaN;
        double ami = Double.NaN;
        double purity = Double.NaN;
        double accuracy = Double.NaN;
        int[] labelled = truth == null ? new int[0]
                : Arrays.stream(range(n)).filter(i -> truth[i] >= 0).toArray();
        if (truth == null) {
            reasons.add("external metrics: no truth labels");
        } else if (labelled.length == 0) {
            reasons.add("external metrics: no point has a truth label");
        } else if (clustered.length == 0) {
            reasons.add("external metrics: all points are noise");
        } else {
            int[] t = select(truth, labelled);
            int[] p = select(labels, labelled);
            ari = adjustedRand(t, p);
            nmi = normalizedMutualInfo(t, p);
            ami = adjustedMutualInfo(t, p);
            purity = purity(t, p);
            accuracy = accuracy(t, p);
        }
        return new Scores(sil, db, ch, ari, nmi, ami, purity, accuracy,
                (double) clustered.length / n, k, noise, String.join("; ", reasons));
    }

    /**
     * The mean silhouette alone (noise excluded, sampling as configured), NaN when undefined.
     */
    public double silhouette(double[][] x, int[] labels) {
        Points points = Points.of(x);
        checkLabels("labels", labels, points.size());
        int[] clustered = Arrays.stream(range(points.size())).filter(i -> labels[i] >= 0).toArray();
        int[] dense = Contingency.dense(select(labels, clustered));
        int k = dense.length == 0 ? 0 : Arrays.stream(dense).max().getAsInt() + 1;
        if (internalUndefined(clustered.length, k) != null) {
            return Double.NaN;
        }
        return sampledSilhouette(points.subset(clustered), dense, k, new ArrayList<>());
    }

    private static String internalUndefined(int m, int k) {
        if (m == 0) {
            return "all points are noise";
        }
        if (k < 2) {
            return "need at least 2 clusters, found " + k;
        }
        if (k >= m) {
            return "need fewer clusters than clustered points (" + k + " clusters, " + m + " points)";
        }
        return null;
    }

    private double sampledSilhouette(Points p, int[] labels, int k, List<String> reasons) {
        int m = p.size();
        if (silhouetteSample == 0 || silhouetteSample >= m) {
            return silhouette(p, labels, k);
        }
        reasons.add("silhouette on a fixed-seed sample of " + silhouetteSample + " of " + m + " points");
        int[] sample = sample(m, silhouetteSample, new SplittableRandom(seed));
        int[] sub = Contingency.dense(select(labels, sample));
        int subK = Arrays.stream(sub).max().getAsInt() + 1;
        String undefined = internalUndefined(sample.length, subK);
        if (undefined != null) {
            reasons.add("silhouette sample: " + undefined);
            return Double.NaN;
        }
        return silhouette(p.subset(sample), sub, subK);
    }

    /**
     * {@code m} distinct indices of {@code 0..n-1}, increasing, drawn by a partial Fisher-Yates
     * shuffle from {@code random}: the one way this package subsamples points.
     */
    static int[] sample(int n, int m, SplittableRandom random) {
        int[] out = Arrays.copyOf(shuffle(n, m, random), m);
        Arrays.sort(out);
        return out;
    }

    /** A permutation of {@code 0..n-1} drawn from {@code random} (Fisher-Yates, as {@link #sample}). */
    static int[] permutation(int n, SplittableRandom random) {
        return shuffle(n, n, random);
    }

    /** 0..n-1 with its first {@code m} places drawn by a partial Fisher-Yates shuffle. */
    private static int[] shuffle(int n, int m, SplittableRandom random) {
        int[] order = range(n);
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    /**
     * Mean silhouette of points with dense labels {@code 0..k-1}; a point alone in its cluster
     * scores 0 (scikit-learn's convention). Each pair distance is computed once when the per-thread
     * sums fit in memory.
     */
    double silhouette(Points p, int[] labels, int k) {
        return silhouette(p, labels, k, (long) p.size() * k * threads <= (1L << 23));
    }

    /** The silhouette with each pair distance computed once ({@code symmetric}) or twice, one row at a time. */
    double silhouette(Points p, int[] labels, int k, boolean symmetric) {
        int m = p.size();
        int dim = p.dim();
        double[] v = p.values();
        long[] size = new long[k];
        for (int l : labels) {
            size[l]++;
        }
        double[] sums = new double[m * k];
        try (Parallel par = new Parallel(threads)) {
            if (symmetric) {
                // Triangle split into slices of equal pair counts; each worker sums into its own copy.
                int parts = par.threads();
                double[][] partial = new double[parts][];
                par.forSlices(parts, 1, (w, from, to) -> {
                    for (int part = from; part < to; part++) {
                        double[] own = part == 0 ? sums : new double[m * k];
                        partial[part] = own;
                        int lo = triangleBoundary(m, part, parts);
                        int hi = triangleBoundary(m, part + 1, parts);
                        for (int i = lo; i < hi; i++) {
                            int li = labels[i];
                            for (int j = i + 1; j < m; j++) {
                                double d = Math.sqrt(Points.sqDist(v, i * dim, v, j * dim, dim));
                                own[i * k + labels[j]] += d;
                                own[j * k + li] += d;
                            }
                        }
                    }
                });
                for (int part = 1; part < parts; part++) {
                    double[] own = partial[part];
                    for (int i = 0; i < sums.length; i++) {
                        sums[i] += own[i];
                    }
                }
            } else {
                par.forChunks(m, 64, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        for (int j = 0; j < m; j++) {
                            sums[i * k + labels[j]] += Math.sqrt(Points.sqDist(v, i * dim, v, j * dim, dim));
                        }
                    }
                });
            }
        }
        double total = 0;
        for (int i = 0; i < m; i++) {
            int li = labels[i];
            if (size[li] == 1) {
                continue;
            }
            double a = sums[i * k + li] / (size[li] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != li) {
                    b = Math.min(b, sums[i * k + c] / size[c]);
                }
            }
            double denom = Math.max(a, b);
            total += denom == 0 ? 0 : (b - a) / denom;
        }
        return total / m;
    }

    /** First row of slice {@code part} of {@code parts} when rows i cost m-1-i pair distances. */
    private static int triangleBoundary(int m, int part, int parts) {
        if (part == parts) {
            return m;
        }
        return (int) Math.round(m - m * Math.sqrt(1.0 - (double) part / parts));
    }

    private static double[] centroids(Points p, int[] labels, int k, long[] size) {
        int dim = p.dim();
        double[] v = p.values();
        double[] c = new double[k * dim];
        for (int i = 0; i < labels.length; i++) {
            size[labels[i]]++;
            for (int j = 0; j < dim; j++) {
                c[labels[i] * dim + j] += v[i * dim + j];
            }
        }
        for (int l = 0; l < k; l++) {
            for (int j = 0; j < dim; j++) {
                c[l * dim + j] /= size[l];
            }
        }
        return c;
    }

    static double daviesBouldin(Points p, int[] labels, int k) {
        int dim = p.dim();
        double[] v = p.values();
        long[] size = new long[k];
        double[] c = centroids(p, labels, k, size);
        double[] intra = new double[k];
        for (int i = 0; i < labels.length; i++) {
            intra[labels[i]] += expandedDistance(v, i * dim, c, labels[i] * dim, dim);
        }
        boolean intraZero = true;
        for (int l = 0; l < k; l++) {
            intra[l] /= size[l];
            intraZero &= Math.abs(intra[l]) <= 1e-8;
        }
        double[][] between = new double[k][k];
        boolean betweenZero = true;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                between[a][b] = Math.sqrt(Points.sqDist(c, a * dim, c, b * dim, dim));
                betweenZero &= between[a][b] <= 1e-8;
            }
        }
        if (intraZero || betweenZero) {
            return 0;
        }
        double total = 0;
        for (int a = 0; a < k; a++) {
            double worst = 0;
            for (int b = 0; b < k; b++) {
                if (between[a][b] != 0) {
                    worst = Math.max(worst, (intra[a] + intra[b]) / between[a][b]);
                }
            }
            total += worst;
        }
        return total / k;
    }

    /**
     * Euclidean distance in scikit-learn's expanded form sqrt(max(0, |x|² − 2x·c + |c|²)), with
     * the norms summed as a tree over blocks of 8 (numpy's einsum) and the dot product as a running
     * fused multiply-add (OpenBLAS's ddot tail). Davies-Bouldin uses it for point-to-centroid
     * distances so that a singleton cluster, whose point is its centroid, gets the same rounding
     * residue (about 1e-7) as scikit-learn instead of an exact 0.
     */
    private static double expandedDistance(double[] x, int xi, double[] c, int ci, int dim) {
        double dot = 0;
        for (int j = 0; j < dim; j++) {
            dot = Math.fma(x[xi + j], c[ci + j], dot);
        }
        double sq = -2 * dot + treeSquares(x, xi, dim) + treeSquares(c, ci, dim);
        return Math.sqrt(Math.max(0, sq));
    }

    private static double treeSquares(double[] a, int from, int dim) {
        double total = 0;
        int j = 0;
        for (; j + 7 < dim; j += 8) {
            double[] p = new double[8];
            for (int t = 0; t < 8; t++) {
                p[t] = a[from + j + t] * a[from + j + t];
            }
            total += ((p[0] + p[1]) + (p[2] + p[3])) + ((p[4] + p[5]) + (p[6] + p[7]));
        }
        for (; j < dim; j++) {
            total += a[from + j] * a[from + j];
        }
        return total;
    }

    static double calinskiHarabasz(Points p, int[] labels, int k) {
        int dim = p.dim();
        int m = labels.length;
        double[] v = p.values();
        long[] size = new long[k];
        double[] c = centroids(p, labels, k, size);
        double[] mean = new double[dim];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < dim; j++) {
                mean[j] += v[i * dim + j];
            }
        }
        for (int j = 0; j < dim; j++) {
            mean[j] /= m;
        }
        double extra = 0;
        for (int l = 0; l < k; l++) {
            extra += size[l] * Points.sqDist(c, l * dim, mean, 0, dim);
        }
        double intra = 0;
        for (int i = 0; i < m; i++) {
            intra += Points.sqDist(v, i * dim, c, labels[i] * dim, dim);
        }
        return intra == 0 ? 1.0 : extra * (m - k) / (intra * (k - 1.0));
    }

    /** Adjusted Rand index from the pair confusion matrix, exact in integers (scikit-learn 1.2). */
    public static double adjustedRand(int[] truth, int[] pred) {
        return adjustedRand(new Contingency(truth, pred));
    }

    /** {@link #adjustedRand(int[], int[])} of a table counted elsewhere. */
    public static double adjustedRand(Contingency c) {
        long squares = 0;
        for (long[] row : c.counts) {
            for (long x : row) {
                squares += x * x;
            }
        }
        long rowSquares = 0;
        for (long a : c.rowSums) {
            rowSquares += a * a;
        }
        long colSquares = 0;
        for (long b : c.colSums) {
            colSquares += b * b;
        }
        BigInteger tp = BigInteger.valueOf(squares - c.n);
        BigInteger fp = BigInteger.valueOf(colSquares - squares);
        BigInteger fn = BigInteger.valueOf(rowSquares - squares);
        BigInteger tn = BigInteger.valueOf(c.n).pow(2).subtract(fp).subtract(fn).subtract(BigInteger.valueOf(squares));
        if (fn.signum() == 0 && fp.signum() == 0) {
            return 1.0;
        }
        BigInteger num = tp.multiply(tn).subtract(fn.multiply(fp)).shiftLeft(1);
        BigInteger den = tp.add(fn).multiply(fn.add(tn)).add(tp.add(fp).multiply(fp.add(tn)));
        return new BigDecimal(num).divide(new BigDecimal(den), MathContext.DECIMAL64).doubleValue();
    }

    /** Mutual information in nats, as {@code sklearn.metrics.mutual_info_score}. */
    public static double mutualInfo(int[] truth, int[] pred) {
        return mutualInfo(new Contingency(truth, pred));
    }

    private static double mutualInfo(Contingency c) {
        if (c.rows() == 1 || c.cols() == 1) {
            return 0;
        }
        double logN = Math.log(c.n);
        double mi = 0;
        for (int i = 0; i < c.rows(); i++) {
            for (int j = 0; j < c.cols(); j++) {
                long nij = c.counts[i][j];
                if (nij == 0) {
                    continue;
                }
                double share = (double) nij / c.n;
                double logOuter = -Math.log((double) (c.rowSums[i] * c.colSums[j])) + logN + logN;
                double term = share * (Math.log(nij) - logN) + share * logOuter;
                mi += Math.abs(term) < EPS ? 0 : term;
            }
        }
        return Math.max(0, mi);
    }

    private static double entropy(long[] counts, long n) {
        if (n == 0) {
            return 1.0;
        }
        double logN = Math.log(n);
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                h -= ((double) c / n) * (Math.log(c) - logN);
            }
        }
        return h;
    }

    /** NMI with arithmetic-mean normalisation; 1 when both labellings have a single value. */
    public static double normalizedMutualInfo(int[] truth, int[] pred) {
        return normalizedMutualInfo(new Contingency(truth, pred));
    }

    /** {@link #normalizedMutualInfo(int[], int[])} of a table counted elsewhere. */
    public static double normalizedMutualInfo(Contingency c) {
        if (c.rows() == c.cols() && c.rows() <= 1) {
            return 1.0;
        }
        double mi = mutualInfo(c);
        if (mi == 0) {
            return 0;
        }
        return mi / ((entropy(c.rowSums, c.n) + entropy(c.colSums, c.n)) / 2);
    }

    /** AMI with arithmetic-mean normalisation and scikit-learn's expected mutual information. */
    public static double adjustedMutualInfo(int[] truth, int[] pred) {
        Contingency c = new Contingency(truth, pred);
        if (c.rows() == c.cols() && c.rows() <= 1) {
            return 1.0;
        }
        double mi = mutualInfo(c);
        double emi = expectedMutualInfo(c);
        double normalizer = (entropy(c.rowSums, c.n) + entropy(c.colSums, c.n)) / 2;
        double denominator = normalizer - emi;
        // Keep the sign when rounding puts the expectation just above the maximum.
        denominator = denominator < 0 ? Math.min(denominator, -EPS) : Math.max(denominator, EPS);
        return (mi - emi) / denominator;
    }

    /** Expected mutual information under the hypergeometric model of random labellings. */
    private static double expectedMutualInfo(Contingency c) {
        long[] a = c.rowSums;
        long[] b = c.colSums;
        if (a.length == 1 || b.length == 1) {
            return 0;
        }
        double bigN = c.n;
        int total = (int) c.n;
        // ln Γ(m) for every integer argument the sums need (1 .. n + 1), computed once.
        double[] lnGamma = new double[total + 2];
        for (int m = 1; m <= total + 1; m++) {
            lnGamma[m] = LogGamma.of(m);
        }
        double logN = Math.log(bigN);
        double emi = 0;
        for (long ai : a) {
            double logA = Math.log(ai);
            double fixedA = lnGamma[(int) ai + 1] + lnGamma[total - (int) ai + 1];
            for (long bj : b) {
                double logB = Math.log(bj);
                double fixed = fixedA + lnGamma[(int) bj + 1] + lnGamma[total - (int) bj + 1] - lnGamma[total + 1];
                long start = Math.max(1, ai - c.n + bj);
                long end = Math.min(ai, bj);
                for (long nij = start; nij <= end; nij++) {
                    int m = (int) nij;
                    double term2 = logN + Math.log(nij) - logA - logB;
                    double gln = fixed - lnGamma[m + 1] - lnGamma[(int) (ai - nij) + 1] - lnGamma[(int) (bj - nij) + 1]
                            - lnGamma[(int) (c.n - ai - bj + nij) + 1];
                    emi += (nij / bigN) * term2 * Math.exp(gln);
                }
            }
        }
        return emi;
    }

    /** Σ over predicted clusters of the count of their most frequent class, over n. */
    public static double purity(int[] truth, int[] pred) {
        return purity(new Contingency(truth, pred));
    }

    /** {@link #purity(int[], int[])} of a table counted elsewhere. */
    public static double purity(Contingency c) {
        long total = 0;
        for (int j = 0; j < c.cols(); j++) {
            long best = 0;
            for (int i = 0; i < c.rows(); i++) {
                best = Math.max(best, c.counts[i][j]);
            }
            total += best;
        }
        return (double) total / c.n;
    }

    /** Share of points on the diagonal after the best one-to-one matching of clusters to classes. */
    public static double accuracy(int[] truth, int[] pred) {
        Contingency c = new Contingency(truth, pred);
        double[][] w = new double[c.rows()][c.cols()];
        for (int i = 0; i < c.rows(); i++) {
            for (int j = 0; j < c.cols(); j++) {
                w[i][j] = c.counts[i][j];
            }
        }
        return Hungarian.maxWeight(w) / c.n;
    }

    private static void checkLabels(String name, int[] labels, int n) {
        if (labels == null || labels.length != n) {
            throw new IllegalArgumentException(name + " has " + (labels == null ? "no" : labels.length)
                    + " entries for " + n + " points");
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < -1) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + labels[i]
                        + "; labels are ≥ 0, or -1 for noise/unlabelled");
            }
        }
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static int[] select(int[] values, int[] index) {
        int[] out = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            out[i] = values[index[i]];
        }
        return out;
    }
}
