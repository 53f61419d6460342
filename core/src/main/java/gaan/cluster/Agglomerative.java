package gaan.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import gaan.linalg.Parallel;
import gaan.linalg.Points;

/**
 * Agglomerative clustering with Euclidean distances, cut at {@code k} clusters, giving the same
 * partitions as scikit-learn's {@code AgglomerativeClustering} (which uses scipy's linkage and its
 * own single-linkage MST).
 *
 * <ul>
 * <li>{@link Linkage#WARD}: nearest-neighbour chain on centroids, O(n²·dim) time, O(n·dim) memory.
 * <li>{@link Linkage#AVERAGE}, {@link Linkage#COMPLETE}: nearest-neighbour chain on the condensed
 * distance matrix, O(n²) time and n(n-1)/2 doubles of memory (1.6 GB at 20,000 points).
 * <li>{@link Linkage#SINGLE}: Prim's minimum spanning tree, O(n²·dim) time, O(n) memory.
 * </ul>
 * Labels are numbered in order of each cluster's first point. Average and complete linkage refuse
 * (IllegalArgumentException, so a sweep records the reason and goes on) when their matrix would
 * take more than half of the heap the JVM may grow to.
 */
public final class Agglomerative implements Clusterer {
    public enum Linkage {
        WARD, AVERAGE, COMPLETE, SINGLE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final int k;
    private final Linkage linkage;
    private final int threads;
    private final long maxMatrixBytes;

    public Agglomerative(int k, Linkage linkage, int threads) {
        this(k, linkage, threads, Runtime.getRuntime().maxMemory() / 2);
    }

    /** As above, with the largest condensed distance matrix allowed (for tests). */
    Agglomerative(int k, Linkage linkage, int threads, long maxMatrixBytes) {
        if (k < 1 || threads < 1) {
            throw new IllegalArgumentException("Agglomerative needs k ≥ 1 and threads ≥ 1; got k=" + k
                    + ", threads=" + threads);
        }
        this.k = k;
        this.linkage = linkage;
        this.threads = threads;
        this.maxMatrixBytes = maxMatrixBytes;
    }

    @Override
    public Method method() {
        return Method.of("agglomerative", "k", k, "linkage", linkage.id());
    }

    @Override
    public Partition fit(double[][] x) {
        return fitEachK(x, new int[] {k}).get(0);
    }

    /**
     * With this linkage and thread count, the partition into each of {@code ks} clusters (what
     * {@link #fit} gives for that k) from one merge tree: choosing k cuts the same tree many times.
     */
    public List<Partition> fitEachK(double[][] x, int[] ks) {
        Points p = Points.of(x);
        int most = Arrays.stream(ks).max().orElse(1);
        if (p.size() < most) {
            throw new IllegalArgumentException("agglomerative clustering into k=" + most + " clusters needs at least "
                    + most + " points, got " + p.size() + "; lower k");
        }
        long bytes = 8L * p.size() * (p.size() - 1) / 2;
        if ((linkage == Linkage.AVERAGE || linkage == Linkage.COMPLETE) && bytes > maxMatrixBytes) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "skipped: %s linkage keeps all %d×%d pair"
                    + " distances (%.1f GB), more than the %.1f GB it may use of the heap; use ward or single linkage,"
                    + " or give Java more memory (-Xmx)", linkage.id(), p.size(), p.size(), bytes / 1e9,
                    maxMatrixBytes / 1e9));
        }
        Dendrogram tree = tree(p);
        List<Partition> out = new ArrayList<>(ks.length);
        for (int c : ks) {
            out.add(Partition.of(new Agglomerative(c, linkage, threads, maxMatrixBytes).method(), tree.cut(c)));
        }
        return out;
    }

    /** The full merge tree (n-1 merges) of the points. */
    Dendrogram tree(Points p) {
        int n = p.size();
        if (n < 2) {
            return new Dendrogram(new int[0], new int[0], new double[0]);
        }
        try (Parallel par = new Parallel(threads)) {
            return switch (linkage) {
                case WARD -> NnChain.run(new WardSpace(p));
                case AVERAGE -> NnChain.run(new CondensedSpace(p, true, par));
                case COMPLETE -> NnChain.run(new CondensedSpace(p, false, par));
                case SINGLE -> {
                    Prim.Tree t = Prim.span(p, null, par);
                    yield new Dendrogram(t.previous(), t.added(), t.weight());
                }
            };
        }
    }
}
