package gaan.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import gaan.linalg.Parallel;
import gaan.linalg.Points;

class KdTreeTest {
    /** k-th smallest squared distance from each point to all points (itself included), by sorting. */
    private static double[] bruteKth(double[][] x, int k) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] d = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                double s = 0;
                for (int t = 0; t < x[i].length; t++) {
                    s += (x[i][t] - x[j][t]) * (x[i][t] - x[j][t]);
                }
                d[j] = s;
            }
            Arrays.sort(d);
            out[i] = d[k - 1];
        }
        return out;
    }

    /** 700 points make leaves of 43-44 points: k = 45 takes the per-leaf tree walk, smaller k the leaf join. */
    @ParameterizedTest(name = "n={0} dim={1} k={2}")
    @CsvSource({"700, 2, 5", "700, 32, 5", "700, 32, 40", "700, 32, 45", "30, 3, 4", "500, 60, 10"})
    void kthNearestDistancesEqualBruteForce(int n, int dim, int k) {
        SplittableRandom r = new SplittableRandom(n + dim + k);
        double[][] x = Blobs.make(n, dim, 4, 1.5, n).x();
        // Some exact duplicates, which put ties and zero distances into the search.
        for (int i = 0; i < n / 10; i++) {
            x[r.nextInt(n)] = x[r.nextInt(n)].clone();
        }
        double[] expected = bruteKth(x, k);
        for (int threads : new int[] {1, 2}) {
            double[] actual;
            try (Parallel par = new Parallel(threads)) {
                actual = new KdTree(Points.of(x)).kthNearestAll(k, par);
            }
            for (int i = 0; i < n; i++) {
                assertEquals(expected[i], actual[i], 1e-12 * Math.max(1, expected[i]), "point " + i);
            }
        }
    }
}
