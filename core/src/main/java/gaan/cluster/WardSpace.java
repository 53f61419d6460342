package gaan.cluster;

import java.util.Arrays;

import gaan.linalg.Points;

/**
 * Ward distances computed from cluster centroids and sizes,
 * d(a, b) = sqrt(2·nₐ·n_b / (nₐ + n_b)) · ‖cₐ − c_b‖ (scipy's scale), so memory stays O(n·dim).
 *
 * <p>Slots are point indices, as {@link NnChain} expects. Internally the centroids are stored in
 * k-d tree leaf order and grouped in blocks of {@value #BLOCK} with a bounding box each; a merged
 * centroid lies between its two parts, so growing the box of the surviving slot keeps every box
 * valid. A nearest-neighbour scan skips blocks whose box is farther than the best distance so far
 * (Ward's factor is at least 2·nₓ/(nₓ + 1) for any partner). Ties still go to the lowest point
 * index, so results equal a plain scan's.
 */
final class WardSpace implements NnChain.Space {
    private static final int BLOCK = 32;

    private final int n;
    private final int dim;
    /** Centroid of slot {@code i} at {@code pos[i] * dim}. */
    private final double[] centroids;
    private final int[] pos;
    /** The slot stored at each position. */
    private final int[] slotAt;
    private final long[] sizes;
    private final int blocks;
    private final int[] blockActive;
    private final double[] lo;
    private final double[] hi;

    WardSpace(Points points) {
        this.n = points.size();
        this.dim = points.dim();
        this.slotAt = new KdTree(points).leafOrder();
        this.pos = new int[n];
        this.centroids = new double[n * dim];
        double[] v = points.values();
        for (int p = 0; p < n; p++) {
            pos[slotAt[p]] = p;
            System.arraycopy(v, slotAt[p] * dim, centroids, p * dim, dim);
        }
        this.sizes = new long[n];
        Arrays.fill(sizes, 1);
        this.blocks = (n + BLOCK - 1) / BLOCK;
        this.blockActive = new int[blocks];
        this.lo = new double[blocks * dim];
        this.hi = new double[blocks * dim];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int p = 0; p < n; p++) {
            blockActive[p / BLOCK]++;
            include(p / BLOCK, p);
        }
    }

    private void include(int block, int p) {
        for (int j = 0; j < dim; j++) {
            double x = centroids[p * dim + j];
            lo[block * dim + j] = Math.min(lo[block * dim + j], x);
            hi[block * dim + j] = Math.max(hi[block * dim + j], x);
        }
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

    /** The squared Ward distance: comparisons need no square roots. */
    @Override
    public double distance(int a, int b) {
        return Points.scaledSqDistBounded(centroids, pos[a] * dim, centroids, pos[b] * dim, dim, scale(a, b),
                Double.POSITIVE_INFINITY);
    }

    @Override
    public double height(double distance) {
        return Math.sqrt(distance);
    }

    @Override
    public int nearest(int x, double bound) {
        double best = bound;
        int bestSlot = -1; // -1: the bound itself, which a tie does not beat
        int xo = pos[x] * dim;
        long nx = sizes[x];
        double minScale = 2.0 * nx / (nx + 1);
        for (int b = 0; b < blocks; b++) {
            if (blockActive[b] == 0 || minSqToBox(xo, b, best / minScale) * minScale > best) {
                continue;
            }
            int end = Math.min(n, (b + 1) * BLOCK);
            for (int p = b * BLOCK; p < end; p++) {
                int i = slotAt[p];
                long ni = sizes[i];
                if (ni == 0 || i == x) {
                    continue;
                }
                double scale = 2.0 * nx * ni / (nx + ni);
                double value = Points.scaledSqDistBounded(centroids, xo, centroids, p * dim, dim, scale, best);
                if (value < best || (value == best && bestSlot >= 0 && i < bestSlot)) {
                    best = value;
                    bestSlot = i;
                }
            }
        }
        return bestSlot;
    }

    /** Squared distance from a centroid to a block's box, or any value above {@code limit} once it exceeds it. */
    private double minSqToBox(int xo, int b, double limit) {
        return Points.minSqToBox(centroids, xo, lo, hi, b * dim, dim, limit);
    }

    @Override
    public void merge(int x, int y) {
        long nx = sizes[x];
        long ny = sizes[y];
        int xo = pos[x] * dim;
        int yo = pos[y] * dim;
        for (int j = 0; j < dim; j++) {
            centroids[yo + j] = (nx * centroids[xo + j] + ny * centroids[yo + j]) / (nx + ny);
        }
        sizes[y] = nx + ny;
        sizes[x] = 0;
        blockActive[pos[x] / BLOCK]--;
        include(pos[y] / BLOCK, pos[y]);
    }
}
