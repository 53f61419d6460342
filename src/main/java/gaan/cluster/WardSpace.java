package gaan.cluster;

import java.util.Arrays;

/**
 * Ward distances computed from cluster centroids and sizes,
 * d(a, b) = sqrt(2·nₐ·n_b / (nₐ + n_b)) · ‖cₐ − c_b‖ (scipy's scale), so memory stays O(n·dim).
 * Active slots are kept in a sorted list so scans skip merged clusters.
 */
final class WardSpace implements NnChain.Space {
    /** Below this many values per scan, splitting it over threads costs more than it saves. */
    private static final int PARALLEL_SCAN = 1 << 18;

    private final int n;
    private final int dim;
    private final double[] centroids;
    private final long[] sizes;
    private final int[] active;
    private int activeCount;
    private final Parallel parallel;
    private final int[] chunkBest;
    private final double[] chunkValue;

    WardSpace(Points points, Parallel parallel) {
        this.n = points.size();
        this.dim = points.dim();
        this.centroids = points.values().clone();
        this.sizes = new long[n];
        Arrays.fill(sizes, 1);
        this.active = new int[n];
        for (int i = 0; i < n; i++) {
            active[i] = i;
        }
        this.activeCount = n;
        this.parallel = parallel;
        this.chunkBest = new int[parallel.threads()];
        this.chunkValue = new double[parallel.threads()];
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public boolean active(int slot) {
        return sizes[slot] > 0;
    }

    private double scale(int a, int b) {
        return 2.0 * sizes[a] * sizes[b] / (sizes[a] + sizes[b]);
    }

    @Override
    public double distance(int a, int b) {
        return Math.sqrt(Points.scaledSqDistBounded(centroids, a * dim, centroids, b * dim, dim, scale(a, b),
                Double.POSITIVE_INFINITY));
    }

    @Override
    public int nearest(int x, double bound) {
        double limit = bound * bound;
        if ((long) activeCount * dim < PARALLEL_SCAN) {
            return scan(x, 0, activeCount, limit, 0);
        }
        Arrays.fill(chunkBest, -1);
        parallel.forSlices(activeCount, 1024, (w, from, to) -> scan(x, from, to, limit, w));
        int best = -1;
        double value = limit;
        for (int w = 0; w < chunkBest.length; w++) {
            // Slices are in index order, so a strictly smaller value wins and ties keep the earlier slice.
            if (chunkBest[w] >= 0 && chunkValue[w] < value) {
                value = chunkValue[w];
                best = chunkBest[w];
            }
        }
        return best;
    }

    /** First active slot in list positions [from, to) with the smallest squared distance below limit. */
    private int scan(int x, int from, int to, double limit, int worker) {
        int best = -1;
        double bestValue = limit;
        int xo = x * dim;
        long nx = sizes[x];
        for (int p = from; p < to; p++) {
            int i = active[p];
            if (i == x) {
                continue;
            }
            double scale = 2.0 * nx * sizes[i] / (nx + sizes[i]);
            double value = Points.scaledSqDistBounded(centroids, xo, centroids, i * dim, dim, scale, bestValue);
            if (value < bestValue) {
                bestValue = value;
                best = i;
            }
        }
        chunkBest[worker] = best;
        chunkValue[worker] = bestValue;
        return best;
    }

    @Override
    public void merge(int x, int y, double distance) {
        long nx = sizes[x];
        long ny = sizes[y];
        for (int j = 0; j < dim; j++) {
            centroids[y * dim + j] = (nx * centroids[x * dim + j] + ny * centroids[y * dim + j]) / (nx + ny);
        }
        sizes[y] = nx + ny;
        sizes[x] = 0;
        int p = Arrays.binarySearch(active, 0, activeCount, x);
        System.arraycopy(active, p + 1, active, p, activeCount - p - 1);
        activeCount--;
    }
}
