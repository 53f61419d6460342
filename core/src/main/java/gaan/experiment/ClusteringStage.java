package gaan.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import gaan.cluster.Agglomerative;
import gaan.cluster.Clusterer;
import gaan.cluster.GaussianMixture;
import gaan.cluster.Grid;
import gaan.cluster.Partition;
import gaan.config.ClusteringSpec;
import gaan.config.ExperimentConfig;
import gaan.eval.Metrics;
import gaan.eval.Scores;
import gaan.eval.SelectionRule;
import gaan.eval.Sweep;
import gaan.eval.SweepResult;
import gaan.report.Numbers;
import gaan.report.ResultRow;

/**
 * Runs every clustering of a task's grid on one representation and scores it. Each
 * {@link ClusteringSpec} expands into one clusterer per parameter combination; those runs form a
 * sweep, whose reported run the task's {@link SelectionRule} marks as selected (a sweep where no
 * run covers enough tracks has none).
 */
public final class ClusteringStage {
    private final String task;
    private final List<ClusteringSpec> specs;
    private final int defaultK;
    private final int[] truth;
    private final int threads;
    private final Sweep sweep;
    private final SelectionRule rule;

    /**
     * @param task        name written into the result rows
     * @param specs       the clusterings and their grids
     * @param defaultK    cluster count where a spec gives none
     * @param truth       evaluation label codes per row (-1 unlabeled), or null
     * @param minCoverage selection rule: best silhouette among runs covering at least this share
     */
    public ClusteringStage(String task, List<ClusteringSpec> specs, int defaultK, int[] truth, double minCoverage,
                           int threads) {
        this.task = task;
        this.specs = List.copyOf(specs);
        this.defaultK = defaultK;
        this.truth = truth;
        this.threads = threads;
        this.sweep = new Sweep(new Metrics(threads));
        this.rule = new SelectionRule(SelectionRule.Criterion.SILHOUETTE, minCoverage);
    }

    static ClusteringStage of(TaskData data) {
        ExperimentConfig c = data.config();
        return new ClusteringStage(c.task(), c.clustering(), data.k(), data.truth(), c.minCoverage(), c.threads());
    }

    /** One clustering of a representation: its result row and the cluster of each track (-1 noise). */
    public record ScoredPartition(ResultRow row, int[] labels) {
        public String column() {
            return ClusteringStage.column(row);
        }
    }

    /** The column of a result row's clusters in {@code cluster_assignments.csv}: {@code rep:algorithm:params:s<seed>}. */
    public static String column(ResultRow row) {
        return row.representation() + ":" + row.algorithm() + (row.params().isEmpty() ? "" : ":" + row.params())
                + ":s" + row.seed();
    }

    public List<ScoredPartition> run(Representation rep) {
        List<ScoredPartition> out = new ArrayList<>();
        for (ClusteringSpec spec : specs) {
            List<SweepResult> results = sweep.run(rep.x(), clusterers(spec, rep.seed()), truth);
            Optional<SweepResult> best = rule.select(results);
            for (SweepResult s : results) {
                boolean selected = best.isPresent() && best.get() == s;
                out.add(scored(rep, s, selected));
            }
        }
        return out;
    }

    private ScoredPartition scored(Representation rep, SweepResult s, boolean selected) {
        String note = rep.note();
        if (s.failed()) {
            int[] noise = new int[rep.x().length];
            Arrays.fill(noise, Partition.NOISE);
            return new ScoredPartition(row(rep, s, ResultRow.Scores.FAILED, false, join(note, "failed: " + s.error())),
                    noise);
        }
        Scores sc = s.scores();
        note = join(note, sc.undefinedReason());
        if (selected) {
            note = join(note, "selected: " + rule);
        }
        return new ScoredPartition(row(rep, s, new ResultRow.Scores(sc.nClusters(), sc.nNoise(), sc.coverage(),
                sc.silhouette(), sc.daviesBouldin(), sc.calinskiHarabasz(), sc.ari(), sc.nmi(), sc.ami(), sc.purity(),
                sc.accuracy()), selected, note), s.partition().labels());
    }

    private ResultRow row(Representation rep, SweepResult s, ResultRow.Scores scores, boolean selected, String note) {
        return new ResultRow(task, rep.name(), rep.inputs(), rep.usesLabels(), s.method().algorithm(),
                params(s.method().parameters()), rep.seed(), scores, selected, note);
    }

    private List<Clusterer> clusterers(ClusteringSpec spec, long seed) {
        List<Integer> ks = spec.k() != null ? spec.k() : List.of(defaultK);
        return switch (spec.algorithm()) {
            case KMEANS -> Grid.kmeans(ks, threads, seed);
            case AGGLOMERATIVE -> Grid.agglomerative(ks, (spec.linkage() != null ? spec.linkage() : List.of("ward"))
                    .stream().map(l -> Agglomerative.Linkage.valueOf(l.toUpperCase(Locale.ROOT))).toList(), threads);
            case DBSCAN -> {
                List<Integer> minSamples = spec.minSamples() != null ? spec.minSamples() : List.of(5);
                yield spec.eps() != null ? Grid.dbscan(spec.eps(), minSamples, threads)
                        : Grid.dbscanKnee(minSamples, spec.epsFactors() != null ? spec.epsFactors() : List.of(1.0),
                                threads);
            }
            case HDBSCAN -> Grid.hdbscan(spec.minClusterSize() != null ? spec.minClusterSize() : List.of(5),
                    spec.minSamples(), threads);
            case GMM -> Grid.gaussianMixture(ks, (spec.covariance() != null ? spec.covariance() : List.of("diag"))
                    .stream().map(c -> GaussianMixture.Covariance.valueOf(c.toUpperCase(Locale.ROOT))).toList(),
                    threads, seed);
        };
    }

    private static String params(Map<String, Object> parameters) {
        return parameters.entrySet().stream().filter(e -> !e.getKey().equals("seed") && !e.getKey().equals("threads"))
                .map(e -> e.getKey() + "=" + (e.getValue() instanceof Double d ? Numbers.fourDigits(d) : e.getValue()))
                .collect(Collectors.joining(" "));
    }

    static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b == null ? "" : b;
        }
        return b == null || b.isEmpty() || a.contains(b) ? a : a + "; " + b;
    }
}
