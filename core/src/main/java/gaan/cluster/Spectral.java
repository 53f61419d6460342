package gaan.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import gaan.linalg.BlockLanczos;
import gaan.linalg.Parallel;
import gaan.linalg.Points;
import gaan.linalg.SymmetricEigen;

/**
 * Spectral clustering as scikit-learn 1.2's {@code SpectralClustering(affinity='nearest_neighbors',
 * assign_labels='kmeans')} runs it: the k-nearest-neighbour connectivity graph with each point
 * among its own neighbours ({@code include_self=True}), symmetrised as W = ½(C + Cᵀ); the
 * symmetric normalised Laplacian L = I − D^-½ W D^-½ with self-loops left out of W and of the
 * degrees D (scipy's {@code csgraph.laplacian(normed=True)}); the eigenvectors of the
 * {@code k} smallest eigenvalues of L, each divided by √degree and its sign flipped so that its
 * entry of largest magnitude is positive ({@code spectral_embedding}); then {@link KMeans} with 10
 * restarts on those k-dimensional rows.
 *
 * <p>Up to {@value #DENSE_LIMIT} points the eigenvectors come from the dense solver; above, from
 * {@link BlockLanczos} on the sparse graph (O(n·n_neighbors) memory), so 20,000+ points fit.
 * The k-means random stream differs from numpy's: compare partitions with scikit-learn's by ARI.
 */
public final class Spectral implements Clusterer {
    static final int DENSE_LIMIT = 1500;
    /** Residual tolerance of the sparse solver, relative to the largest eigenvalue of D^-½ W D^-½ (1). */
    private static final double TOLERANCE = 1e-9;

    private final int k;
    /** Neighbours per point when none are given: scikit-learn's default. */
    public static final int DEFAULT_NEIGHBORS = 10;

    private final int nNeighbors;
    private final long seed;
    private final int threads;
    private final int denseLimit;

    /**
     * @param k          number of clusters (and of eigenvectors)
     * @param nNeighbors neighbours per point in the graph, the point itself included (scikit-learn's default 10;
     *     with fewer points, n - 1)
     */
    public Spectral(int k, int nNeighbors, long seed, int threads) {
        this(k, nNeighbors, seed, threads, DENSE_LIMIT);
    }

    /** As above, with the largest point count the dense eigen-solver handles (for tests). */
    Spectral(int k, int nNeighbors, long seed, int threads, int denseLimit) {
        if (k < 1 || nNeighbors < 1 || threads < 1) {
            throw new IllegalArgumentException("Spectral needs k, nNeighbors, threads ≥ 1; got k=" + k
                    + ", nNeighbors=" + nNeighbors + ", threads=" + threads);
        }
        this.k = k;
        this.nNeighbors = nNeighbors;
        this.seed = seed;
        this.threads = threads;
        this.denseLimit = denseLimit;
    }

    @Override
    public Method method() {
        return Method.of("spectral", "k", k, "n_neighbors", nNeighbors, "seed", seed);
    }

    @Override
    public Partition fit(double[][] x) {
        Graph g = graph(x, k);
        return Partition.of(method(), labels(g, leading(g, k), k));
    }

    /**
     * A partition and the Newman–Girvan modularity of its clusters on the kNN graph it was cut from
     * (Newman &amp; Girvan 2004): the share of W's weight inside clusters minus the share expected
     * if edges were drawn at random with the same degrees.
     */
    public record Cut(Partition partition, double modularity) {
    }

    /**
     * With these neighbours, seed and threads, the partition into each of {@code ks} clusters
     * (what {@link #fit} gives for that k: the same graph, the first k of the largest k's
     * eigenvectors) and its modularity on the graph. Choosing k by the modularity of spectral cuts
     * is White &amp; Smyth's (2005) method.
     */
    public List<Cut> fitEachK(double[][] x, int[] ks) {
        int most = Arrays.stream(ks).max().orElse(1);
        Graph g = graph(x, most);
        SymmetricEigen.Pairs pairs = leading(g, most);
        List<Cut> out = new ArrayList<>(ks.length);
        for (int c : ks) {
            int[] labels = labels(g, pairs, c);
            out.add(new Cut(Partition.of(new Spectral(c, nNeighbors, seed, threads, denseLimit).method(), labels),
                    g.modularity(labels)));
        }
        return out;
    }

    /** K-Means labels on the first {@code clusters} eigenvectors, each divided by √degree and signed as scikit-learn does. */
    private int[] labels(Graph g, SymmetricEigen.Pairs pairs, int clusters) {
        int n = g.size();
        double[][] embedding = new double[n][clusters];
        double[] v = new double[n];
        for (int c = 0; c < clusters; c++) {
            int largest = 0;
            for (int i = 0; i < n; i++) {
                v[i] = pairs.vectors()[c][i] / g.sqrtDegree[i];
                if (Math.abs(v[i]) > Math.abs(v[largest])) {
                    largest = i;
                }
            }
            double sign = Math.signum(v[largest]) < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                embedding[i][c] = sign * v[i];
            }
        }
        return new KMeans(clusters, 10, 300, 1e-4, seed, threads).fit(embedding).labels();
    }

    private Graph graph(double[][] x, int eigenvectors) {
        Points p = Points.of(x);
        int n = p.size();
        if (n < eigenvectors) {
            throw new IllegalArgumentException("spectral clustering with k=" + eigenvectors + " (n_neighbors="
                    + nNeighbors + ") needs at least " + eigenvectors + " points, got " + n + "; lower k");
        }
        // scikit-learn refuses fewer points than n_neighbors. A tiny collection is better served by a
        // smaller neighbourhood than by no clustering; n - 1 (not n) keeps the 0/1 graph from becoming
        // complete, where every point looks alike.
        int neighbours = Math.max(1, Math.min(nNeighbors, n - 1));
        try (Parallel par = new Parallel(threads)) {
            return Graph.of(new KdTree(p).nearestAll(neighbours, par), n, neighbours);
        }
    }

    /** The {@code count} largest eigenpairs of D^-½ W D^-½ (the smallest of L), values decreasing. */
    private SymmetricEigen.Pairs leading(Graph g, int count) {
        return g.size() <= denseLimit ? dense(g, count) : new BlockLanczos(count, TOLERANCE, seed).largest(g);
    }

    private static SymmetricEigen.Pairs dense(Graph g, int count) {
        int n = g.size();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int e = g.offsets[i]; e < g.offsets[i + 1]; e++) {
                a[i][g.columns[e]] = g.weights[e];
            }
        }
        SymmetricEigen.Pairs all = SymmetricEigen.descending(a);
        return new SymmetricEigen.Pairs(Arrays.copyOf(all.values(), count), Arrays.copyOf(all.vectors(), count));
    }

    /**
     * The normalised affinity D^-½ W D^-½ without its diagonal, as compressed rows (columns
     * ascending), and √degree per point (1 for an isolated point, as scipy sets it).
     */
    private record Graph(int[] offsets, int[] columns, double[] weights, double[] sqrtDegree)
            implements BlockLanczos.Operator {
        static Graph of(int[] neighbours, int n, int perPoint) {
            // Each directed edge i→j of the kNN graph adds ½ to W[i][j] and to W[j][i].
            long[] keys = new long[2 * neighbours.length];
            int m = 0;
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < perPoint; t++) {
                    int j = neighbours[i * perPoint + t];
                    if (j != i) {
                        keys[m++] = (long) i * n + j;
                        keys[m++] = (long) j * n + i;
                    }
                }
            }
            Arrays.sort(keys, 0, m);
            int[] offsets = new int[n + 1];
            int[] columns = new int[m];
            double[] weights = new double[m];
            int nnz = 0;
            for (int e = 0; e < m; e++) {
                if (nnz > 0 && e > 0 && keys[e] == keys[e - 1]) {
                    weights[nnz - 1] += 0.5;
                    continue;
                }
                int row = (int) (keys[e] / n);
                columns[nnz] = (int) (keys[e] % n);
                weights[nnz] = 0.5;
                offsets[row + 1]++;
                nnz++;
            }
            for (int i = 0; i < n; i++) {
                offsets[i + 1] += offsets[i];
            }
            double[] sqrtDegree = new double[n];
            for (int i = 0; i < n; i++) {
                double d = 0;
                for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                    d += weights[e];
                }
                sqrtDegree[i] = d == 0 ? 1 : Math.sqrt(d);
            }
            for (int i = 0; i < n; i++) {
                for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                    weights[e] /= sqrtDegree[i] * sqrtDegree[columns[e]];
                }
            }
            return new Graph(offsets, Arrays.copyOf(columns, nnz), Arrays.copyOf(weights, nnz), sqrtDegree);
        }

        @Override
        public int size() {
            return sqrtDegree.length;
        }

        /** Modularity of {@code labels} on W (the weights before normalisation; no self-loops). */
        double modularity(int[] labels) {
            int clusters = Partition.countClusters(labels);
            double[] inside = new double[clusters];
            double[] degree = new double[clusters];
            double total = 0;
            for (int i = 0; i < size(); i++) {
                for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                    double w = weights[e] * sqrtDegree[i] * sqrtDegree[columns[e]];
                    total += w;
                    degree[labels[i]] += w;
                    if (labels[columns[e]] == labels[i]) {
                        inside[labels[i]] += w;
                    }
                }
            }
            double q = 0;
            for (int c = 0; c < clusters; c++) {
                q += inside[c] / total - (degree[c] / total) * (degree[c] / total);
            }
            return q;
        }

        @Override
        public void apply(double[] x, double[] y) {
            for (int i = 0; i < y.length; i++) {
                double s = 0;
                for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                    s += weights[e] * x[columns[e]];
                }
                y[i] = s;
            }
        }
    }
}
