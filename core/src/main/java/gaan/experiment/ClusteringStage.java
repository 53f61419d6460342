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
import gaan.cluster.Fitted;
import gaan.cluster.GaussianMixture;
import gaan.cluster.Grid;
import gaan.cluster.Partition;
import gaan.cluster.Spectral;
import gaan.config.ClusteringSpec;
import gaan.config.ExperimentConfig;
import gaan.eval.KSelection;
import gaan.eval.Metrics;
import gaan.eval.Scores;
import gaan.eval.SelectionRule;
import gaan.eval.Sweep;
import gaan.eval.SweepResult;
import gaan.linalg.Parallel;
import gaan.report.Numbers;
import gaan.report.ResultRow;

/**
 * Runs every clustering of a task's grid on one representation and scores it. Each
 * {@link ClusteringSpec} expands into one clusterer per parameter combination; those runs form a
 * sweep, whose reported run the task's {@link SelectionRule} marks as selected (a sweep where no
 * run covers enough tracks has none).
 *
 * <p>k, for the algorithms that take one, is the spec's list when it gives one, else the forced k
 * ({@code k}, {@code --k}), else chosen from the data by {@link KSelection}; when the collection
 * has labels, a run with k = the number of labels is added for reference, flagged
 * {@code k_from_labels} (never recommended). Silhouettes above {@link Metrics#SILHOUETTE_SAMPLE}
 * tracks are computed on a fixed-seed sample.
 */
public final class ClusteringStage {
    private final String task;
    private final List<ClusteringSpec> specs;
    private final Integer forcedK;
    private final Integer labelsK;
    private final int[] truth;
    private final int threads;
    private final Sweep sweep;
    private final KSelection kSelection;
    private final SelectionRule rule;

    /**
     * @param task        name written into the result rows
     * @param specs       the clusterings and their grids
     * @param forcedK     cluster count where a spec gives none, or null to choose it from the data
     * @param labelsK     the number of evaluation labels, or null: adds reference runs with that k
     * @param truth       evaluation label codes per row (-1 unlabeled), or null
     * @param minCoverage selection rule: best silhouette among runs covering at least this share
     */
    public ClusteringStage(String task, List<ClusteringSpec> specs, Integer forcedK, Integer labelsK, int[] truth,
                           double minCoverage, int threads) {
        this(task, specs, forcedK, labelsK, truth, minCoverage, threads, Metrics.SILHOUETTE_SAMPLE);
    }

    /** As above, with the silhouette sample size (for tests). */
    ClusteringStage(String task, List<ClusteringSpec> specs, Integer forcedK, Integer labelsK, int[] truth,
                    double minCoverage, int threads, int silhouetteSample) {
        this.task = task;
        this.specs = List.copyOf(specs);
        this.forcedK = forcedK;
        this.labelsK = labelsK;
        this.truth = truth;
        this.threads = threads;
        Metrics metrics = new Metrics(threads, silhouetteSample, 0);
        this.sweep = new Sweep(metrics);
        this.kSelection = new KSelection(threads);
        this.rule = new SelectionRule(SelectionRule.Criterion.SILHOUETTE, minCoverage);
    }

    static ClusteringStage of(TaskData data) {
        ExperimentConfig c = data.config();
        return new ClusteringStage(c.task(), c.clustering(), data.forcedK(), data.labelsK(), data.truth(),
                c.minCoverage(), c.threads());
    }

    /**
     * One clustering of a representation: its result row, the cluster of each track (-1 noise),
     * the clusterer that made it (null when it failed), which the recommendation re-fits, and the
     * seconds its fit and its scoring took.
     */
    public record ScoredPartition(ResultRow row, int[] labels, Clusterer clusterer, double fitSeconds,
                                  double scoreSeconds) {
        public String column() {
            return ClusteringStage.column(row);
        }

        /** Whether the clusterer rejected the data (its row's scores are empty, the reason in its note). */
        public boolean failed() {
            return clusterer == null;
        }
    }

    /** The column of a result row's clusters in {@code cluster_assignments.csv}: {@code rep:algorithm:params:s<seed>}. */
    public static String column(ResultRow row) {
        return row.representation() + ":" + row.algorithm() + (row.params().isEmpty() ? "" : ":" + row.params())
                + ":s" + row.seed();
    }

    /**
     * {@link #run} on each representation, in order. Representations are clustered side by side,
     * one per thread: a clusterer's result does not depend on its threads, and the sweeps of one
     * representation (Ward's merge tree, EM, the k candidates) leave a second core mostly idle.
     */
    public List<List<ScoredPartition>> runAll(List<Representation> reps) {
        List<List<ScoredPartition>> out = new ArrayList<>(java.util.Collections.nCopies(reps.size(), null));
        try (Parallel parallel = new Parallel(Math.max(1, Math.min(threads, reps.size())))) {
            parallel.forChunks(reps.size(), 1, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out.set(i, run(reps.get(i)));
                }
            });
        }
        return out;
    }

    public List<ScoredPartition> run(Representation rep) {
        List<ScoredPartition> out = new ArrayList<>();
        for (ClusteringSpec spec : specs) {
            Candidates grid = candidates(spec, rep);
            List<SweepResult> results = sweep.run(rep.x(), grid.clusterers(), truth);
            Optional<SweepResult> best = rule.select(results);
            for (int i = 0; i < results.size(); i++) {
                SweepResult s = results.get(i);
                boolean selected = best.isPresent() && best.get() == s;
                out.add(scored(rep, s, grid.clusterers().get(i), selected, grid.fromLabels().get(i), grid.note()));
            }
        }
        return out;
    }

    private ScoredPartition scored(Representation rep, SweepResult s, Clusterer c, boolean selected,
                                   boolean kFromLabels, String kNote) {
        String note = join(rep.note(), kFromLabels ? "k = number of labels, for reference" : kNote);
        if (s.failed()) {
            int[] noise = new int[rep.x().length];
            Arrays.fill(noise, Partition.NOISE);
            return new ScoredPartition(row(rep, s, ResultRow.Scores.FAILED, false, join(note, "failed: " + s.error()),
                    kFromLabels), noise, null, s.fitSeconds(), 0);
        }
        Scores sc = s.scores();
        note = join(note, sc.undefinedReason());
        if (selected) {
            note = join(note, "selected: " + rule);
        }
        return new ScoredPartition(row(rep, s, new ResultRow.Scores(sc.nClusters(), sc.nNoise(), sc.coverage(),
                sc.silhouette(), sc.daviesBouldin(), sc.calinskiHarabasz(), sc.ari(), sc.nmi(), sc.ami(), sc.purity(),
                sc.accuracy()), selected, note, kFromLabels), s.partition().labels(), c, s.fitSeconds(),
                s.scoreSeconds());
    }

    private ResultRow row(Representation rep, SweepResult s, ResultRow.Scores scores, boolean selected, String note,
                          boolean kFromLabels) {
        return new ResultRow(task, rep.name(), rep.inputs(), rep.usesLabels(), s.method().algorithm(),
                params(s.method().parameters()), rep.seed(), scores, selected, note, kFromLabels, false);
    }

    /**
     * A spec's clusterers on one representation, whether each has k = the number of labels, and
     * how k was chosen (for the note; empty when the spec or the config gave it).
     */
    private record Candidates(List<Clusterer> clusterers, List<Boolean> fromLabels, String note) {
    }

    private Candidates candidates(ClusteringSpec spec, Representation rep) {
        boolean takesK = switch (spec.algorithm()) {
            case KMEANS, AGGLOMERATIVE, GMM, SPECTRAL -> true;
            case DBSCAN, HDBSCAN -> false;
        };
        if (!takesK || spec.k() != null || forcedK != null) {
            // A spec's own k values above what n points allow (k ≥ n) are left out: a preset's sweep on a small collection.
            List<Integer> ks = spec.k() != null ? spec.k().stream().filter(k -> k < rep.x().length).toList()
                    : List.of(forcedK != null ? forcedK : 2);
            List<Clusterer> cs = clusterers(spec, ks, rep);
            return new Candidates(cs, java.util.Collections.nCopies(cs.size(), false), "");
        }
        KSelection.Choice choice;
        try {
            choice = kSelection.choose(rep.x(), k -> clusterers(spec, List.of(k), rep).get(0));
        } catch (IllegalArgumentException e) {
            List<Clusterer> cs = clusterers(spec, List.of(2), rep);
            return new Candidates(cs, java.util.Collections.nCopies(cs.size(), false), "k from the data failed: "
                    + e.getMessage());
        }
        List<Clusterer> cs = new ArrayList<>(reusing(choice, clusterers(spec, List.of(choice.k()), rep), rep));
        List<Boolean> fromLabels = new ArrayList<>(java.util.Collections.nCopies(cs.size(), false));
        if (labelsK != null && labelsK != choice.k()) {
            List<Clusterer> reference = reusing(choice, clusterers(spec, List.of(labelsK), rep), rep);
            cs.addAll(reference);
            fromLabels.addAll(java.util.Collections.nCopies(reference.size(), true));
        }
        return new Candidates(cs, fromLabels, choice.note());
    }


    /** Each clusterer whose partition of the representation the k sweep already made, handing that back. */
    private static List<Clusterer> reusing(KSelection.Choice choice, List<Clusterer> cs, Representation rep) {
        return cs.stream().map(c -> {
            Partition swept = c.method().parameters().get("k") instanceof Integer k ? choice.partition(k) : null;
            return swept != null && swept.method().equals(c.method()) ? (Clusterer) new Fitted(c, rep.x(), swept) : c;
        }).toList();
    }

    private List<Clusterer> clusterers(ClusteringSpec spec, List<Integer> ks, Representation rep) {
        long seed = rep.seed();
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
            case SPECTRAL -> Grid.spectral(ks, spec.nNeighbors() != null ? spec.nNeighbors()
                    : List.of(Spectral.DEFAULT_NEIGHBORS), threads, seed);
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
