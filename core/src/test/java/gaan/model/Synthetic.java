package gaan.model;

import java.util.Random;

/** Structured synthetic data for VAE tests: clusters on a low-dimensional manifold, blob patches. */
final class Synthetic {
    private Synthetic() {
    }

    /**
     * {@code n} rows of {@code d} features: k Gaussian clusters in a 3-D space, mapped to d
     * dimensions by a random linear map, plus small isotropic noise. Row i is in cluster i % k.
     */
    static float[][] clusters(int n, int d, int k, long seed) {
        Random r = new Random(seed);
        double[][] centres = new double[k][3];
        for (double[] c : centres) {
            for (int j = 0; j < 3; j++) {
                c[j] = 3 * r.nextGaussian();
            }
        }
        double[][] map = new double[3][d];
        for (double[] row : map) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextGaussian();
            }
        }
        float[][] x = new float[n][d];
        for (int i = 0; i < n; i++) {
            double[] p = new double[3];
            for (int j = 0; j < 3; j++) {
                p[j] = centres[i % k][j] + 0.5 * r.nextGaussian();
            }
            for (int f = 0; f < d; f++) {
                double v = 0.1 * r.nextGaussian();
                for (int j = 0; j < 3; j++) {
                    v += p[j] * map[j][f];
                }
                x[i][f] = (float) v;
            }
        }
        return x;
    }

    /** {@code n} size×size patches, each a Gaussian blob at a random position (two latent factors). */
    static float[][][] blobs(int n, int size, long seed) {
        Random r = new Random(seed);
        float[][][] x = new float[n][size][size];
        double width = size / 8.0;
        for (int i = 0; i < n; i++) {
            double cy = size * (0.2 + 0.6 * r.nextDouble());
            double cx = size * (0.2 + 0.6 * r.nextDouble());
            for (int y = 0; y < size; y++) {
                for (int xx = 0; xx < size; xx++) {
                    double dy = y - cy;
                    double dx = xx - cx;
                    x[i][y][xx] = (float) Math.exp(-(dx * dx + dy * dy) / (2 * width * width));
                }
            }
        }
        return x;
    }

    /** Sum over features of the variance (ddof 0) of the standardised data: the loss of predicting the mean. */
    static double standardisedVarianceSum(float[][] x) {
        int d = x[0].length;
        double total = 0;
        for (int f = 0; f < d; f++) {
            double s = 0;
            double sq = 0;
            for (float[] row : x) {
                s += row[f];
                sq += row[f] * row[f];
            }
            double var = sq / x.length - (s / x.length) * (s / x.length);
            total += var > 1e-12 ? 1 : 0;
        }
        return total;
    }
}
