package gaan.cluster;

import java.util.Locale;

import gaan.linalg.Parallel;
import gaan.linalg.Points;

/**
 * DBSCAN as scikit-learn runs it: a point is core when at least {@code minSamples} points,
 * itself included, lie within distance {@code eps} (≤); clusters are numbered in order of their
 * lowest-index core point and grow through core points; a border point joins the first cluster
 * that reaches it; everything else is noise (-1). Neighbourhoods come from a k-d tree self-join that
 * computes each pair's distance once, on all threads. With {@link #knee}, eps is chosen at fit time by {@link KneeEps} (times a factor) and
 * recorded in the partition's method.
 */
public final class Dbscan implements Clusterer {
    private final double eps;
    private final double kneeFactor;
    private final int minSamples;
    private final int threads;

    private Dbscan(double eps, double kneeFactor, int minSamples, int threads) {
        if (minSamples < 1 || threads < 1) {
            throw new IllegalArgumentException("DBSCAN needs minSamples ≥ 1 and threads ≥ 1; got minSamples="
                    + minSamples + ", threads=" + threads);
        }
        this.eps = eps;
        this.kneeFactor = kneeFactor;
        this.minSamples = minSamples;
        this.threads = threads;
    }

    /** DBSCAN with a given radius. */
    public Dbscan(double eps, int minSamples, int threads) {
        this(checkEps(eps), Double.NaN, minSamples, threads);
    }

    /** DBSCAN whose eps is {@code factor} × the k-distance knee (k = minSamples) of the data. */
    public static Dbscan knee(int minSamples, double factor, int threads) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("knee factor must be positive, got " + factor);
        }
        return new Dbscan(Double.NaN, factor, minSamples, threads);
    }

    private static double checkEps(double eps) {
        if (!(eps >= 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("DBSCAN eps must be a finite number ≥ 0, got " + eps);
        }
        return eps;
    }

    @Override
    public Method method() {
        return Double.isNaN(eps)
                ? Method.of("dbscan", "eps", String.format(Locale.ROOT, "knee×%s", kneeFactor), "min_samples", minSamples)
                : Method.of("dbscan", "eps", eps, "min_samples", minSamples);
    }

    @Override
    public Partition fit(double[][] x) {
        Points p = Points.of(x);
        int n = p.size();
        double radius = eps;
        Method method = method();
        if (Double.isNaN(eps)) {
            radius = KneeEps.find(p, minSamples, threads).eps() * kneeFactor;
            method = method.with("eps_value", radius);
        }
        int[] labels = new int[n];
        java.util.Arrays.fill(labels, Partition.NOISE);
        if (n == 0) {
            return Partition.of(method, labels);
        }
        KdTree.Neighbourhoods hood;
        try (Parallel par = new Parallel(threads)) {
            hood = new KdTree(p).radiusAll(radius * radius, par);
        }
        int[] offsets = hood.offsets();
        int[] all = hood.neighbours();
        boolean[] core = new boolean[n];
        for (int i = 0; i < n; i++) {
            core[i] = hood.count(i) >= minSamples;
        }
        int[] queue = new int[n];
        int cluster = 0;
        for (int seed = 0; seed < n; seed++) {
            if (labels[seed] != Partition.NOISE || !core[seed]) {
                continue;
            }
            int head = 0;
            int tail = 0;
            labels[seed] = cluster;
            queue[tail++] = seed;
            while (head < tail) {
                int i = queue[head++];
                for (int q = offsets[i]; q < offsets[i + 1]; q++) {
                    int j = all[q];
                    if (labels[j] == Partition.NOISE) {
                        labels[j] = cluster;
                        if (core[j]) {
                            queue[tail++] = j;
                        }
                    }
                }
            }
            cluster++;
        }
        return new Partition(method, labels, cluster, Double.NaN, Double.NaN);
    }
}
