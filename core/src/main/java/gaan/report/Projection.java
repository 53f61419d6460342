package gaan.report;

import java.util.Arrays;

import gaan.linalg.Pca;

/**
 * 2-D maps of a representation for scatter plots: exact t-SNE (van der Maaten & Hinton 2008,
 * with scikit-learn's defaults: perplexity 30, early exaggeration 12 for 250 iterations, learning
 * rate {@code max(n / 12 / 4, 50)}, momentum 0.5 then 0.8, adaptive gains, PCA initialisation
 * scaled to standard deviation 1e-4) and PCA.
 *
 * <p>Input rows are samples, columns features ({@code n × d}); output is {@code n × 2} in the same
 * row order. Distances are squared Euclidean; entropies use the natural log. t-SNE costs
 * {@code O(n²)} time and memory per iteration, so {@link #map} switches to PCA above
 * {@link #TSNE_MAX_N} points.
 */
public final class Projection {
    /** Above this many points {@link #map} uses PCA: exact t-SNE's n×n matrices become too slow. */
    public static final int TSNE_MAX_N = 2000;
    /** Below this many points t-SNE's neighbourhoods are meaningless; {@link #map} uses PCA. */
    public static final int TSNE_MIN_N = 5;

    private static final double EARLY_EXAGGERATION = 12;
    private static final int EXAGGERATION_ITERATIONS = 250;
    private static final int DEFAULT_ITERATIONS = 1000;
    private static final double DEFAULT_PERPLEXITY = 30;

    /** A 2-D map and the method that made it ({@code "t-SNE"} or {@code "PCA"}), for plot titles. */
    public record Map2d(double[][] points, String method) {
    }

    private Projection() {
    }

    /** t-SNE when {@code TSNE_MIN_N ≤ n ≤ TSNE_MAX_N}, PCA otherwise. */
    public static Map2d map(double[][] x) {
        if (x.length >= TSNE_MIN_N && x.length <= TSNE_MAX_N) {
            return new Map2d(tsne(x, DEFAULT_PERPLEXITY, DEFAULT_ITERATIONS), "t-SNE");
        }
        return new Map2d(pca(x, 2), "PCA");
    }

    /**
     * Exact t-SNE to 2-D. The perplexity is capped at {@code (n - 1) / 3} so every point has
     * enough neighbours. Deterministic: it starts from the PCA map.
     */
    public static double[][] tsne(double[][] x, double perplexity, int iterations) {
        int n = x.length;
        if (n < 2) {
            return new double[n][2];
        }
        double perp = Math.max(1.0, Math.min(perplexity, (n - 1) / 3.0));
        double[] p = jointProbabilities(squaredDistances(x), n, perp);

        double[][] init = pca(x, 2);
        double sd = std(init, 0);
        double scale = sd > 0 ? 1e-4 / sd : 1;
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            y[2 * i] = init[i][0] * scale;
            y[2 * i + 1] = init[i][1] * scale;
        }
        descend(p, y, n, iterations);
        double[][] out = new double[n][2];
        for (int i = 0; i < n; i++) {
            out[i][0] = y[2 * i];
            out[i][1] = y[2 * i + 1];
        }
        return out;
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

    /** Conditional probabilities matched to the perplexity by bisection on the precision, symmetrised: P = (P + Pᵀ) / 2n. */
    private static double[] jointProbabilities(double[] dist, int n, double perplexity) {
        double target = Math.log(perplexity);
        double[] cond = new double[n * n];
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            double beta = 1;
            double lo = Double.NEGATIVE_INFINITY;
            double hi = Double.POSITIVE_INFINITY;
            for (int step = 0; step < 100; step++) {
                double sum = 0;
                double weighted = 0;
                for (int j = 0; j < n; j++) {
                    row[j] = j == i ? 0 : Math.exp(-dist[i * n + j] * beta);
                    sum += row[j];
                    weighted += dist[i * n + j] * row[j];
                }
                if (sum == 0) {
                    sum = 1e-8;
                }
                double entropy = Math.log(sum) + beta * weighted / sum;
                for (int j = 0; j < n; j++) {
                    row[j] /= sum;
                }
                double diff = entropy - target;
                if (Math.abs(diff) < 1e-5) {
                    break;
                }
                if (diff > 0) { // too flat: sharpen
                    lo = beta;
                    beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
                } else {
                    hi = beta;
                    beta = lo == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + lo) / 2;
                }
            }
            System.arraycopy(row, 0, cond, i * n, n);
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
     * Gradient descent on KL(P || Q). With w = 1 / (1 + |yi - yj|²) and Z = Σ w, the gradient
     * 4 Σ_j (e·p_ij - w_ij / Z) w_ij (yi - yj) splits into Σ p·w·Δ and Σ w²·Δ, so one pass over
     * the pairs gives both sums and Z without an n×n matrix of w.
     */
    private static void descend(double[] p, double[] y, int n, int iterations) {
        double learningRate = Math.max(n / EARLY_EXAGGERATION / 4, 50);
        double[] update = new double[2 * n];
        double[] gains = new double[2 * n];
        Arrays.fill(gains, 1);
        double[] attract = new double[2 * n];
        double[] repel = new double[2 * n];
        for (int iter = 0; iter < iterations; iter++) {
            boolean early = iter < EXAGGERATION_ITERATIONS;
            double exaggeration = early ? EARLY_EXAGGERATION : 1;
            double momentum = early ? 0.5 : 0.8;
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
            for (int k = 0; k < 2 * n; k++) {
                double grad = 4 * (exaggeration * attract[k] - repel[k] / z);
                boolean sameSign = update[k] * grad < 0;
                gains[k] = Math.max(sameSign ? gains[k] + 0.2 : gains[k] * 0.8, 0.01);
                update[k] = momentum * update[k] - learningRate * gains[k] * grad;
                y[k] += update[k];
            }
        }
    }

    private static double std(double[][] a, int col) {
        double mean = 0;
        for (double[] r : a) {
            mean += r[col];
        }
        mean /= a.length;
        double ss = 0;
        for (double[] r : a) {
            ss += (r[col] - mean) * (r[col] - mean);
        }
        return Math.sqrt(ss / a.length);
    }
}
