package gaan.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import gaan.cluster.Method;
import gaan.cluster.Partition;
import gaan.config.ExperimentConfig;
import gaan.config.Modality;
import gaan.data.Npy;
import gaan.eval.Scores;
import gaan.eval.SelectionRule;
import gaan.eval.SweepResult;
import gaan.experiment.ClusteringStage;
import gaan.experiment.RunFolder;
import gaan.model.TrainingHistory;
import gaan.model.Vae;
import gaan.model.VaeSpec;
import gaan.report.Assignments;
import gaan.report.HistoryRow;
import gaan.report.ResultRow;
import gaan.report.RunInfo;
import gaan.report.RunWriter;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The clustering stage's results as a gaan results folder, so that {@code gaan report OUT} (core,
 * no Spark) writes {@code OUT/report.html} from them: the task folder {@code OUT/}{@value #TASK}
 * holds what {@link RunWriter} writes for a single-machine task ({@code clustering_results.csv},
 * {@code cluster_assignments.csv} and its long form, {@code vae_training_history.csv},
 * {@code run.json}), the VAE under {@code models/} and, when it fits the driver
 * ({@value #LATENT_CELLS_MAX} floats), the latent matrix under {@code representations/}, all in the
 * layout of {@link RunFolder}. The files are written on the driver (one row per track, one column
 * per run: small next to the tables) into a local folder, then copied through the Hadoop file
 * system API, so {@code OUT} may be on HDFS or S3 (copy the task folder down to report on it).
 *
 * <p>Each row is one MLlib run: representation {@code mlp_vae} or {@code conv_vae} (the VAE of
 * {@code OUT/model}), algorithm the run's ({@code spark_kmeans}, ...), {@code k=K}, the clustering
 * seed; silhouette is MLlib's (squared Euclidean), Davies-Bouldin, Calinski-Harabasz, AMI and
 * accuracy are left empty; each algorithm's sweep over k is one sweep, whose best silhouette is
 * {@code selected} by the rule single-machine runs use. No row is {@code recommended}: gaan's
 * recommendation refits gaan's clusterers on subsamples, which the Spark job does not run.
 * {@code run.json} names no collection (the tracks are a table), so the report knows the tracks
 * from the assignments (id and label).
 */
final class ReportExport {
    /** The task folder's name under the job's output folder. */
    static final String TASK = "spark";
    /** The latent matrix is written when tracks × dimensions is at most this (200 MB of float32). */
    static final long LATENT_CELLS_MAX = 50_000_000L;

    private static final SelectionRule SELECTION = new SelectionRule(SelectionRule.Criterion.SILHOUETTE,
            ExperimentConfig.DEFAULT_MIN_COVERAGE);

    private ReportExport() {
    }

    /**
     * What {@code run.json} records of a Spark run under {@code config}: the output folder, the
     * representation and its VAE (null without {@code OUT/model}), the clustering settings, and the
     * notes the report shows. It names no {@code collection}.
     */
    record SparkRun(String engine, String out, String representation, String inputs, VaeSpec vae,
                    List<ClusterJob.Algorithm> algorithms, List<Integer> ks, long seed, int restarts,
                    List<String> notes) {
    }

    /** What was clustered: the representation's name and inputs, as in a single-machine run. */
    private record Clustered(String representation, String inputs) {
        static Clustered of(VaeSpec spec) {
            if (spec == null) {
                return new Clustered(Tables.LATENT, Tables.LATENT);
            }
            Modality input = EncodeJob.inputOf(spec);
            return new Clustered(spec.kind().name().toLowerCase(Locale.ROOT) + "_vae", input.key());
        }
    }

    /**
     * Writes {@code outDir/}{@value #TASK} from the latent table, the assignments and the model
     * under {@code outDir} and the runs' {@code scores} (in run order) of {@code job}.
     */
    static String write(SparkSession spark, String outDir, List<ClusterJob.RunScores> scores, ClusterJob job) {
        Path target = new Path(outDir, TASK);
        java.nio.file.Path local = null;
        try {
            FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(target)) {
                throw new IllegalArgumentException(target + " exists already: gaan does not replace a run's results;"
                        + " choose another output folder or remove it");
            }
            local = Files.createTempDirectory("gaan-spark-results");
            RunFolder folder = new RunFolder(local.resolve(TASK));
            java.nio.file.Path model = local.resolve(Tables.MODEL_DIR);
            Path remoteModel = new Path(outDir, Tables.MODEL_DIR);
            VaeSpec spec = null;
            if (fs.exists(remoteModel)) {
                fs.copyToLocalFile(false, remoteModel, new Path(model.toUri()), true);
                spec = Vae.readSpec(model);
            }
            Clustered clustered = Clustered.of(spec);
            long seed = job.seed();
            RunWriter writer = new RunWriter(folder.path());
            Table table = collect(spark, outDir, scores, clustered, seed, folder);
            writer.writeResults(rows(scores, table.assignments(), clustered));
            writer.writeAssignments(table.assignments());
            List<HistoryRow> history = new ArrayList<>();
            if (spec != null) {
                for (TrainingHistory h : Vae.readHistory(model)) {
                    history.add(new HistoryRow(clustered.representation(), seed, h.epoch(), h.loss(),
                            h.reconstruction(), h.kl(), h.beta(), h.activeUnits(), h.validationLoss(), h.seconds()));
                }
                java.nio.file.Path kept = folder.models().resolve(clustered.representation() + "_s" + seed);
                Files.createDirectories(kept.getParent());
                Files.move(model, kept);
            }
            writer.writeHistory(history);
            List<String> notes = new ArrayList<>(List.of("clustered on Apache Spark with MLlib; silhouette is MLlib's"
                    + " (squared Euclidean); Davies-Bouldin, Calinski-Harabasz, AMI and accuracy are not computed;"
                    + " no run is recommended (gaan's rule refits its own clusterers on subsamples)"));
            if (!table.latentWritten()) {
                notes.add("the latent matrix (" + table.assignments().size() + " tracks) is larger than the driver"
                        + " copy allows; it stays in " + Tables.LATENT_DIR + "/ (Parquet)");
            }
            SparkRun recorded = new SparkRun("spark", outDir, clustered.representation(), clustered.inputs(), spec,
                    job.algorithms(), job.ks(), seed, job.restarts(), notes);
            Map<String, String> versions = RunInfo.runtimeVersions();
            versions.put("spark", spark.version());
            writer.writeRunInfo(new RunInfo(TASK, recorded, List.of(seed), versions, Map.of()));
            fs.copyFromLocalFile(false, false, new Path(folder.path().toUri()), target);
            return target.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results folder " + target + ": " + e.getMessage(), e);
        } finally {
            EncodeJob.deleteTree(local);
        }
    }

    /** The assignments in one column per run (tracks by id), and whether the latent matrix was written. */
    private record Table(Assignments assignments, boolean latentWritten) {
    }

    private static Table collect(SparkSession spark, String outDir, List<ClusterJob.RunScores> scores,
                                 Clustered clustered, long seed, RunFolder folder) {
        List<Object> runs = scores.stream().<Object>map(ClusterJob.RunScores::run).toList();
        Dataset<Row> latent = spark.read().parquet(outDir + "/" + Tables.LATENT_DIR);
        long tracks = latent.count();
        int dims = latent.select(Tables.LATENT).head().getList(0).size();
        boolean withLatent = tracks * dims <= LATENT_CELLS_MAX;
        Dataset<Row> wide = spark.read().parquet(outDir + "/" + Tables.ASSIGNMENTS_DIR)
                .groupBy(Tables.ID).pivot(Tables.RUN, runs).agg(first(Tables.CLUSTER));
        List<Column> columns = new ArrayList<>(List.of(col(Tables.ID), col(Tables.LABEL),
                withLatent ? col(Tables.LATENT) : org.apache.spark.sql.functions.lit(null).as(Tables.LATENT)));
        runs.forEach(r -> columns.add(col("`" + r + "`")));
        Dataset<Row> joined = latent.join(wide, Tables.ID).select(columns.toArray(Column[]::new)).orderBy(Tables.ID);

        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<float[]> z = new ArrayList<>();
        List<int[]> clusters = new ArrayList<>();
        for (Iterator<Row> it = joined.toLocalIterator(); it.hasNext(); ) {
            Row r = it.next();
            ids.add(r.getString(0));
            labels.add(r.isNullAt(1) ? null : r.getString(1));
            if (withLatent) {
                List<Float> v = r.getList(2);
                float[] row = new float[v.size()];
                for (int j = 0; j < row.length; j++) {
                    row[j] = v.get(j);
                }
                z.add(row);
            }
            int[] c = new int[runs.size()];
            for (int j = 0; j < c.length; j++) {
                c[j] = r.getInt(3 + j);
            }
            clusters.add(c);
        }
        Map<String, int[]> methods = new LinkedHashMap<>();
        for (int j = 0; j < scores.size(); j++) {
            int[] column = new int[ids.size()];
            for (int i = 0; i < column.length; i++) {
                column[i] = clusters.get(i)[j];
            }
            methods.put(ClusteringStage.column(row(scores.get(j), clustered, false, "")), column);
        }
        List<String> languages = new ArrayList<>(java.util.Collections.nCopies(ids.size(), (String) null));
        if (withLatent) {
            Npy.write(folder.representation(clustered.representation(), seed),
                    z.toArray(float[][]::new));
            writeLines(folder.trackIds(), ids);
        }
        return new Table(new Assignments(ids, labels, languages, methods), withLatent);
    }

    /** The runs as result rows, the best silhouette of each algorithm's sweep over k selected. */
    private static List<ResultRow> rows(List<ClusterJob.RunScores> scores, Assignments assignments, Clustered clustered) {
        Map<String, List<SweepResult>> sweeps = new LinkedHashMap<>();
        List<SweepResult> results = new ArrayList<>();
        for (ClusterJob.RunScores s : scores) {
            Method method = Method.of(s.algorithm(), "k", s.k(), "seed", s.seed());
            int[] labels = assignments.clusters(ClusteringStage.column(row(s, clustered, false, "")));
            SweepResult r = new SweepResult(method, Partition.of(method, labels), new Scores(s.silhouette(), Double.NaN,
                    Double.NaN, s.ari(), s.nmi(), Double.NaN, s.purity(), Double.NaN, 1.0, s.clusters(), 0, ""),
                    0, 0, null);
            results.add(r);
            sweeps.computeIfAbsent(s.algorithm(), a -> new ArrayList<>()).add(r);
        }
        List<SweepResult> selected = sweeps.values().stream().map(SELECTION::select).flatMap(Optional::stream).toList();
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            boolean chosen = selected.contains(results.get(i));
            rows.add(row(scores.get(i), clustered, chosen, chosen ? "selected: " + SELECTION : ""));
        }
        return rows;
    }

    private static ResultRow row(ClusterJob.RunScores s, Clustered clustered, boolean selected, String note) {
        String undefined = s.labelled() == 0 ? "no labels: ARI, NMI and purity undefined" : "";
        String fullNote = Stream.of("silhouette is MLlib's (squared Euclidean)", undefined, note)
                .filter(t -> !t.isEmpty()).reduce((a, b) -> a + "; " + b).orElse("");
        return new ResultRow(TASK, clustered.representation(), clustered.inputs(), false, s.algorithm(), "k=" + s.k(),
                s.seed(), new ResultRow.Scores(s.clusters(), 0, 1.0, s.silhouette(), Double.NaN, Double.NaN, s.ari(),
                s.nmi(), Double.NaN, s.purity(), Double.NaN), selected, fullNote);
    }

    private static void writeLines(java.nio.file.Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
