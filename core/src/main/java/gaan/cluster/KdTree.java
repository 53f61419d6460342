package gaan.cluster;

import java.util.Arrays;

import gaan.linalg.Parallel;
import gaan.linalg.Points;

/**
 * A k-d tree over points with tight bounding boxes (split on the widest side at the median,
 * leaves of at most {@value #LEAF} points unless all equal). Queries are exact in any dimension: a box is skipped only
 * when its nearest corner is out of reach, so in high dimensions the tree degrades gracefully
 * towards a brute-force scan instead of missing neighbours. Distances are squared Euclidean.
 */
final class KdTree {
    private static final int LEAF = 48;

    private final int dim;
    private final double[] v;
    private final int[] order;
    /** The points copied in leaf order (point order[p] at p * dim), so leaf scans read memory in sequence. */
    private final double[] sorted;
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
        sorted = new double[n * dim];
        for (int p = 0; p < n; p++) {
            System.arraycopy(v, order[p] * dim, sorted, p * dim, dim);
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

    /** Squared distance from a query to a node's box, or any value above {@code limit} once it exceeds it. */
    private double minSqToBox(double[] q, int qo, int node, double limit) {
        return Points.minSqToBox(q, qo, lo, hi, node * dim, dim, limit);
    }

    /** A growable list of ints. */
    private static final class IntList {
        int[] items = new int[64];
        int size;

        void add(int x) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = x;
        }
    }

    /**
     * Every point's neighbours within squared distance {@code r2} (itself included), as compressed
     * rows: the neighbours of point i are {@code neighbours[offsets[i] .. offsets[i+1])}, in no
     * particular order.
     */
    record Neighbourhoods(int[] offsets, int[] neighbours) {
        int count(int i) {
            return offsets[i + 1] - offsets[i];
        }
    }

    /**
     * All neighbourhoods within squared distance {@code r2}, computing each pair's distance once:
     * pairs of leaves whose boxes are within reach are listed first, then their points compared
     * on all threads.
     */
    Neighbourhoods radiusAll(double r2, Parallel parallel) {
        int n = order.length;
        IntList leafPairs = new IntList();
        if (n > 0) {
            collectLeafPairs(0, 0, r2, leafPairs);
        }
        int tasks = leafPairs.size / 2;
        IntList[] found = new IntList[tasks];
        parallel.forChunks(tasks, 4, (from, to) -> {
            for (int t = from; t < to; t++) {
                found[t] = pairsWithin(leafPairs.items[2 * t], leafPairs.items[2 * t + 1], r2);
            }
        });
        long pairs = 0;
        for (IntList f : found) {
            pairs += f.size / 2;
        }
        if (2 * pairs + n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the radius " + Math.sqrt(r2) + " joins " + pairs
                    + " pairs of points, too many to hold; use a smaller eps");
        }
        int[] offsets = new int[n + 1];
        for (IntList f : found) {
            for (int p = 0; p < f.size; p++) {
                offsets[f.items[p] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            offsets[i + 1] += offsets[i] + 1; // + 1: the point itself
        }
        int[] cursor = Arrays.copyOf(offsets, n);
        int[] neighbours = new int[offsets[n]];
        for (int i = 0; i < n; i++) {
            neighbours[cursor[i]++] = i;
        }
        for (IntList f : found) {
            for (int p = 0; p < f.size; p += 2) {
                int i = f.items[p];
                int j = f.items[p + 1];
                neighbours[cursor[i]++] = j;
                neighbours[cursor[j]++] = i;
            }
        }
        return new Neighbourhoods(offsets, neighbours);
    }

    private void collectLeafPairs(int a, int b, double r2, IntList out) {
        if (boxToBoxSq(a, b, r2) > r2) {
            return;
        }
        boolean leafA = left[a] < 0;
        boolean leafB = left[b] < 0;
        if (leafA && leafB) {
            out.add(a);
            out.add(b);
        } else if (a == b) {
            collectLeafPairs(left[a], left[a], r2, out);
            collectLeafPairs(left[a], right[a], r2, out);
            collectLeafPairs(right[a], right[a], r2, out);
        } else if (!leafA && (leafB || end[a] - start[a] >= end[b] - start[b])) {
            collectLeafPairs(left[a], b, r2, out);
            collectLeafPairs(right[a], b, r2, out);
        } else {
            collectLeafPairs(a, left[b], r2, out);
            collectLeafPairs(a, right[b], r2, out);
        }
    }

    /** Pairs (i, j), i ≠ j, of leaf a and leaf b (each once when a == b) within reach, flattened. */
    private IntList pairsWithin(int a, int b, double r2) {
        IntList out = new IntList();
        for (int p = start[a]; p < end[a]; p++) {
            int po = p * dim;
            if (a != b && minSqToBox(sorted, po, b, r2) > r2) {
                continue;
            }
            for (int q = a == b ? p + 1 : start[b]; q < end[b]; q++) {
                if (Points.sqDist(sorted, po, sorted, q * dim, dim) <= r2) {
                    out.add(order[p]);
                    out.add(order[q]);
                }
            }
        }
        return out;
    }

    /** Squared gap between the boxes of two nodes, or any value above {@code limit} once it exceeds it. */
    private double boxToBoxSq(int a, int b, double limit) {
        int ba = a * dim;
        int bb = b * dim;
        double s = 0;
        for (int j = 0; j < dim; j++) {
            double d = Math.max(0, Math.max(lo[ba + j] - hi[bb + j], lo[bb + j] - hi[ba + j]));
            s += d * d;
            if ((j & 7) == 7 && s > limit) {
                return s;
            }
        }
        return s;
    }

    /**
     * Each point's squared distance to its {@code k}-th nearest point, itself counted (at 0),
     * as scikit-learn's {@code kneighbors} on the fitted points.
     *
     * <p>When every leaf holds at least k points: each point's k best within its own leaf bound its
     * search; then every pair of leaves whose boxes are closer than those bounds is compared once,
     * on all threads, offering each distance to both points; finally each leaf merges what its
     * pairs found. Otherwise each leaf walks the tree for its points ({@link #visit}).
     *
     * @throws IllegalArgumentException unless 1 ≤ k ≤ n
     */
    double[] kthNearestAll(int k, Parallel parallel) {
        int n = order.length;
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k-nearest neighbours need 1 ≤ k ≤ n; got k=" + k + " for " + n + " points");
        }
        int[] leaves = java.util.stream.IntStream.range(0, nodes).filter(node -> left[node] < 0).toArray();
        double[][] best = new double[leaves.length][];
        boolean leavesHoldK = Arrays.stream(leaves).allMatch(leaf -> end[leaf] - start[leaf] >= k);
        parallel.forChunks(leaves.length, 1, (from, to) -> {
            for (int t = from; t < to; t++) {
                int leaf = leaves[t];
                best[t] = new double[(end[leaf] - start[leaf]) * k];
                Arrays.fill(best[t], Double.POSITIVE_INFINITY);
                if (leavesHoldK) {
                    compare(leaf, leaf, best[t], best[t], best[t], best[t], k);
                } else {
                    visit(0, leaf, k, best[t]);
                }
            }
        });
        if (leavesHoldK) {
            joinLeaves(leaves, best, k, parallel);
        }
        double[] kth = new double[n];
        for (int t = 0; t < leaves.length; t++) {
            for (int p = start[leaves[t]]; p < end[leaves[t]]; p++) {
                kth[order[p]] = best[t][(p - start[leaves[t]]) * k + k - 1];
            }
        }
        return kth;
    }

    /**
     * The {@code k} nearest points of every point, itself included (scikit-learn's
     * {@code kneighbors_graph(include_self=True)}): point i's neighbours are
     * {@code [i * k, (i + 1) * k)} of the result, nearest first, ties to the lower index.
     *
     * @throws IllegalArgumentException unless 1 ≤ k ≤ n
     */
    int[] nearestAll(int k, Parallel parallel) {
        int n = order.length;
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k-nearest neighbours need 1 ≤ k ≤ n; got k=" + k + " for " + n + " points");
        }
        int[] out = new int[n * k];
        // Queries in leaf order, so consecutive queries walk the same branches.
        parallel.forChunks(n, 64, (from, to) -> {
            double[] best = new double[k];
            int[] ids = new int[k];
            for (int p = from; p < to; p++) {
                Arrays.fill(best, Double.POSITIVE_INFINITY);
                Arrays.fill(ids, Integer.MAX_VALUE);
                nearest(0, p * dim, k, best, ids);
                System.arraycopy(ids, 0, out, order[p] * k, k);
            }
        });
        return out;
    }

    /** Offers the points under {@code node} to the query at {@code sorted[qo]}; best/ids hold its k best so far. */
    private void nearest(int node, int qo, int k, double[] best, int[] ids) {
        if (left[node] < 0) {
            for (int q = start[node]; q < end[node]; q++) {
                double d = Points.sqDist(sorted, qo, sorted, q * dim, dim);
                int id = order[q];
                if (d < best[k - 1] || d == best[k - 1] && id < ids[k - 1]) {
                    int at = k - 1;
                    while (at > 0 && (best[at - 1] > d || best[at - 1] == d && ids[at - 1] > id)) {
                        best[at] = best[at - 1];
                        ids[at] = ids[at - 1];
                        at--;
                    }
                    best[at] = d;
                    ids[at] = id;
                }
            }
            return;
        }
        double dl = minSqToBox(sorted, qo, left[node], best[k - 1]);
        double dr = minSqToBox(sorted, qo, right[node], best[k - 1]);
        int near = dl <= dr ? left[node] : right[node];
        int far = dl <= dr ? right[node] : left[node];
        if (Math.min(dl, dr) <= best[k - 1]) {
            nearest(near, qo, k, best, ids);
        }
        if (minSqToBox(sorted, qo, far, best[k - 1]) <= best[k - 1]) {
            nearest(far, qo, k, best, ids);
        }
    }

    /** Compares every pair of distinct leaves within reach once and merges what each leaf gained. */
    private void joinLeaves(int[] leaves, double[][] best, int k, Parallel parallel) {
        int[] leafIndex = new int[nodes];
        double[] reach = new double[nodes];
        for (int t = 0; t < leaves.length; t++) {
            leafIndex[leaves[t]] = t;
            for (int p = 0; p < end[leaves[t]] - start[leaves[t]]; p++) {
                reach[leaves[t]] = Math.max(reach[leaves[t]], best[t][p * k + k - 1]);
            }
        }
        // Children are created after their parent, so a reverse scan sees children first.
        for (int node = nodes - 1; node >= 0; node--) {
            if (left[node] >= 0) {
                reach[node] = Math.max(reach[left[node]], reach[right[node]]);
            }
        }
        IntList pairs = new IntList();
        collectNeighbourLeaves(0, 0, reach, pairs);
        int tasks = pairs.size / 2;
        double[][] found = new double[2 * tasks][];
        parallel.forChunks(tasks, 4, (from, to) -> {
            for (int t = from; t < to; t++) {
                int a = pairs.items[2 * t];
                int b = pairs.items[2 * t + 1];
                double[] forA = new double[(end[a] - start[a]) * k];
                double[] forB = new double[(end[b] - start[b]) * k];
                Arrays.fill(forA, Double.POSITIVE_INFINITY);
                Arrays.fill(forB, Double.POSITIVE_INFINITY);
                compare(a, b, best[leafIndex[a]], best[leafIndex[b]], forA, forB, k);
                found[2 * t] = forA;
                found[2 * t + 1] = forB;
            }
        });
        // Per leaf, the pair results that concern it (index into found), as compressed rows.
        int[] offsets = new int[leaves.length + 1];
        for (int f = 0; f < 2 * tasks; f++) {
            offsets[leafIndex[pairs.items[f]] + 1]++;
        }
        for (int t = 0; t < leaves.length; t++) {
            offsets[t + 1] += offsets[t];
        }
        int[] cursor = Arrays.copyOf(offsets, leaves.length);
        int[] concerns = new int[2 * tasks];
        for (int f = 0; f < 2 * tasks; f++) {
            concerns[cursor[leafIndex[pairs.items[f]]]++] = f;
        }
        parallel.forChunks(leaves.length, 4, (from, to) -> {
            for (int t = from; t < to; t++) {
                double[] own = best[t];
                for (int c = offsets[t]; c < offsets[t + 1]; c++) {
                    double[] gained = found[concerns[c]];
                    for (int row = 0; row < own.length; row += k) {
                        for (int q = row; q < row + k && gained[q] < own[row + k - 1]; q++) {
                            insert(own, row, k, gained[q]);
                        }
                    }
                }
            }
        });
    }

    /** Pairs of distinct leaves whose boxes are closer than the larger of their reaches, flattened. */
    private void collectNeighbourLeaves(int a, int b, double[] reach, IntList out) {
        if (a == b) {
            if (left[a] >= 0) {
                collectNeighbourLeaves(left[a], left[a], reach, out);
                collectNeighbourLeaves(left[a], right[a], reach, out);
                collectNeighbourLeaves(right[a], right[a], reach, out);
            }
            return;
        }
        double limit = Math.max(reach[a], reach[b]);
        if (boxToBoxSq(a, b, limit) >= limit) {
            return;
        }
        boolean leafA = left[a] < 0;
        boolean leafB = left[b] < 0;
        if (leafA && leafB) {
            out.add(a);
            out.add(b);
        } else if (!leafA && (leafB || end[a] - start[a] >= end[b] - start[b])) {
            collectNeighbourLeaves(left[a], b, reach, out);
            collectNeighbourLeaves(right[a], b, reach, out);
        } else {
            collectNeighbourLeaves(a, left[b], reach, out);
            collectNeighbourLeaves(a, right[b], reach, out);
        }
    }

    /**
     * Compares the points of leaf a with those of leaf b once per pair (a == b: within the leaf,
     * each point also meeting itself). A distance below a point's bound (its k-th in
     * {@code boundA}/{@code boundB}) is inserted into its row of {@code intoA}/{@code intoB}.
     */
    private void compare(int a, int b, double[] boundA, double[] boundB, double[] intoA, double[] intoB, int k) {
        double reachB = 0;
        for (int q = 0; q < end[b] - start[b]; q++) {
            reachB = Math.max(reachB, boundB[q * k + k - 1]);
        }
        for (int p = start[a]; p < end[a]; p++) {
            int rowA = (p - start[a]) * k;
            int po = p * dim;
            if (a != b) {
                double limit = Math.max(boundA[rowA + k - 1], reachB);
                if (minSqToBox(sorted, po, b, limit) >= limit) {
                    continue;
                }
            }
            for (int q = a == b ? p : start[b]; q < end[b]; q++) {
                int rowB = (q - start[b]) * k;
                double d = Points.sqDist(sorted, po, sorted, q * dim, dim);
                if (d < boundA[rowA + k - 1]) {
                    insert(intoA, rowA, k, d);
                }
                if (q != p && d < boundB[rowB + k - 1]) {
                    insert(intoB, rowB, k, d);
                }
            }
        }
    }

    /** Inserts d into the ascending k values of {@code best} from {@code row}, dropping the largest. */
    private static void insert(double[] best, int row, int k, double d) {
        int at = row + k - 1;
        if (!(d < best[at])) {
            return;
        }
        while (at > row && best[at - 1] > d) {
            best[at] = best[at - 1];
            at--;
        }
        best[at] = d;
    }

    /** Offers the points of {@code node} to the queries of {@code leaf}; {@code best} holds their sorted k best. */
    private void visit(int node, int leaf, int k, double[] best) {
        if (left[node] < 0) {
            for (int p = start[leaf]; p < end[leaf]; p++) {
                int row = (p - start[leaf]) * k;
                int qo = p * dim;
                if (node != leaf && minSqToBox(sorted, qo, node, best[row + k - 1]) >= best[row + k - 1]) {
                    continue;
                }
                for (int q = start[node]; q < end[node]; q++) {
                    double d = Points.sqDist(sorted, qo, sorted, q * dim, dim);
                    if (d < best[row + k - 1]) {
                        int at = row + k - 1;
                        while (at > row && best[at - 1] > d) {
                            best[at] = best[at - 1];
                            at--;
                        }
                        best[at] = d;
                    }
                }
            }
            return;
        }
        double bound = 0;
        for (int p = 0; p < end[leaf] - start[leaf]; p++) {
            bound = Math.max(bound, best[p * k + k - 1]);
        }
        double dl = boxToBoxSq(leaf, left[node], bound);
        double dr = boxToBoxSq(leaf, right[node], bound);
        // The child holding the query leaf first (its points give the tightest early bounds), else the nearer.
        boolean inside = start[leaf] >= start[node] && start[leaf] < end[node];
        boolean leftFirst = inside ? start[leaf] < end[left[node]] : dl <= dr;
        int near = leftFirst ? left[node] : right[node];
        int far = leftFirst ? right[node] : left[node];
        double dNear = leftFirst ? dl : dr;
        double dFar = leftFirst ? dr : dl;
        if (dNear < bound) {
            visit(near, leaf, k, best);
        }
        bound = 0;
        for (int p = 0; p < end[leaf] - start[leaf]; p++) {
            bound = Math.max(bound, best[p * k + k - 1]);
        }
        if (dFar < bound) {
            visit(far, leaf, k, best);
        }
    }
}
