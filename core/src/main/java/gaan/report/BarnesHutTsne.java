package gaan.report;

import java.util.Arrays;

import gaan.linalg.Parallel;
import gaan.linalg.Points;

/**
 * Barnes-Hut t-SNE to 2-D (van der Maaten 2014, "Accelerating t-SNE using tree-based
 * algorithms"), as scikit-learn's {@code TSNE(method="barnes_hut", angle=0.5)}: P from each
 * point's {@code ⌊3·perplexity⌋ + 1} nearest neighbours (exact, squared Euclidean), symmetrised
 * and normalised to sum 1; the repulsion from a quadtree rebuilt every iteration, whose cell
 * stands for its points when its width is under θ times its distance to the point. Schedule and
 * initialisation are {@link TsneDescent}'s, shared with exact t-SNE. Time per iteration
 * {@code O(n log n)}; the neighbour search is an exact scan, {@code O(n² d)} once.
 *
 * <p>Rows in are samples ({@code n × d}); rows out are their 2-D positions in the same order. Each
 * point's sums run in a fixed order and only per-point values cross threads, so the result does
 * not depend on the thread count.
 */
public final class BarnesHutTsne {
    private static final int GRAIN = 256;

    private final double perplexity;
    private final int iterations;
    private final double theta;
    private final int threads;

    /**
     * @param theta  the accuracy-speed trade-off (scikit-learn's {@code angle}); 0 is exact, 0.5
     *               the usual; must stay below 1/√2 so no cell that holds the point is summarised
     */
    public BarnesHutTsne(double perplexity, int iterations, double theta, int threads) {
        if (!(theta >= 0 && theta < Math.sqrt(0.5))) {
            throw new IllegalArgumentException("theta must lie in [0, 0.707), got " + theta);
        }
        this.perplexity = perplexity;
        this.iterations = iterations;
        this.theta = theta;
        this.threads = threads;
    }

    public double[][] fit(double[][] x) {
        int n = x.length;
        if (n < 2) {
            return new double[n][2];
        }
        int k = Math.min(n - 1, (int) (3 * perplexity + 1));
        double perp = Math.max(1.0, Math.min(perplexity, k / 3.0));
        try (Parallel parallel = new Parallel(threads)) {
            Sparse p = jointProbabilities(x, k, perp, parallel);
            double[] y = TsneDescent.initialLayout(x);
            descend(p, y, parallel);
            return TsneDescent.rows(y);
        }
    }

    /** Symmetric P in compressed rows; each row's columns ascending. */
    private record Sparse(int[] offsets, int[] columns, double[] values) {
    }

    private static Sparse jointProbabilities(double[][] x, int k, double perplexity, Parallel parallel) {
        int n = x.length;
        int[] neighbours = new int[n * k];
        double[] cond = new double[n * k];
        Points points = Points.of(x);
        double[] flat = points.values();
        int d = points.dim();
        parallel.forChunks(n, GRAIN, (from, to) -> {
            double[] dist = new double[n];
            double[] kd = new double[k];
            int[] ki = new int[k];
            double[] row = new double[k];
            for (int i = from; i < to; i++) {
                squaredDistancesFrom(flat, d, i, dist);
                nearest(dist, i, kd, ki);
                TsneDescent.conditional(kd, k, perplexity, row);
                System.arraycopy(ki, 0, neighbours, i * k, k);
                System.arraycopy(row, 0, cond, i * k, k);
            }
        });
        // P = (P_cond + P_condᵀ) / 2n: every (i, j) entry also lands in row j, duplicates merged.
        int[] counts = new int[n + 1];
        for (int i = 0; i < n; i++) {
            counts[i + 1] += k;
            for (int m = 0; m < k; m++) {
                counts[neighbours[i * k + m] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            counts[i + 1] += counts[i];
        }
        int[] fill = Arrays.copyOf(counts, n);
        int[] cols = new int[counts[n]];
        double[] vals = new double[counts[n]];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < k; m++) {
                int j = neighbours[i * k + m];
                double v = cond[i * k + m] / (2.0 * n);
                cols[fill[i]] = j;
                vals[fill[i]++] = v;
                cols[fill[j]] = i;
                vals[fill[j]++] = v;
            }
        }
        int[] offsets = new int[n + 1];
        int out = 0;
        for (int i = 0; i < n; i++) {
            int from = counts[i];
            int to = counts[i + 1];
            sortByColumn(cols, vals, from, to);
            offsets[i] = out;
            for (int e = from; e < to; e++) {
                if (out > offsets[i] && cols[out - 1] == cols[e]) {
                    vals[out - 1] += vals[e];
                } else {
                    cols[out] = cols[e];
                    vals[out++] = vals[e];
                }
            }
        }
        offsets[n] = out;
        return new Sparse(offsets, Arrays.copyOf(cols, out), Arrays.copyOf(vals, out));
    }

    private static void squaredDistancesFrom(double[] flat, int d, int i, double[] dist) {
        for (int j = 0; j < dist.length; j++) {
            dist[j] = Points.sqDist(flat, i * d, flat, j * d, d);
        }
    }

    /**
     * The {@code kd.length} smallest distances other than {@code self}'s, ascending, ties by
     * index, with their indices: a bounded max-heap over one pass.
     */
    private static void nearest(double[] dist, int self, double[] kd, int[] ki) {
        int k = kd.length;
        int size = 0;
        for (int j = 0; j < dist.length; j++) {
            if (j == self) {
                continue;
            }
            if (size < k) {
                kd[size] = dist[j];
                ki[size++] = j;
                if (size == k) {
                    for (int c = k / 2 - 1; c >= 0; c--) { // heapify the first k
                        siftDown(kd, ki, c, k, kd[c], ki[c]);
                    }
                }
            } else if (after(kd[0], ki[0], dist[j], j)) {
                siftDown(kd, ki, 0, k, dist[j], j);
            }
        }
        for (int end = k - 1; end > 0; end--) { // heap sort into ascending order
            double v = kd[end];
            int j = ki[end];
            kd[end] = kd[0];
            ki[end] = ki[0];
            siftDown(kd, ki, 0, end, v, j);
        }
    }

    /** Places (v, j) at {@code c} of a max-heap of {@code size} and sifts it down. */
    private static void siftDown(double[] kd, int[] ki, int c, int size, double v, int j) {
        while (true) {
            int child = 2 * c + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && after(kd[child + 1], ki[child + 1], kd[child], ki[child])) {
                child++;
            }
            if (!after(kd[child], ki[child], v, j)) {
                break;
            }
            kd[c] = kd[child];
            ki[c] = ki[child];
            c = child;
        }
        kd[c] = v;
        ki[c] = j;
    }

    /** Whether (a, ia) sorts after (b, ib): by distance, then index. */
    private static boolean after(double a, int ia, double b, int ib) {
        return a > b || (a == b && ia > ib);
    }

    private static void sortByColumn(int[] cols, double[] vals, int from, int to) {
        for (int e = from + 1; e < to; e++) { // rows hold about 2k entries: insertion sort
            int c = cols[e];
            double v = vals[e];
            int f = e - 1;
            while (f >= from && cols[f] > c) {
                cols[f + 1] = cols[f];
                vals[f + 1] = vals[f];
                f--;
            }
            cols[f + 1] = c;
            vals[f + 1] = v;
        }
    }

    private void descend(Sparse p, double[] y, Parallel parallel) {
        int n = y.length / 2;
        TsneDescent descent = new TsneDescent(n);
        double[] attract = new double[2 * n];
        double[] repel = new double[2 * n];
        double[] zPart = new double[n];
        double theta2 = theta * theta;
        for (int iter = 0; iter < iterations; iter++) {
            QuadTree tree = new QuadTree(y);
            int[] order = tree.order();
            parallel.forChunks(n, GRAIN, (from, to) -> {
                int[] stack = new int[4 * QuadTree.MAX_DEPTH + 4];
                for (int q = from; q < to; q++) { // in tree order, so consecutive walks share cached nodes
                    int i = order[q];
                    attraction(p, y, i, attract);
                    zPart[i] = tree.repulsion(y, i, theta2, repel, stack);
                }
            });
            double z = 0;
            for (double part : zPart) {
                z += part;
            }
            descent.step(iter, y, attract, repel, z);
        }
    }

    /** Σ_j p_ij w_ij (y_i - y_j) over the point's row of P, into {@code out[2i], out[2i + 1]}. */
    private static void attraction(Sparse p, double[] y, int i, double[] out) {
        double yi0 = y[2 * i];
        double yi1 = y[2 * i + 1];
        double a0 = 0;
        double a1 = 0;
        for (int e = p.offsets()[i]; e < p.offsets()[i + 1]; e++) {
            int j = p.columns()[e];
            double dx = yi0 - y[2 * j];
            double dy = yi1 - y[2 * j + 1];
            double pw = p.values()[e] / (1 + dx * dx + dy * dy);
            a0 += pw * dx;
            a1 += pw * dy;
        }
        out[2 * i] = a0;
        out[2 * i + 1] = a1;
    }

    /**
     * A quadtree over interleaved 2-D points: each node a square, its children the non-empty
     * quarters (in the order SW, SE, NW, NE, stored together), a leaf holding one point (or every
     * point still together at {@link #MAX_DEPTH}, e.g. duplicates). Per node one stride of
     * {@code (centre of mass x, y, width², count)}, so a visit reads one cache line.
     */
    private static final class QuadTree {
        static final int MAX_DEPTH = 48;
        private static final int STRIDE = 4;

        private final int[] order;
        private final int[] scratch;
        private double[] node;
        private int[] firstChild;
        private int[] childCount;
        private int[] start;
        private int nodes;

        QuadTree(double[] y) {
            int n = y.length / 2;
            order = new int[n];
            scratch = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            int capacity = 2 * n + 1;
            node = new double[STRIDE * capacity];
            firstChild = new int[capacity];
            childCount = new int[capacity];
            start = new int[capacity];
            double minX = Double.POSITIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                minX = Math.min(minX, y[2 * i]);
                maxX = Math.max(maxX, y[2 * i]);
                minY = Math.min(minY, y[2 * i + 1]);
                maxY = Math.max(maxY, y[2 * i + 1]);
            }
            double side = Math.max(maxX - minX, maxY - minY) * (1 + 1e-9) + 1e-12;
            nodes = 1;
            build(0, y, 0, n, minX, minY, side, 0);
        }

        /** The points in depth-first leaf order: neighbours in the map are close in it. */
        int[] order() {
            return order;
        }

        /** Fills node {@code at} with points {@code order[from, to)} in the square at (x0, y0) of {@code side}. */
        private void build(int at, double[] y, int from, int to, double x0, double y0, double side, int depth) {
            double sx = 0;
            double sy = 0;
            for (int p = from; p < to; p++) {
                sx += y[2 * order[p]];
                sy += y[2 * order[p] + 1];
            }
            int base = STRIDE * at;
            node[base] = sx / (to - from);
            node[base + 1] = sy / (to - from);
            node[base + 2] = side * side;
            node[base + 3] = to - from;
            start[at] = from;
            firstChild[at] = -1;
            if (to - from <= 1 || depth >= MAX_DEPTH) {
                return;
            }
            double half = side / 2;
            double midX = x0 + half;
            double midY = y0 + half;
            int[] bounds = new int[5];
            for (int p = from; p < to; p++) {
                bounds[quadrant(y, order[p], midX, midY) + 1]++;
            }
            bounds[0] = from;
            int children = 0;
            for (int q = 1; q <= 4; q++) {
                children += bounds[q] > 0 ? 1 : 0;
                bounds[q] += bounds[q - 1];
            }
            int[] fill = Arrays.copyOf(bounds, 4);
            for (int p = from; p < to; p++) {
                scratch[fill[quadrant(y, order[p], midX, midY)]++] = order[p];
            }
            System.arraycopy(scratch, from, order, from, to - from);
            if (nodes + children > firstChild.length) {
                grow();
            }
            int first = nodes;
            nodes += children;
            firstChild[at] = first;
            childCount[at] = children;
            int c = first;
            for (int q = 0; q < 4; q++) {
                if (bounds[q + 1] > bounds[q]) {
                    build(c++, y, bounds[q], bounds[q + 1], (q & 1) == 0 ? x0 : midX, (q & 2) == 0 ? y0 : midY,
                            half, depth + 1);
                }
            }
        }

        private void grow() {
            int capacity = 2 * firstChild.length;
            node = Arrays.copyOf(node, STRIDE * capacity);
            firstChild = Arrays.copyOf(firstChild, capacity);
            childCount = Arrays.copyOf(childCount, capacity);
            start = Arrays.copyOf(start, capacity);
        }

        private static int quadrant(double[] y, int i, double midX, double midY) {
            return (y[2 * i] >= midX ? 1 : 0) + (y[2 * i + 1] >= midY ? 2 : 0);
        }

        /**
         * Σ_j w_ij² (y_i - y_j) into {@code out[2i], out[2i + 1]}, a cell standing for its points
         * when width² < θ² · distance²; returns Σ_{j≠i} w_ij. Children are visited in a fixed order.
         */
        double repulsion(double[] y, int i, double theta2, double[] out, int[] stack) {
            double yi0 = y[2 * i];
            double yi1 = y[2 * i + 1];
            double r0 = 0;
            double r1 = 0;
            double z = 0;
            int top = 0;
            stack[top++] = 0;
            while (top > 0) {
                int at = stack[--top];
                int base = STRIDE * at;
                double dx = yi0 - node[base];
                double dy = yi1 - node[base + 1];
                double d2 = dx * dx + dy * dy;
                int first = firstChild[at];
                if (first >= 0 && !(node[base + 2] < theta2 * d2)) {
                    for (int c = first + childCount[at] - 1; c >= first; c--) {
                        stack[top++] = c;
                    }
                    continue;
                }
                double count = node[base + 3];
                if (first < 0 && count > 1) { // points that never separated: each on its own
                    for (int p = start[at]; p < start[at] + (int) count; p++) {
                        int j = order[p];
                        if (j != i) {
                            double ex = yi0 - y[2 * j];
                            double ey = yi1 - y[2 * j + 1];
                            double w = 1 / (1 + ex * ex + ey * ey);
                            z += w;
                            r0 += w * w * ex;
                            r1 += w * w * ey;
                        }
                    }
                    continue;
                }
                if (first < 0 && order[start[at]] == i) {
                    continue;
                }
                double w = 1 / (1 + d2);
                z += count * w;
                r0 += count * w * w * dx;
                r1 += count * w * w * dy;
            }
            out[2 * i] = r0;
            out[2 * i + 1] = r1;
            return z;
        }
    }
}
