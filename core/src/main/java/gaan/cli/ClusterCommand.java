package gaan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import gaan.config.ClusteringSpec;
import gaan.config.ConfigException;
import gaan.config.ExperimentConfig;
import gaan.data.LabelCoding;
import gaan.data.Npy;
import gaan.experiment.ClusteringStage;
import gaan.experiment.FeatureBlocks;
import gaan.experiment.Representation;
import gaan.experiment.ResultsFolder;
import gaan.report.Assignments;
import gaan.report.ResultRow;
import gaan.report.RunWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gaan cluster}: cluster any N×D .npy matrix and score it. */
@Command(name = "cluster", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Cluster the rows of an N×D .npy matrix and score every run.",
        description = {"Any matrix works: a latent.npy, a feature-store matrix, your own embedding. Writes "
                + "clustering_results.csv, cluster_assignments.csv and clusters.npy (the labels of the selected "
                + "run, int64, -1 = noise) to --out. Lists sweep: --k 4,6,8 runs three clusterings. An option the "
                + "algorithm does not use is an error."},
        footer = {"", "Examples:",
                "  gaan cluster results/train/latent.npy --k 4,6,8 --labels labels.txt",
                "  gaan cluster x.npy --algorithm agglomerative --linkage ward,average --k 5 --standardize",
                "  gaan cluster x.npy --algorithm dbscan --eps-factor 0.75,1,1.5 --min-samples 5"})
public final class ClusterCommand implements Callable<Integer> {
    /** The labels of the selected run. */
    static final String LABELS_FILE = "clusters.npy";

    @Parameters(index = "0", paramLabel = "INPUT.npy", description = "matrix to cluster, one row per track")
    Path input;

    @Option(names = "--algorithm", paramLabel = "A",
            description = "Algorithm: kmeans, agglomerative, dbscan, hdbscan, gmm or spectral (default: ${DEFAULT-VALUE}).")
    String algorithm = "kmeans";

    @Option(names = "--k", paramLabel = "K", split = ",",
            description = "Cluster counts for kmeans, agglomerative, gmm and spectral (default: chosen from the data).")
    List<Integer> k;

    @Option(names = "--linkage", paramLabel = "L", split = ",",
            description = "Agglomerative linkages: ward, average, complete, single (default: ward).")
    List<String> linkage;

    @Option(names = "--eps", paramLabel = "E", split = ",",
            description = "DBSCAN radii (default: the k-distance knee times each --eps-factor).")
    List<Double> eps;

    @Option(names = "--eps-factor", paramLabel = "F", split = ",",
            description = "DBSCAN: multipliers of the knee radius (default: 1).")
    List<Double> epsFactors;

    @Option(names = "--min-samples", paramLabel = "M", split = ",",
            description = "DBSCAN and HDBSCAN neighbourhood size, the point included (default: 5; HDBSCAN: its "
                    + "min cluster size).")
    List<Integer> minSamples;

    @Option(names = "--min-cluster-size", paramLabel = "M", split = ",",
            description = "HDBSCAN smallest cluster (default: 5).")
    List<Integer> minClusterSize;

    @Option(names = "--covariance", paramLabel = "C", split = ",",
            description = "GMM covariance types: diag, full (default: diag).")
    List<String> covariance;

    @Option(names = "--n-neighbors", paramLabel = "M", split = ",",
            description = "Spectral: neighbours per row in the kNN graph, the row included (default: 10).")
    List<Integer> nNeighbors;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Evaluation labels, one per row: a text file (one label a line) or an int .npy "
                    + "(default: none).")
    Path labels;

    @Option(names = "--ids", paramLabel = "FILE",
            description = "Track ids, one a line, e.g. track_ids.txt (default: the row numbers).")
    Path ids;

    @Option(names = "--standardize", description = "standardise the columns first (mean 0, std 1)")
    boolean standardize;

    @Option(names = "--min-coverage", paramLabel = "C",
            description = "Selection rule: best silhouette among runs covering at least this share of the rows "
                    + "(default: ${DEFAULT-VALUE}).")
    double minCoverage = ExperimentConfig.DEFAULT_MIN_COVERAGE;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
    int threads = ExperimentConfig.defaultThreads();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results", "cluster");

    @Override
    public Integer call() throws IOException {
        double[][] x = Npy.read(input).toMatrix();
        if (standardize) {
            x = FeatureBlocks.standardize(x);
        }
        int n = x.length;
        List<String> trackIds = ids != null ? Files.readAllLines(ids) : rowNumbers(n);
        int[] truth = null;
        List<String> labelText = new ArrayList<>();
        if (labels != null) {
            if (labels.toString().endsWith(".npy")) {
                truth = Npy.read(labels).toInts();
                for (int t : truth) {
                    labelText.add(String.valueOf(t));
                }
            } else {
                labelText = Files.readAllLines(labels);
                truth = LabelCoding.of(labelText.stream().map(s -> s.isBlank() ? null : s).toList()).codes();
            }
        }
        for (var list : List.of(trackIds, labelText)) {
            if (!list.isEmpty() && list.size() != n) {
                throw new IllegalArgumentException(input + " has " + n + " rows but " + list.size()
                        + " ids or labels were given");
            }
        }
        if (k != null && k.stream().anyMatch(v -> v >= n)) {
            throw new ConfigException("--k " + k + ": " + input + " has " + n + " rows, so k must be at most "
                    + (n - 1));
        }
        ClusteringSpec spec = new ClusteringSpec(ClusteringSpec.Algorithm.parse(algorithm), k, linkage, eps, epsFactors,
                minSamples, minClusterSize, covariance, nNeighbors);
        spec.validate("cluster");
        String name = input.getFileName().toString().replaceFirst("\\.npy$", "");
        List<ClusteringStage.ScoredPartition> clusterings = new ClusteringStage("cluster", List.of(spec), null, null,
                truth, minCoverage, threads).run(new Representation(name, name, false, seed, x, List.of(), ""));
        Map<String, int[]> columns = new LinkedHashMap<>();
        clusterings.forEach(r -> columns.put(r.column(), r.labels()));
        // The labels of the selected run; a single run is written even when the rule rejects it, since
        // there is no other to choose, and the reason is printed below.
        Optional<ClusteringStage.ScoredPartition> chosen = clusterings.stream().filter(r -> r.row().selected())
                .findFirst().or(() -> clusterings.size() == 1 ? Optional.of(clusterings.get(0)) : Optional.empty());
        List<String> none = java.util.Collections.nCopies(n, null);
        Assignments assignments = new Assignments(trackIds, labelText.isEmpty() ? none : labelText, none, columns);
        try (ResultsFolder folder = ResultsFolder.open(out, "cluster output folder", List.of(RunWriter.RESULTS_FILE,
                RunWriter.ASSIGNMENTS_FILE, RunWriter.ASSIGNMENTS_LONG_FILE, LABELS_FILE), new ConsoleProgress())) {
            RunWriter writer = new RunWriter(folder.staging());
            writer.writeResults(clusterings.stream().map(ClusteringStage.ScoredPartition::row).toList());
            writer.writeAssignments(assignments);
            chosen.ifPresent(r -> Npy.write(folder.staging().resolve(LABELS_FILE), r.labels()));
            folder.commit();
        }
        for (ClusteringStage.ScoredPartition r : clusterings) {
            ResultRow row = r.row();
            System.out.printf(java.util.Locale.ROOT, "%s%-40s clusters %-3d coverage %.2f silhouette %.4f ari %.4f%n",
                    row.selected() ? "* " : "  ", row.algorithm() + " " + row.params(), row.scores().nClusters(),
                    row.scores().coverage(), row.scores().silhouette(), row.scores().ari());
        }
        System.out.println("results: " + out.toAbsolutePath() + " (* = selected)");
        if (clusterings.stream().noneMatch(r -> r.row().selected())) {
            String why = String.format(java.util.Locale.ROOT, "no run covers at least %.0f%% of the rows with a "
                    + "defined silhouette (which needs two or more clusters)", 100 * minCoverage);
            System.out.println(chosen.isPresent()
                    ? "clusters.npy holds the only run although it was not selected: " + why
                            + (chosen.get().row().note().isEmpty() ? "" : " (" + chosen.get().row().note() + ")")
                    : LABELS_FILE + " was not written: " + why + "; every run is in cluster_assignments.csv");
        }
        return 0;
    }

    private static List<String> rowNumbers(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(String.valueOf(i));
        }
        return out;
    }
}
