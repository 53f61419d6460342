package gaan.cluster;

import gaan.linalg.Parallel;
import gaan.linalg.Points;

/**
 * The k-distance knee rule for DBSCAN's eps: kd_i is each point's distance to its k-th nearest
 * neighbour counting itself (scikit-learn's {@code NearestNeighbors(k).kneighbors(X)}), sorted
 * ascending; with x_i = i/(n-1) and y_i = (kd_i − kd_0)/(kd_{n-1} − kd_0), the knee is the first
 * argmax of x_i − y_i and eps = kd[knee]. A flat curve (all kd equal) has its knee at 0.
 */
public final class KneeEps {
    /**
     * @param index position of the knee in {@code sortedDistances}
     * @param eps the distance there
     * @param sortedDistances the k-distance curve, ascending
     */
    public record Knee(int index, double eps, double[] sortedDistances) {
    }

    private KneeEps() {
    }

    /**
     * @param k neighbours counting the point itself (DBSCAN's {@code min_samples})
     * @throws IllegalArgumentException if there are fewer than {@code k} points or k < 1
     */
    public static Knee find(double[][] x, int k, int threads) {
        return find(Points.of(x), k, threads);
    }

    static Knee find(Points p, int k, int threads) {
        int n = p.size();
        if (k < 1 || n < k) {
            throw new IllegalArgumentException("the k-distance knee needs 1 ≤ k ≤ n; got k=" + k + " for "
                    + n + " points");
        }
        double[] kd;
        try (Parallel par = new Parallel(threads)) {
            kd = new KdTree(p).kthNearestAll(k, par);
        }
        for (int i = 0; i < n; i++) {
            kd[i] = Math.sqrt(kd[i]);
        }
        java.util.Arrays.sort(kd);
        double range = kd[n - 1] - kd[0];
        int knee = 0;
        if (range > 0 && n > 1) {
            double bestGap = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double gap = (double) i / (n - 1) - (kd[i] - kd[0]) / range;
                if (gap > bestGap) {
                    bestGap = gap;
                    knee = i;
                }
            }
        }
        return new Knee(knee, kd[knee], kd);
    }
}
