package gaan.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import gaan.cluster.Agglomerative;
import gaan.cluster.Blobs;
import gaan.cluster.Dbscan;
import gaan.cluster.Hdbscan;
import gaan.cluster.KMeans;
import gaan.cluster.KneeEps;
import gaan.cluster.Partition;
import gaan.cluster.Spectral;
import gaan.eval.KSelection;
import gaan.eval.Metrics;

/**
 * Clustering speed on make_blobs-style data (5000 × 32, 10 centres, std 1, seed 42): K-Means (k 10,
 * n_init 10), Ward (k 10), the DBSCAN knee (min_samples 5) and DBSCAN at that eps, the exact
 * silhouette of the K-Means labels, HDBSCAN (min_cluster_size 5), spectral clustering (k 10,
 * n_neighbors 10: sparse solver); median of 5 runs after a JIT warm-up of 2 s each. Then Ward,
 * HDBSCAN and spectral once on 20,000 × 32, spectral's k from the data there (modularity of the cut at
 * k = 2 … 20, {@code KSelection}), and the process's peak RSS. All cores.
 * {@code checks} holds each result's ARI against the blob of origin, to show the runs are real.
 */
public final class ClusterBench {
    private static final int REPEATS = 5;

    private ClusterBench() {
    }

    /**
     * With no arguments, 5000×32 blobs generated here; with {@code X.npy Y.npy} (e.g. the
     * anchors' {@code make_synth.py} output), those, so both sides time the same points.
     */
    public static void main(String[] args) {
        int threads = Runtime.getRuntime().availableProcessors();
        Blobs small = args.length >= 2
                ? new Blobs(gaan.data.Npy.read(java.nio.file.Path.of(args[0])).toMatrix(),
                        gaan.data.Npy.read(java.nio.file.Path.of(args[1])).toInts())
                : Blobs.make(5000, 32, 10, 1.0, 42);
        double[][] x = small.x();
        Map<String, Object> checks = new LinkedHashMap<>();
        Bench bench = Bench.create();

        Partition km = timed(bench, "kmeans_s", () -> new KMeans(10, 10, 300, 1e-4, 0, threads).fit(x));
        checks.put("kmeans_ari", Metrics.adjustedRand(small.y(), km.labels()));
        Partition ward = timed(bench, "ward_s", () -> new Agglomerative(10, Agglomerative.Linkage.WARD, threads).fit(x));
        checks.put("ward_ari", Metrics.adjustedRand(small.y(), ward.labels()));
        KneeEps.Knee knee = timed(bench, "dbscan_knee_s", () -> KneeEps.find(x, 5, threads));
        checks.put("knee_eps", knee.eps());
        Partition db = timed(bench, "dbscan_s", () -> new Dbscan(knee.eps(), 5, threads).fit(x));
        checks.put("dbscan_ari", Metrics.adjustedRand(small.y(), db.labels()));
        checks.put("dbscan_noise", db.noise());
        Double sil = timed(bench, "silhouette_s", () -> new Metrics(threads).silhouette(x, km.labels()));
        checks.put("silhouette", sil);
        Partition hd = timed(bench, "hdbscan_s", () -> new Hdbscan(5, 5, threads).fit(x));
        checks.put("hdbscan_ari", Metrics.adjustedRand(small.y(), hd.labels()));
        Partition sp = timed(bench, "spectral_s", () -> new Spectral(10, 10, 0, threads).fit(x));
        checks.put("spectral_ari", Metrics.adjustedRand(small.y(), sp.labels()));

        Blobs large = Blobs.make(20000, 32, 10, 1.0, 43);
        long start = System.nanoTime();
        Partition ward20 = new Agglomerative(10, Agglomerative.Linkage.WARD, threads).fit(large.x());
        bench.put("ward_20000_s", (System.nanoTime() - start) / 1e9);
        checks.put("ward_20000_ari", Metrics.adjustedRand(large.y(), ward20.labels()));
        start = System.nanoTime();
        Partition hd20 = new Hdbscan(5, 5, threads).fit(large.x());
        bench.put("hdbscan_20000_s", (System.nanoTime() - start) / 1e9);
        checks.put("hdbscan_20000_ari", Metrics.adjustedRand(large.y(), hd20.labels()));

        start = System.nanoTime();
        Partition sp20 = new Spectral(10, 10, 0, threads).fit(large.x());
        bench.put("spectral_20000_s", (System.nanoTime() - start) / 1e9);
        checks.put("spectral_20000_ari", Metrics.adjustedRand(large.y(), sp20.labels()));
        start = System.nanoTime();
        KSelection.Choice k20 = new KSelection(threads).choose(large.x(), k -> new Spectral(k, 10, 0, threads));
        bench.put("spectral_k_from_data_20000_s", (System.nanoTime() - start) / 1e9);
        checks.put("spectral_k_from_data_20000", k20.k());

        bench.put("peak_rss_mb", Bench.peakRssMb());
        bench.put("threads", threads);
        bench.put("checks", checks);
        bench.print();
    }

    /**
     * Puts the median seconds of {@link #REPEATS} runs under {@code key}, after warming the JIT up
     * with at least 3 runs and 2 s of work (JMH-style steady state: the recursive tree walks
     * need about 20 runs to be fully compiled); returns the last result.
     */
    private static <T> T timed(Bench bench, String key, Supplier<T> work) {
        Object[] last = new Object[1];
        long warmStart = System.nanoTime();
        for (int i = 0; i < 3 || System.nanoTime() - warmStart < 2_000_000_000L; i++) {
            last[0] = work.get();
        }
        bench.put(key, Bench.medianSeconds(REPEATS, () -> last[0] = work.get()));
        System.err.println(key + " done");
        @SuppressWarnings("unchecked")
        T result = (T) last[0];
        return result;
    }
}
