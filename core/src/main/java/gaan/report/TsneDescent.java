package gaan.report;

import java.util.Arrays;

/**
 * The optimisation both t-SNE variants share, as scikit-learn's {@code TSNE} (1.2) runs it: PCA
 * initialisation scaled to standard deviation 1e-4 on the first axis, early exaggeration 12 for
 * 250 iterations, learning rate {@code max(n / 12 / 4, 50)}, momentum 0.5 then 0.8, adaptive
 * gains (+0.2 when the gradient changes sign, ×0.8 otherwise, at least 0.01). Points are stored
 * interleaved ({@code y[2i], y[2i + 1]}); perplexities are matched in nats.
 */
final class TsneDescent {
    private static final double EARLY_EXAGGERATION = 12;
    private static final int EXAGGERATION_ITERATIONS = 250;

    private final double learningRate;
    private final double[] update;
    private final double[] gains;

    TsneDescent(int n) {
        learningRate = Math.max(n / EARLY_EXAGGERATION / 4, 50);
        update = new double[2 * n];
        gains = new double[2 * n];
        Arrays.fill(gains, 1);
    }

    /** The factor on P at iteration {@code iter} (0-based). */
    static double exaggeration(int iter) {
        return iter < EXAGGERATION_ITERATIONS ? EARLY_EXAGGERATION : 1;
    }

    /**
     * One step on KL(P || Q) from its two halves: {@code attract} = Σ_j p_ij w_ij (y_i - y_j) and
     * {@code repel} = Σ_j w_ij² (y_i - y_j) with w = 1 / (1 + |y_i - y_j|²) and {@code z} = Σ_{i≠j} w_ij.
     */
    void step(int iter, double[] y, double[] attract, double[] repel, double z) {
        double exaggeration = exaggeration(iter);
        double momentum = iter < EXAGGERATION_ITERATIONS ? 0.5 : 0.8;
        for (int k = 0; k < y.length; k++) {
            double grad = 4 * (exaggeration * attract[k] - repel[k] / z);
            boolean sameSign = update[k] * grad < 0;
            gains[k] = Math.max(sameSign ? gains[k] + 0.2 : gains[k] * 0.8, 0.01);
            update[k] = momentum * update[k] - learningRate * gains[k] * grad;
            y[k] += update[k];
        }
    }

    /** The first two principal components scaled so the first has standard deviation 1e-4, interleaved. */
    static double[] initialLayout(double[][] x) {
        double[][] init = Projection.pca(x, 2);
        int n = init.length;
        double mean = 0;
        for (double[] r : init) {
            mean += r[0];
        }
        mean /= n;
        double ss = 0;
        for (double[] r : init) {
            ss += (r[0] - mean) * (r[0] - mean);
        }
        double sd = Math.sqrt(ss / n);
        double scale = sd > 0 ? 1e-4 / sd : 1;
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            y[2 * i] = init[i][0] * scale;
            y[2 * i + 1] = init[i][1] * scale;
        }
        return y;
    }

    /** Interleaved points back to rows. */
    static double[][] rows(double[] y) {
        double[][] out = new double[y.length / 2][2];
        for (int i = 0; i < out.length; i++) {
            out[i][0] = y[2 * i];
            out[i][1] = y[2 * i + 1];
        }
        return out;
    }

    /**
     * One point's conditional probabilities p_{j|i} ∝ exp(-β d_j) over the first {@code len}
     * squared distances of {@code dist}, written to {@code out}; β found by bisection so that their entropy
     * is log(perplexity) within 1e-5 (at most 100 steps, as scikit-learn).
     */
    static void conditional(double[] dist, int len, double perplexity, double[] out) {
        double target = Math.log(perplexity);
        double beta = 1;
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        for (int step = 0; step < 100; step++) {
            double sum = 0;
            double weighted = 0;
            for (int j = 0; j < len; j++) {
                out[j] = Math.exp(-dist[j] * beta);
                sum += out[j];
                weighted += dist[j] * out[j];
            }
            if (sum == 0) {
                sum = 1e-8;
            }
            double entropy = Math.log(sum) + beta * weighted / sum;
            for (int j = 0; j < len; j++) {
                out[j] /= sum;
            }
            double diff = entropy - target;
            if (Math.abs(diff) < 1e-5) {
                return;
            }
            if (diff > 0) { // too flat: sharpen
                lo = beta;
                beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = lo == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + lo) / 2;
            }
        }
    }
}
