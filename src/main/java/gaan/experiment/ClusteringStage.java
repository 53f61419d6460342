package gaan.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import gaan.cluster.Agglomerative;
import gaan.cluster.Clusterer;
import gaan.cluster.Dbscan;
import gaan.cluster.GaussianMixture;
import gaan.cluster.Hdbscan;
import gaan.cluster.KMeans;
import gaan.cluster.Partition;
import gaan.eval.Metrics;
import gaan.eval.Scores;
import gaan.report.ResultRow;

/**
 * Runs every clustering of a task's grid on one representation and scores it. Each
 * {@link ClusteringSpec} expands into one clusterer per parameter combination; the runs of one
 * spec on one representation and seed form a sweep, and {@link #selectBest} marks its best run.
 */
final class ClusteringStage {
    /** Selection rule written into the note of every selected row. */
    static String rule(double minCoverage) {
        return String.format(Locale.ROOT, "selected: best silhouette among runs covering >= %.0f%% of tracks",
                minCoverage * 100);
    }

    private final TaskData data;
    private final Metrics metrics;

    ClusteringStage(TaskData data) {
        this.data = data;
        this.metrics = new Metrics(data.config().threads());
    }

    /** A clustering run: the sweep it belongs to, its result row and the labels it gave each track. */
    record Run(String sweep, ResultRow row, int[] labels) {
        String column() {
            return row.representation() + ":" + row.algorithm() + (row.params().isEmpty() ? "" : ":" + row.params())
                    + ":s" + row.seed();
        }
    }

    List<Run> run(Representation rep) {
        List<Run> runs = new ArrayList<>();
        for (int s = 0; s < data.config().clustering().size(); s++) {
            ClusteringSpec spec = data.config().clustering().get(s);
            String sweep = rep.name() + "#" + s + "#" + rep.seed();
            for (Clusterer c : clusterers(spec, rep.seed())) {
                runs.add(score(rep, sweep, c));
            }
        }
        return runs;
    }

    private Run score(Representation rep, String sweep, Clusterer clusterer) {
        try {
            Partition p = clusterer.fit(rep.x());
            Scores s = metrics.score(rep.x(), p, data.truth());
            String note = join(rep.note(), s.undefinedReason() == null ? "" : s.undefinedReason());
            ResultRow row = new ResultRow(data.config().task(), rep.name(), rep.inputs(), rep.usesLabels(),
                    p.method().algorithm(), params(p.method().parameters()), rep.seed(), s.nClusters(), s.nNoise(),
                    s.coverage(), s.silhouette(), s.daviesBouldin(), s.calinskiHarabasz(), s.ari(), s.nmi(), s.ami(),
                    s.purity(), s.accuracy(), false, note);
            return new Run(sweep, row, p.labels());
        } catch (IllegalArgumentException e) {
            double nan = Double.NaN;
            ResultRow row = new ResultRow(data.config().task(), rep.name(), rep.inputs(), rep.usesLabels(),
                    clusterer.method().algorithm(), params(clusterer.method().parameters()), rep.seed(), 0, 0, nan,
                    nan, nan, nan, nan, nan, nan, nan, nan, false, join(rep.note(), "failed: " + e.getMessage()));
            int[] none = new int[rep.x().length];
            java.util.Arrays.fill(none, Partition.NOISE);
            return new Run(sweep, row, none);
        }
    }

    private List<Clusterer> clusterers(ClusteringSpec spec, long seed) {
        int threads = data.config().threads();
        List<Integer> ks = spec.k() != null ? spec.k() : List.of(data.k());
        List<Clusterer> out = new ArrayList<>();
        switch (spec.algorithm()) {
            case KMEANS -> ks.forEach(k -> out.add(new KMeans(k, 10, 300, 1e-4, seed, threads)));
            case AGGLOMERATIVE -> {
                for (String linkage : spec.linkage() != null ? spec.linkage() : List.of("ward")) {
                    ks.forEach(k -> out.add(new Agglomerative(k,
                            Agglomerative.Linkage.valueOf(linkage.toUpperCase(Locale.ROOT)), threads)));
                }
            }
            case DBSCAN -> {
                for (int minSamples : spec.minSamples() != null ? spec.minSamples() : List.of(5)) {
                    if (spec.eps() != null) {
                        spec.eps().forEach(eps -> out.add(new Dbscan(eps, minSamples, threads)));
                    } else {
                        for (double f : spec.epsFactors() != null ? spec.epsFactors() : List.of(1.0)) {
                            out.add(Dbscan.knee(minSamples, f, threads));
                        }
                    }
                }
            }
            case HDBSCAN -> {
                for (int size : spec.minClusterSize() != null ? spec.minClusterSize() : List.of(5)) {
                    for (int minSamples : spec.minSamples() != null ? spec.minSamples() : List.of(size)) {
                        out.add(new Hdbscan(size, minSamples, threads));
                    }
                }
            }
            case GMM -> {
                for (String cov : spec.covariance() != null ? spec.covariance() : List.of("diag")) {
                    ks.forEach(k -> out.add(new GaussianMixture(k,
                            GaussianMixture.Covariance.valueOf(cov.toUpperCase(Locale.ROOT)), seed, threads)));
                }
            }
            default -> throw new IllegalStateException(spec.algorithm().toString());
        }
        return out;
    }

    /**
     * Marks the best run of every sweep: the highest silhouette among runs whose coverage is at
     * least {@code minCoverage}; when no run covers enough tracks, the one with the highest coverage.
     */
    static List<Run> selectBest(List<Run> runs, double minCoverage) {
        Map<String, List<Run>> sweeps = runs.stream()
                .collect(Collectors.groupingBy(Run::sweep, LinkedHashMap::new, Collectors.toList()));
        Map<Run, Boolean> chosen = new java.util.IdentityHashMap<>();
        for (List<Run> sweep : sweeps.values()) {
            Comparator<Run> bySilhouette = Comparator.comparingDouble(r -> finite(r.row().silhouette()));
            Run best = sweep.stream().filter(r -> r.row().coverage() >= minCoverage)
                    .max(bySilhouette)
                    .orElseGet(() -> sweep.stream().max(Comparator.comparingDouble((Run r) -> finite(r.row().coverage()))
                            .thenComparing(bySilhouette)).orElseThrow());
            chosen.put(best, true);
        }
        String rule = rule(minCoverage);
        return runs.stream().map(r -> !chosen.containsKey(r) ? r
                : new Run(r.sweep(), withNote(r.row().withSelected(true), rule), r.labels())).toList();
    }

    private static ResultRow withNote(ResultRow r, String extra) {
        return new ResultRow(r.task(), r.representation(), r.inputs(), r.labelsUsedAsInput(), r.algorithm(),
                r.params(), r.seed(), r.nClusters(), r.nNoise(), r.coverage(), r.silhouette(), r.daviesBouldin(),
                r.calinskiHarabasz(), r.ari(), r.nmi(), r.ami(), r.purity(), r.accuracy(), r.selected(),
                join(r.note(), extra));
    }

    private static double finite(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    private static String params(Map<String, Object> parameters) {
        return parameters.entrySet().stream().filter(e -> !e.getKey().equals("seed") && !e.getKey().equals("threads"))
                .map(e -> e.getKey() + "=" + format(e.getValue())).collect(Collectors.joining(" "));
    }

    private static String format(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.4g", d);
        }
        return String.valueOf(v);
    }

    static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b == null ? "" : b;
        }
        return b == null || b.isEmpty() ? a : a + "; " + b;
    }
}
