package gaan.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import gaan.cluster.Method;
import gaan.eval.Contingency;
import gaan.eval.Metrics;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.clustering.BisectingKMeans;
import org.apache.spark.ml.clustering.GaussianMixture;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The clustering stage on Spark: MLlib's {@link KMeans}, {@link BisectingKMeans} and
 * {@link GaussianMixture} on the latent table for every k of a grid; silhouette from MLlib's
 * {@link ClusteringEvaluator} (squared Euclidean distances, MLlib's definition, not scikit-learn's
 * Euclidean one); ARI, NMI and purity by gaan's {@link Metrics} on the contingency table counted by
 * a distributed {@code groupBy(label, cluster).count()} (tracks without a label are left out, as in
 * {@code gaan run}). Writes the assignments (long format, {@link Tables#ASSIGNMENTS_DIR}), one
 * score row per run ({@link Tables#SCORES_CSV}) and the results folder {@code gaan report} reads
 * ({@link ReportExport}).
 *
 * <p>K-Means runs {@code restarts} times and keeps the lowest training cost, with 300 iterations
 * at most: scikit-learn's {@code n_init} and {@code max_iter}, as {@code gaan}'s own K-Means. The
 * first start is MLlib's k-means|| (seed {@code seed}), the others pick k random points (seeds
 * {@code seed + 1, ...}): k-means|| ends in a local k-means++ whose seed MLlib fixes, so on a small
 * table every k-means|| start gives the same centres, and on a 32-track demo that was a worse
 * optimum than gaan's (cost 159.4 against 156.9). The other algorithms run once with MLlib's
 * defaults.
 */
public final class ClusterJob {
    /** The MLlib algorithms the job runs, by the name their runs carry. */
    public enum Algorithm {
        KMEANS("spark_kmeans"), BISECTING("spark_bisecting_kmeans"), GMM("spark_gmm");

        final String runName;

        Algorithm(String runName) {
            this.runName = runName;
        }
    }

    private static final String FEATURES = "features";
    private static final int KMEANS_MAX_ITER = 300;

    private final List<Algorithm> algorithms;
    private final List<Integer> ks;
    private final long seed;
    private final int restarts;

    public ClusterJob(List<Algorithm> algorithms, List<Integer> ks, long seed, int restarts) {
        if (algorithms.isEmpty() || ks.isEmpty() || ks.stream().anyMatch(k -> k < 2) || restarts < 1) {
            throw new IllegalArgumentException("need at least one algorithm, ks >= 2 and restarts >= 1, got "
                    + algorithms + ", " + ks + " and " + restarts);
        }
        this.restarts = restarts;
        this.algorithms = List.copyOf(algorithms);
        this.ks = List.copyOf(ks);
        this.seed = seed;
    }

    List<Algorithm> algorithms() {
        return algorithms;
    }

    List<Integer> ks() {
        return ks;
    }

    long seed() {
        return seed;
    }

    int restarts() {
        return restarts;
    }

    /**
     * One run's scores; NaN where a score is undefined (silhouette of one cluster, external scores
     * without labels).
     */
    public record RunScores(String run, String algorithm, int k, long seed, long tracks, long labelled, int clusters,
                            double silhouette, double ari, double nmi, double purity) {
    }

    /** Clusters the latent table in {@code latentDir}; writes assignments and scores under {@code outDir}. */
    public List<RunScores> run(SparkSession spark, String latentDir, String outDir) {
        String assignmentsDir = outDir + "/" + Tables.ASSIGNMENTS_DIR;
        if (FeatureJob.exists(spark, assignmentsDir)) {
            throw new IllegalArgumentException(assignmentsDir + " exists already: gaan does not replace a run's"
                    + " results; choose another output folder or remove it");
        }
        Dataset<Row> data = spark.read().parquet(latentDir)
                .withColumn(FEATURES, org.apache.spark.ml.functions.array_to_vector(col(Tables.LATENT)))
                .cache();
        long tracks = data.count();
        List<RunScores> scores = new ArrayList<>();
        Dataset<Row> assignments = null;
        for (Algorithm a : algorithms) {
            for (int k : ks) {
                String run = Method.of(a.runName, "k", k, "seed", seed).toString();
                Dataset<Row> predicted = fit(a, k, data).transform(data).select(col(Tables.ID), col(Tables.LABEL),
                        col(FEATURES), col(Tables.CLUSTER).cast("int").as(Tables.CLUSTER)).cache();
                scores.add(score(run, a, k, tracks, predicted));
                Dataset<Row> rows = predicted.select(col(Tables.ID), lit(run).as(Tables.RUN), col(Tables.CLUSTER));
                assignments = assignments == null ? rows : assignments.union(rows);
                predicted.unpersist();
            }
        }
        assignments.write().parquet(assignmentsDir);
        data.unpersist();
        writeScores(spark, scores, outDir + "/" + Tables.SCORES_CSV);
        ReportExport.write(spark, outDir, scores, this);
        return scores;
    }

    private Model<?> fit(Algorithm a, int k, Dataset<Row> data) {
        return switch (a) {
            case KMEANS -> {
                KMeansModel best = null;
                for (int r = 0; r < restarts; r++) {
                    KMeansModel m = new KMeans().setK(k).setSeed(seed + r).setMaxIter(KMEANS_MAX_ITER)
                            .setInitMode(r == 0 ? "k-means||" : "random")
                            .setFeaturesCol(FEATURES).setPredictionCol(Tables.CLUSTER).fit(data);
                    if (best == null || m.summary().trainingCost() < best.summary().trainingCost()) {
                        best = m;
                    }
                }
                yield best;
            }
            case BISECTING -> new BisectingKMeans().setK(k).setSeed(seed).setFeaturesCol(FEATURES)
                    .setPredictionCol(Tables.CLUSTER).fit(data);
            case GMM -> new GaussianMixture().setK(k).setSeed(seed).setFeaturesCol(FEATURES)
                    .setPredictionCol(Tables.CLUSTER).fit(data);
        };
    }

    private RunScores score(String run, Algorithm a, int k, long tracks, Dataset<Row> predicted) {
        List<Row> counts = predicted.filter(col(Tables.LABEL).isNotNull())
                .groupBy(Tables.LABEL, Tables.CLUSTER).count().collectAsList();
        int clusters = (int) predicted.select(Tables.CLUSTER).distinct().count();
        double silhouette = clusters < 2 ? Double.NaN
                : new ClusteringEvaluator().setFeaturesCol(FEATURES).setPredictionCol(Tables.CLUSTER).evaluate(predicted);
        Contingency table = contingency(counts);
        long labelled = counts.stream().mapToLong(r -> r.getLong(2)).sum();
        boolean external = labelled > 0;
        return new RunScores(run, a.runName, k, seed, tracks, labelled, clusters, silhouette,
                external ? Metrics.adjustedRand(table) : Double.NaN,
                external ? Metrics.normalizedMutualInfo(table) : Double.NaN,
                external ? Metrics.purity(table) : Double.NaN);
    }

    /** Rows {@code (label, cluster, count)} as a table, classes and clusters in ascending order. */
    static Contingency contingency(List<Row> counts) {
        List<String> labels = new ArrayList<>(new TreeSet<>(counts.stream().map(r -> r.getString(0)).toList()));
        List<Integer> clusters = new ArrayList<>(new TreeSet<>(counts.stream().map(r -> r.getInt(1)).toList()));
        long[][] table = new long[labels.size()][clusters.size()];
        for (Row r : counts) {
            table[labels.indexOf(r.getString(0))][clusters.indexOf(r.getInt(1))] += r.getLong(2);
        }
        return Contingency.ofCounts(table);
    }

    private static void writeScores(SparkSession spark, List<RunScores> scores, String file) {
        Path path = new Path(file);
        try {
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (CSVPrinter out = new CSVPrinter(new OutputStreamWriter(fs.create(path, false), StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT)) {
                out.printRecord("run", "algorithm", "k", "seed", "tracks", "labelled", "clusters", "silhouette", "ari",
                        "nmi", "purity");
                for (RunScores s : scores) {
                    out.printRecord(s.run(), s.algorithm(), s.k(), s.seed(), s.tracks(), s.labelled(), s.clusters(),
                            num(s.silhouette()), num(s.ari()), num(s.nmi()), num(s.purity()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }
}
