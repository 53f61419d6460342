package gaan.cluster;

import java.util.SplittableRandom;

/**
 * Gaussian blobs by scikit-learn's {@code make_blobs} recipe: centres uniform in (-10, 10)^dim,
 * n / centers points per centre (the first n % centers centres get one more), each coordinate
 * the centre's plus {@code std} × a standard normal draw, rows shuffled. Our own random stream,
 * so not numpy's points.
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
        int i = 0;
        for (int k = 0; k < centers; k++) {
            int count = n / centers + (k < n % centers ? 1 : 0);
            for (int t = 0; t < count; t++, i++) {
                y[i] = k;
                for (int j = 0; j < dim; j++) {
                    x[i][j] = c[k][j] + std * r.nextGaussian();
                }
            }
        }
        for (int a = n - 1; a > 0; a--) {
            int b = r.nextInt(a + 1);
            double[] tx = x[a];
            x[a] = x[b];
            x[b] = tx;
            int ty = y[a];
            y[a] = y[b];
            y[b] = ty;
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
