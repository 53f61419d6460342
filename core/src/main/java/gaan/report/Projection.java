package gaan.report;

import java.util.Arrays;
import java.util.Random;

/**
 * 2-D maps of a representation for scatter plots: exact t-SNE (van der Maaten & Hinton 2008) for
 * small n, Barnes-Hut t-SNE ({@link BarnesHutTsne}) above, both with scikit-learn's defaults
 * (perplexity 30, 1000 iterations, the schedule of {@link TsneDescent}), and PCA.
 *
 * <p>Input rows are samples, columns features ({@code n × d}); output is {@code n × 2} in the same
 * row order. Distances are squared Euclidean; entropies use the natural log. Exact t-SNE costs
 * {@code O(n²)} time and memory per iteration, Barnes-Hut {@code O(n log n)} per iteration after
 * one {@code O(n² d)} neighbour scan.
 */
public final class Projection {
    /** Up to this many points {@link #map} runs exact t-SNE: as fast as Barnes-Hut there, and exact. */
    public static final int EXACT_TSNE_MAX_N = 1000;
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
    public static Map2d map(double[][] x, long seed) {
        if (x.length < TSNE_MIN_N) {
            return new Map2d(pca(x, 2, seed), "PCA");
        }
        if (x.length <= EXACT_TSNE_MAX_N) {
            return new Map2d(tsne(x, DEFAULT_PERPLEXITY, DEFAULT_ITERATIONS, seed), "t-SNE");
        }
        int threads = Runtime.getRuntime().availableProcessors();
        return new Map2d(new BarnesHutTsne(DEFAULT_PERPLEXITY, DEFAULT_ITERATIONS, BARNES_HUT_THETA, seed, threads)
                .fit(x), "Barnes-Hut t-SNE");
    }

    /**
     * Exact t-SNE to 2-D. The perplexity is capped at {@code (n - 1) / 3} so every point has
     * enough neighbours; the seed only affects the PCA initialisation's start vectors.
     */
    public static double[][] tsne(double[][] x, double perplexity, int iterations, long seed) {
        int n = x.length;
        if (n < 2) {
            return new double[n][2];
        }
        double perp = Math.max(1.0, Math.min(perplexity, (n - 1) / 3.0));
        double[] p = jointProbabilities(squaredDistances(x), n, perp);
        double[] y = TsneDescent.initialLayout(x, seed);
        descend(p, y, n, iterations);
        return TsneDescent.rows(y);
    }

    /**
     * The first {@code k} principal components' scores ({@code n × k}), from the eigenvectors of
     * the covariance of the centred data found by power iteration with deflation. Each component's
     * sign makes its largest-magnitude loading positive, so results do not depend on the seed
     * beyond rounding.
     */
    public static double[][] pca(double[][] x, int k, long seed) {
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        double[][] c = new double[n][d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j];
            }
            mean /= Math.max(n, 1);
            for (int i = 0; i < n; i++) {
                c[i][j] = x[i][j] - mean;
            }
        }
        Random random = new Random(seed);
        double[][] components = new double[k][];
        for (int m = 0; m < k; m++) {
            components[m] = m < d ? leadingEigenvector(c, components, m, random) : new double[d];
        }
        double[][] scores = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < k; m++) {
                scores[i][m] = dot(c[i], components[m]);
            }
        }
        return scores;
    }

    /** Power iteration on Cov = CᵀC (scale irrelevant) restricted to the complement of the found components. */
    private static double[] leadingEigenvector(double[][] c, double[][] found, int nFound, Random random) {
        int d = c[0].length;
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = random.nextGaussian();
        }
        orthonormalise(v, found, nFound);
        double[] xv = new double[c.length];
        for (int iter = 0; iter < 2000; iter++) {
            for (int i = 0; i < c.length; i++) {
                xv[i] = dot(c[i], v);
            }
            double[] next = new double[d];
            for (int i = 0; i < c.length; i++) {
                double s = xv[i];
                double[] row = c[i];
                for (int j = 0; j < d; j++) {
                    next[j] += s * row[j];
                }
            }
            if (!orthonormalise(next, found, nFound)) {
                break; // no variance left in the remaining directions
            }
            double change = 0;
            for (int j = 0; j < d; j++) {
                change = Math.max(change, Math.abs(next[j] - v[j]));
            }
            v = next;
            if (change < 1e-10) {
                break;
            }
        }
        int largest = 0;
        for (int j = 1; j < d; j++) {
            if (Math.abs(v[j]) > Math.abs(v[largest])) {
                largest = j;
            }
        }
        if (v[largest] < 0) {
            for (int j = 0; j < d; j++) {
                v[j] = -v[j];
            }
        }
        return v;
    }

    /** Gram-Schmidt against the found components, then unit length; false when nothing is left. */
    private static boolean orthonormalise(double[] v, double[][] found, int nFound) {
        for (int m = 0; m < nFound; m++) {
            double proj = dot(v, found[m]);
            for (int j = 0; j < v.length; j++) {
                v[j] -= proj * found[m][j];
            }
        }
        double norm = Math.sqrt(dot(v, v));
        if (norm < 1e-300) {
            return false;
        }
        for (int j = 0; j < v.length; j++) {
            v[j] /= norm;
        }
        return true;
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

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
