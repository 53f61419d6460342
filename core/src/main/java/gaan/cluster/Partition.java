package gaan.cluster;

/**
 * The result of one clustering run: a label per point in input row order ({@code 0..clusters-1},
 * noise = {@value #NOISE}), the number of clusters (noise not counted), and the method that made it.
 *
 * @param inertia sum of squared distances to the assigned centre (K-Means), NaN otherwise
 * @param bic Bayesian information criterion, lower is better (Gaussian mixture), NaN otherwise
 */
public record Partition(Method method, int[] labels, int clusters, double inertia, double bic) {
    public static final int NOISE = -1;

    /** A partition without inertia or BIC. */
    public static Partition of(Method method, int[] labels) {
        return new Partition(method, labels, countClusters(labels), Double.NaN, Double.NaN);
    }

    public int size() {
        return labels.length;
    }

    public int noise() {
        int count = 0;
        for (int l : labels) {
            if (l == NOISE) {
                count++;
            }
        }
        return count;
    }

    /** Share of points in a cluster (not noise); 0 for no points. */
    public double coverage() {
        return labels.length == 0 ? 0 : 1.0 - (double) noise() / labels.length;
    }

    static int countClusters(int[] labels) {
        int max = -1;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        return max + 1;
    }
}
