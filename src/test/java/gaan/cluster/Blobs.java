package gaan.cluster;

import java.util.SplittableRandom;

/**
 * Gaussian blobs in the manner of scikit-learn's {@code make_blobs}: centres uniform in
 * (-10, 10)^dim, points spread by {@code std} around a centre, points dealt to centres in turn.
 * (Our own random stream, so not numpy's points.)
 */
public record Blobs(double[][] x, int[] y) {
    public static Blobs make(int n, int dim, int centers, double std, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] c = new double[centers][dim];
        for (double[] row : c) {
            for (int j = 0; j < dim; j++) {
                row[j] = r.nextDouble(-10, 10);
            }
        }
        double[][] x = new double[n][dim];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % centers;
            for (int j = 0; j < dim; j++) {
                x[i][j] = c[y[i]][j] + std * r.nextGaussian();
            }
        }
        return new Blobs(x, y);
    }

    /** These blobs followed by {@code count} points uniform in the (-15, 15)^dim box, labelled -1. */
    public Blobs withUniformNoise(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int dim = x[0].length;
        double[][] nx = java.util.Arrays.copyOf(x, x.length + count);
        int[] ny = java.util.Arrays.copyOf(y, y.length + count);
        for (int i = x.length; i < nx.length; i++) {
            nx[i] = new double[dim];
            for (int j = 0; j < dim; j++) {
                nx[i][j] = r.nextDouble(-15, 15);
            }
            ny[i] = -1;
        }
        return new Blobs(nx, ny);
    }
}
