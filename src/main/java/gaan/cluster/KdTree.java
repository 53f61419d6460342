package gaan.cluster;

import java.util.Arrays;

/**
 * A k-d tree over points with tight bounding boxes (split on the widest side at the median,
 * leaves of at most {@code LEAF} points). Queries are exact in any dimension: a box is skipped only
 * when its nearest corner is out of reach, so in high dimensions the tree degrades gracefully
 * towards a brute-force scan instead of missing neighbours. Distances are squared Euclidean.
 */
final class KdTree {
    private static final int LEAF = 24;

    private final int dim;
    private final double[] v;
    private final int[] order;
    private int nodes;
    private int[] start;
    private int[] end;
    private int[] left;
    private int[] right;
    private double[] lo;
    private double[] hi;

    KdTree(Points points) {
        this.dim = points.dim();
        this.v = points.values();
        int n = points.size();
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int capacity = Math.max(1, 4 * n / LEAF + 4);
        start = new int[capacity];
        end = new int[capacity];
        left = new int[capacity];
        right = new int[capacity];
        lo = new double[capacity * dim];
        hi = new double[capacity * dim];
        if (n > 0) {
            build(0, n);
        }
    }

    private int build(int from, int to) {
        int node = nodes++;
        if (node == start.length) {
            grow();
        }
        start[node] = from;
        end[node] = to;
        left[node] = -1;
        right[node] = -1;
        int box = node * dim;
        for (int j = 0; j < dim; j++) {
            lo[box + j] = Double.POSITIVE_INFINITY;
            hi[box + j] = Double.NEGATIVE_INFINITY;
        }
        for (int p = from; p < to; p++) {
            int o = order[p] * dim;
            for (int j = 0; j < dim; j++) {
                double x = v[o + j];
                lo[box + j] = Math.min(lo[box + j], x);
                hi[box + j] = Math.max(hi[box + j], x);
            }
        }
        if (to - from <= LEAF) {
            return node;
        }
        int axis = 0;
        double widest = -1;
        for (int j = 0; j < dim; j++) {
            double w = hi[box + j] - lo[box + j];
            if (w > widest) {
                widest = w;
                axis = j;
            }
        }
        if (widest <= 0) {
            return node; // all points equal: nothing to split
        }
        int mid = (from + to) >>> 1;
        select(from, to - 1, mid, axis);
        int l = build(from, mid);
        int r = build(mid, to);
        left[node] = l;
        right[node] = r;
        return node;
    }

    private void grow() {
        int c = start.length * 2;
        start = Arrays.copyOf(start, c);
        end = Arrays.copyOf(end, c);
        left = Arrays.copyOf(left, c);
        right = Arrays.copyOf(right, c);
        lo = Arrays.copyOf(lo, c * dim);
        hi = Arrays.copyOf(hi, c * dim);
    }

    /** Quickselect: puts the point with rank {@code k} along {@code axis} at position k. */
    private void select(int l, int r, int k, int axis) {
        while (r > l) {
            double pivot = v[order[(l + r) >>> 1] * dim + axis];
            int i = l;
            int j = r;
            while (i <= j) {
                while (v[order[i] * dim + axis] < pivot) {
                    i++;
                }
                while (v[order[j] * dim + axis] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                r = j;
            } else if (k >= i) {
                l = i;
            } else {
                return;
            }
        }
    }

    /** The points in leaf order: neighbours in space are mostly neighbours in this order. */
    int[] leafOrder() {
        return order.clone();
    }

    private double minSqToBox(double[] q, int qo, int node) {
        int box = node * dim;
        double s = 0;
        for (int j = 0; j < dim; j++) {
            double x = q[qo + j];
            double d = Math.max(0, Math.max(lo[box + j] - x, x - hi[box + j]));
            s += d * d;
        }
        return s;
    }

    private double maxSqToBox(double[] q, int qo, int node) {
        int box = node * dim;
        double s = 0;
        for (int j = 0; j < dim; j++) {
            double x = q[qo + j];
            double d = Math.max(x - lo[box + j], hi[box + j] - x);
            s += d * d;
        }
        return s;
    }

    /** A growable list of point indices. */
    static final class IntList {
        int[] items = new int[16];
        int size;

        void add(int x) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = x;
        }

        int[] toArray() {
            int[] out = Arrays.copyOf(items, size);
            Arrays.sort(out);
            return out;
        }
    }

    /** Adds every point within squared distance {@code r2} of point {@code q} (itself included). */
    void radius(int q, double r2, IntList out) {
        radius(0, v, q * dim, r2, out);
    }

    private void radius(int node, double[] qv, int qo, double r2, IntList out) {
        if (minSqToBox(qv, qo, node) > r2) {
            return;
        }
        boolean all = maxSqToBox(qv, qo, node) <= r2;
        if (left[node] < 0 || all) {
            for (int p = start[node]; p < end[node]; p++) {
                int i = order[p];
                if (all || Points.sqDist(qv, qo, v, i * dim, dim) <= r2) {
                    out.add(i);
                }
            }
            return;
        }
        radius(left[node], qv, qo, r2, out);
        radius(right[node], qv, qo, r2, out);
    }

    /**
     * Squared distances from point {@code q} to its {@code k} nearest points (itself included, at
     * 0), ascending, written into {@code best} (length k).
     */
    void nearest(int q, double[] best) {
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        nearest(0, q * dim, best);
    }

    private void nearest(int node, int qo, double[] best) {
        int k = best.length;
        if (left[node] < 0) {
            for (int p = start[node]; p < end[node]; p++) {
                double d = Points.sqDist(v, qo, v, order[p] * dim, dim);
                if (d < best[k - 1]) {
                    int pos = k - 1;
                    while (pos > 0 && best[pos - 1] > d) {
                        best[pos] = best[pos - 1];
                        pos--;
                    }
                    best[pos] = d;
                }
            }
            return;
        }
        double dl = minSqToBox(v, qo, left[node]);
        double dr = minSqToBox(v, qo, right[node]);
        int first = dl <= dr ? left[node] : right[node];
        int second = dl <= dr ? right[node] : left[node];
        if (Math.min(dl, dr) < best[k - 1]) {
            nearest(first, qo, best);
        }
        if (Math.max(dl, dr) < best[k - 1]) {
            nearest(second, qo, best);
        }
    }
}
