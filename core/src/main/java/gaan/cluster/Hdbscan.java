package gaan.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import gaan.linalg.Parallel;
import gaan.linalg.Points;

/**
 * HDBSCAN (Campello, Moulavi & Sander 2013; as in the {@code hdbscan} package and scikit-learn
 * 1.3 with their defaults): core distance = distance to the {@code minSamples}-th nearest
 * neighbour counting the point itself; minimum spanning tree of the mutual reachability distance
 * max(core(a), core(b), ‖a − b‖) by Prim; single-linkage tree; condensed tree with
 * {@code minClusterSize}; clusters chosen by excess of mass (the root is never selected); points
 * outside every chosen cluster are noise (-1). Clusters are numbered in the condensed tree's order.
 *
 * <p>Merges at distance 0 (duplicate points) are given λ = 1 / (10⁻¹² × the largest MST edge)
 * instead of infinity so that stabilities stay finite.
 */
public final class Hdbscan implements Clusterer {
    private final int minClusterSize;
    private final int minSamples;
    private final int threads;

    public Hdbscan(int minClusterSize, int minSamples, int threads) {
        if (minClusterSize < 2 || minSamples < 1 || threads < 1) {
            throw new IllegalArgumentException("HDBSCAN needs minClusterSize ≥ 2, minSamples ≥ 1, threads ≥ 1; got "
                    + minClusterSize + ", " + minSamples + ", " + threads);
        }
        this.minClusterSize = minClusterSize;
        this.minSamples = minSamples;
        this.threads = threads;
    }

    /** min_samples = min_cluster_size, scikit-learn's default. */
    public Hdbscan(int minClusterSize, int threads) {
        this(minClusterSize, minClusterSize, threads);
    }

    @Override
    public Method method() {
        return Method.of("hdbscan", "min_cluster_size", minClusterSize, "min_samples", minSamples);
    }

    @Override
    public Partition fit(double[][] x) {
        Points p = Points.of(x);
        int n = p.size();
        if (n < minSamples) {
            throw new IllegalArgumentException("HDBSCAN with minSamples=" + minSamples + " needs at least that many points, got " + n);
        }
        int[] labels = new int[n];
        Arrays.fill(labels, Partition.NOISE);
        if (n < 2) {
            return new Partition(method(), labels, 0, Double.NaN, Double.NaN);
        }
        double[] core = new double[n];
        Prim.Tree mst;
        try (Parallel par = new Parallel(threads)) {
            if (minSamples > 1) {
                double[] kth = new KdTree(p).kthNearestAll(minSamples, par);
                for (int i = 0; i < n; i++) {
                    core[i] = Math.sqrt(kth[i]);
                }
            }
            mst = Prim.span(p, core, par);
        }
        SingleLinkage tree = SingleLinkage.of(n, mst.source(), mst.added(), mst.weight());
        Condensed condensed = condense(tree, n);
        int[] out = select(condensed, n);
        return new Partition(method(), out, Partition.countClusters(out), Double.NaN, Double.NaN);
    }

    /** Single-linkage merge tree: node n+m joins nodes left[m] and right[m] at height[m]. */
    private record SingleLinkage(int[] left, int[] right, double[] height, int[] size) {
        static SingleLinkage of(int n, int[] a, int[] b, double[] w) {
            Integer[] order = new Integer[n - 1];
            for (int e = 0; e < n - 1; e++) {
                order[e] = e;
            }
            Arrays.sort(order, (x, y) -> Double.compare(w[x], w[y]));
            int[] parent = new int[2 * n - 1];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
            }
            int[] left = new int[n - 1];
            int[] right = new int[n - 1];
            double[] height = new double[n - 1];
            int[] size = new int[2 * n - 1];
            Arrays.fill(size, 0, n, 1);
            for (int m = 0; m < n - 1; m++) {
                int e = order[m];
                int ra = find(parent, a[e]);
                int rb = find(parent, b[e]);
                int node = n + m;
                left[m] = ra;
                right[m] = rb;
                height[m] = w[e];
                size[node] = size[ra] + size[rb];
                parent[ra] = node;
                parent[rb] = node;
            }
            return new SingleLinkage(left, right, height, size);
        }

        private static int find(int[] parent, int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }
    }

    /** Rows of the condensed tree: a child cluster (label ≥ n) or a point leaving a cluster at λ. */
    private record Condensed(int[] parent, int[] child, double[] lambda, int[] childSize, int clusters) {
    }

    private Condensed condense(SingleLinkage t, int n) {
        int root = 2 * n - 2;
        double maxHeight = t.height[n - 2];
        double floor = maxHeight > 0 ? maxHeight * 1e-12 : 1.0;
        int[] relabel = new int[2 * n - 1];
        relabel[root] = n;
        int nextLabel = n + 1;
        List<int[]> links = new ArrayList<>();
        List<Double> lambdas = new ArrayList<>();
        int[] stack = new int[2 * n];
        int top = 0;
        stack[top++] = root;
        while (top > 0) {
            int node = stack[--top];
            int m = node - n;
            double lambda = 1.0 / Math.max(t.height[m], floor);
            int l = t.left[m];
            int r = t.right[m];
            boolean bigL = t.size[l] >= minClusterSize;
            boolean bigR = t.size[r] >= minClusterSize;
            int label = relabel[node];
            if (bigL && bigR) {
                for (int c : new int[] {l, r}) {
                    relabel[c] = nextLabel++;
                    links.add(new int[] {label, relabel[c], t.size[c]});
                    lambdas.add(lambda);
                    if (c >= n) {
                        stack[top++] = c;
                    }
                }
                continue;
            }
            for (int c : new int[] {l, r}) {
                if (t.size[c] >= minClusterSize) {
                    relabel[c] = label; // the cluster continues, shedding the small side
                    if (c >= n) {
                        stack[top++] = c;
                    }
                } else {
                    shedPoints(t, n, c, label, lambda, links, lambdas);
                }
            }
        }
        int rows = links.size();
        int[] parent = new int[rows];
        int[] child = new int[rows];
        int[] childSize = new int[rows];
        double[] lambda = new double[rows];
        for (int i = 0; i < rows; i++) {
            int[] row = links.get(i);
            parent[i] = row[0];
            child[i] = row[1];
            childSize[i] = row[2];
            lambda[i] = lambdas.get(i);
        }
        return new Condensed(parent, child, lambda, childSize, nextLabel - n);
    }

    private static void shedPoints(SingleLinkage t, int n, int from, int label, double lambda, List<int[]> links,
            List<Double> lambdas) {
        int[] stack = new int[t.size[from]];
        int top = 0;
        stack[top++] = from;
        while (top > 0) {
            int node = stack[--top];
            if (node < n) {
                links.add(new int[] {label, node, 1});
                lambdas.add(lambda);
            } else {
                stack[top++] = t.left[node - n];
                stack[top++] = t.right[node - n];
            }
        }
    }

    /** Excess-of-mass selection and labelling. */
    private static int[] select(Condensed c, int n) {
        int clusters = c.clusters;
        double[] birth = new double[clusters];
        for (int i = 0; i < c.child.length; i++) {
            if (c.child[i] >= n) {
                birth[c.child[i] - n] = c.lambda[i];
            }
        }
        double[] stability = new double[clusters];
        for (int i = 0; i < c.parent.length; i++) {
            int p = c.parent[i] - n;
            stability[p] += (c.lambda[i] - birth[p]) * c.childSize[i];
        }
        int[] parentOf = new int[clusters];
        parentOf[0] = -1;
        for (int i = 0; i < c.child.length; i++) {
            if (c.child[i] >= n) {
                parentOf[c.child[i] - n] = c.parent[i] - n;
            }
        }
        // Children have larger labels than parents, so a reverse scan visits children first.
        double[] subtree = new double[clusters];
        boolean[] selected = new boolean[clusters];
        for (int k = clusters - 1; k >= 1; k--) {
            if (subtree[k] > stability[k]) {
                stability[k] = subtree[k];
            } else {
                selected[k] = true;
            }
            if (parentOf[k] > 0) {
                subtree[parentOf[k]] += stability[k];
            }
        }
        // Keep only the topmost selected clusters.
        for (int k = 1; k < clusters; k++) {
            for (int a = parentOf[k]; a > 0; a = parentOf[a]) {
                if (selected[a]) {
                    selected[k] = false;
                    break;
                }
            }
        }
        int[] number = new int[clusters];
        Arrays.fill(number, -1);
        int next = 0;
        for (int k = 1; k < clusters; k++) {
            if (selected[k]) {
                number[k] = next++;
            }
        }
        // A point belongs to the selected cluster (if any) on the path from where it left the tree to the root.
        int[] owner = new int[clusters];
        for (int k = 0; k < clusters; k++) {
            owner[k] = number[k];
            if (owner[k] < 0 && k > 0 && parentOf[k] >= 0) {
                owner[k] = owner[parentOf[k]];
            }
        }
        int[] labels = new int[n];
        Arrays.fill(labels, Partition.NOISE);
        for (int i = 0; i < c.child.length; i++) {
            if (c.child[i] < n) {
                labels[c.child[i]] = owner[c.parent[i] - n];
            }
        }
        return labels;
    }
}
