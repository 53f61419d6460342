package gaan.report;

import java.util.Arrays;

import gaan.linalg.Pca;

/**
 * 2-D maps of a representation for scatter plots: exact t-SNE (van der Maaten & Hinton 2008) for
 * small n, Barnes-Hut t-SNE ({@link BarnesHutTsne}) above, both with scikit-learn's defaults
 * (perplexity 30, 1000 iterations, the schedule of {@link TsneDescent}), and PCA.
 *
 * <p>Input rows are samples, columns features ({@code n × d}); output is {@code n × 2} in the same
 * row order. Distances are squared Euclidean; entropies use the natural log. Exact t-SNE costs
 * {@code O(n²)} time and memory per iteration, Barnes-Hut {@code O(n log n)} per iteration after
 * one {@code O(n² d)} neighbour scan. Both are deterministic: they start from the PCA map.
 */
public final class Projection {
    /**
     * Up to this many points {@link #map} runs exact t-SNE: exact, and no slower than Barnes-Hut there
     * (32-D blobs, CPU seconds exact/Barnes-Hut: 0.3/0.6 at 300 points, 0.9/1.0 at 600, 2.5/1.7 at 1000).
     */
    public static final int EXACT_TSNE_MAX_N = 500;
    /** Below this many points t-SNE's neighbourhoods are meaningless; {@link #map} uses PCA. */
    public static final int TSNE_MIN_N = 5;

    private static final int DEFAULT_ITERATIONS = 1000;
    private static final double DEFAULT_PERPLEXITY = 30;
    /** scikit-learn's {@code angle}. */
    private static final double BARNES_HUT_THETA = 0.5;

    /** A 2-D map and the method that made it ({@code "t-SNE"}, {@code "Barnes-Hut t-SNE"} or {@code "PCA"}), for plot titles. */
    public record Map2d(double[][] points, String method) {
    }

    private Projection() {
    }

    /**
     * Exact t-SNE when {@code TSNE_MIN_N ≤ n ≤ EXACT_TSNE_MAX_N}, Barnes-Hut t-SNE above (on every
     * core: its result does not depend on the thread count), PCA below.
     */
    public static Map2d map(double[][] x) {
        if (x.length < TSNE_MIN_N) {
            return new Map2d(pca(x, 2), "PCA");
        }
        if (x.length <= EXACT_TSNE_MAX_N) {
            return new Map2d(tsne(x, DEFAULT_PERPLEXITY, DEFAULT_ITERATIONS), "t-SNE");
        }
        int threads = Runtime.getRuntime().availableProcessors();
        return new Map2d(new BarnesHutTsne(DEFAULT_PERPLEXITY, DEFAULT_ITERATIONS, BARNES_HUT_THETA, threads).fit(x),
                "Barnes-Hut t-SNE");
    }

    /**
     * Exact t-SNE to 2-D. The perplexity is capped at {@code (n - 1) / 3} so every point has
     * enough neighbours.
     */
    public static double[][] tsne(double[][] x, double perplexity, int iterations) {
        int n = x.length;
        if (n < 2) {
            return new double[n][2];
        }
        double perp = Math.max(1.0, Math.min(perplexity, (n - 1) / 3.0));
        double[] p = jointProbabilities(squaredDistances(x), n, perp);
        double[] y = TsneDescent.initialLayout(x);
        descend(p, y, n, iterations);
        return TsneDescent.rows(y);
    }

    /**
     * The first {@code k} principal components' scores ({@code n × k}) by {@link Pca}, each
     * component's sign turned so that its largest-magnitude loading is positive. Components the
     * data cannot give (fewer than two points, {@code k} above the dimension or the point count)
     * are zeros.
     */
    public static double[][] pca(double[][] x, int k) {
        int n = x.length;
        int kept = Math.min(k, Math.min(n, n == 0 ? 0 : x[0].length));
        double[][] scores = new double[n][k];
        if (n < 2 || kept < 1) {
            return scores;
        }
        Pca.Model model = new Pca(kept, 1).fit(x);
        double[][] t = model.transform(x);
        for (int m = 0; m < kept; m++) {
            double[] loading = model.components()[m];
            int largest = 0;
            for (int j = 1; j < loading.length; j++) {
                if (Math.abs(loading[j]) > Math.abs(loading[largest])) {
                    largest = j;
                }
            }
            double sign = loading[largest] < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                scores[i][m] = sign * t[i][m];
            }
        }
        return scores;
    }

    private static double[] squaredDistances(double[][] x) {
        int n = x.length;
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int f = 0; f < x[i].length; f++) {
                    double diff = x[i][f] - x[j][f];
                    s += diff * diff;
                }
                d[i * n + j] = s;
                d[j * n + i] = s;
            }
        }
        return d;
    }

    /** Conditional probabilities matched to the perplexity, symmetrised: P = (P + Pᵀ) / 2n. */
    private static double[] jointProbabilities(double[] dist, int n, double perplexity) {
        double[] cond = new double[n * n];
        double[] others = new double[n - 1];
        double[] row = new double[n - 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(dist, i * n, others, 0, i);
            System.arraycopy(dist, i * n + i + 1, others, i, n - 1 - i);
            TsneDescent.conditional(others, n - 1, perplexity, row);
            System.arraycopy(row, 0, cond, i * n, i);
            System.arraycopy(row, i, cond, i * n + i + 1, n - 1 - i);
        }
        double[] p = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p[i * n + j] = Math.max((cond[i * n + j] + cond[j * n + i]) / (2.0 * n), 1e-12);
            }
        }
        return p;
    }

    /**
     * Gradient descent on KL(P || Q) with every pair. One pass over the pairs gives both halves of
     * the gradient ({@link TsneDescent#step}) and Z without an n×n matrix of w.
     */
    private static void descend(double[] p, double[] y, int n, int iterations) {
        TsneDescent descent = new TsneDescent(n);
        double[] attract = new double[2 * n];
        double[] repel = new double[2 * n];
        for (int iter = 0; iter < iterations; iter++) {
            Arrays.fill(attract, 0);
            Arrays.fill(repel, 0);
            double z = 0;
            for (int i = 0; i < n; i++) {
                double yi0 = y[2 * i];
                double yi1 = y[2 * i + 1];
                double a0 = 0;
                double a1 = 0;
                double r0 = 0;
                double r1 = 0;
                for (int j = i + 1; j < n; j++) {
                    double dx = yi0 - y[2 * j];
                    double dy = yi1 - y[2 * j + 1];
                    double w = 1 / (1 + dx * dx + dy * dy);
                    z += 2 * w;
                    double pw = p[i * n + j] * w;
                    double ww = w * w;
                    a0 += pw * dx;
                    a1 += pw * dy;
                    r0 += ww * dx;
                    r1 += ww * dy;
                    attract[2 * j] -= pw * dx;
                    attract[2 * j + 1] -= pw * dy;
                    repel[2 * j] -= ww * dx;
                    repel[2 * j + 1] -= ww * dy;
                }
                attract[2 * i] += a0;
                attract[2 * i + 1] += a1;
                repel[2 * i] += r0;
                repel[2 * i + 1] += r1;
            }
            descent.step(iter, y, attract, repel, z);
        }
    }
}
