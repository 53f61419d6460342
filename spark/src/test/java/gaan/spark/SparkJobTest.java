package gaan.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gaan.audio.AudioFeatureParams;
import gaan.data.Npy;
import gaan.experiment.ClusteringStage;
import gaan.experiment.ReportRebuild;
import gaan.report.Assignments;
import gaan.report.ResultRow;
import gaan.report.RunReader;
import gaan.report.RunWriter;
import gaan.cluster.KMeans;
import gaan.data.CollectionReader;
import gaan.data.DemoCorpus;
import gaan.eval.Metrics;
import gaan.config.Modality;
import gaan.features.ExtractionListener;
import gaan.features.FeatureExtractor;
import gaan.features.TrackLimits;
import gaan.features.FeatureStore;
import gaan.features.TrackRow;
import gaan.model.TrainConfig;
import gaan.model.Vae;
import gaan.model.VaeInput;
import gaan.model.VaeSpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark stages in local[2] on a small demo collection, against the single-machine code. */
class SparkJobTest {
    private static final AudioFeatureParams PARAMS = AudioFeatureParams.DEFAULTS;
    private static final int GENRES = 2;

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path demo;
    static String out;
    static FeatureJob.Summary first;
    static List<ClusterJob.RunScores> clusterScores;

    @BeforeAll
    static void extractOnce() throws IOException {
        demo = dir.resolve("demo");
        DemoCorpus.write(demo, new DemoCorpus.Options(32, 3.5, GENRES, 7));
        // A table with the demo's tracks, a file that is not audio and a file that does not exist.
        Files.writeString(demo.resolve("audio/broken.wav"), "not audio", StandardCharsets.UTF_8);
        Path table = dir.resolve("tracks.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(demo.resolve("tracks.csv")));
        lines.replaceAll(l -> l.replace(",audio/", ",demo/audio/"));
        lines.add("broken,demo/audio/broken.wav,,,,");
        lines.add("missing,demo/audio/missing.wav,,rock,,");
        Files.write(table, lines);
        spark = SparkSession.builder().master("local[2]").appName("gaan-spark test")
                .config("spark.ui.enabled", false).config("spark.sql.shuffle.partitions", 4).getOrCreate();
        out = dir.resolve("out").toString();
        first = new FeatureJob(PARAMS, TrackLimits.NONE, 4).run(spark, table.toString(), out + "/" + Tables.FEATURES_DIR);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static Map<String, Row> currentFeatures() {
        Map<String, Row> rows = new HashMap<>();
        for (Row r : Tables.current(spark.read().parquet(out + "/" + Tables.FEATURES_DIR)).collectAsList()) {
            rows.put(r.getString(r.fieldIndex(Tables.ID)), r);
        }
        return rows;
    }

    private static float[] floats(Row r, String column) {
        return Tables.floats(r.getList(r.fieldIndex(column)));
    }

    /** The single-machine store of the demo ({@code gaan features}), extracted once. */
    private static synchronized FeatureStore store() {
        Path store = dir.resolve("store");
        if (!Files.isDirectory(store)) {
            new FeatureExtractor(PARAMS, 2).extract(CollectionReader.read(demo), store, ExtractionListener.NONE);
        }
        return FeatureStore.at(store);
    }

    /** A fresh run folder holding a copy of the feature table. */
    private static String runWithFeatures(String name) {
        String run = dir.resolve(name).toString();
        spark.read().parquet(out + "/" + Tables.FEATURES_DIR).write().parquet(run + "/" + Tables.FEATURES_DIR);
        return run;
    }

    @Test
    void parquetFeaturesAreTheStoresFloats() {
        FeatureStore fs = store();
        float[][] mfcc = fs.matrix(FeatureStore.MFCC_SUMMARY);
        float[][] descriptors = fs.matrix(FeatureStore.DESCRIPTORS);
        float[][][] patches = fs.cube(FeatureStore.LOGMEL_PATCH);
        Map<String, Row> rows = currentFeatures();
        int compared = 0;
        for (TrackRow t : fs.tracks()) {
            if (!t.ok()) {
                continue;
            }
            Row r = rows.get(t.id());
            assertEquals(Tables.OK, r.getString(r.fieldIndex(Tables.STATUS)), t.id());
            assertArrayEquals(mfcc[t.row()], floats(r, Tables.MFCC_SUMMARY), 0f, t.id());
            assertArrayEquals(descriptors[t.row()], floats(r, Tables.DESCRIPTORS), 0f, t.id());
            assertEquals(List.of(1, PARAMS.nMels(), PARAMS.patchFrames()), r.getList(r.fieldIndex(Tables.LOGMEL_SHAPE)));
            ByteBuffer bytes = ByteBuffer.wrap((byte[]) r.get(r.fieldIndex(Tables.LOGMEL_PATCH))).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] band : patches[t.row()]) {
                for (float v : band) {
                    assertEquals(v, bytes.getFloat(), 0f, t.id());
                }
            }
            assertEquals(t.sha1().isEmpty() ? null : FeatureExtractor.contentKey(t.sha1(), PARAMS),
                    r.getString(r.fieldIndex(Tables.CONTENT_KEY)));
            compared++;
        }
        assertEquals(32, compared);
    }

    @Test
    void badFilesBecomeRowsWithTheirReason() {
        Map<String, Row> rows = currentFeatures();
        assertEquals(34, rows.size());
        assertEquals(new FeatureJob.Summary(34, 32, 0, 2), first);
        Row broken = rows.get("broken");
        assertEquals(Tables.SKIPPED, broken.getString(broken.fieldIndex(Tables.STATUS)));
        assertFalse(broken.getString(broken.fieldIndex(Tables.REASON)).isEmpty());
        assertTrue(broken.isNullAt(broken.fieldIndex(Tables.MFCC_SUMMARY)));
        Row missing = rows.get("missing");
        assertEquals("no such file", missing.getString(missing.fieldIndex(Tables.REASON)));
        assertEquals("rock", missing.getString(missing.fieldIndex(Tables.LABEL)));
    }

    @Test
    void reRunSkipsTracksWhoseContentKeyIsPresent() {
        Path table = dir.resolve("tracks.csv");
        FeatureJob.Summary again = new FeatureJob(PARAMS, TrackLimits.NONE, 4).run(spark, table.toString(), out + "/rerun-check-unused");
        assertEquals(32, again.extracted(), "a fresh output folder extracts everything");
        FeatureJob.Summary second = new FeatureJob(PARAMS, TrackLimits.NONE, 4).run(spark, table.toString(), out + "/" + Tables.FEATURES_DIR);
        // The broken file is skipped for good (its key is kept); the missing one has no key and is looked at again.
        assertEquals(new FeatureJob.Summary(34, 0, 33, 1), second);
        assertEquals(34, currentFeatures().size());
    }

    @Test
    void truncatedFilesAreUsedOrSkippedAsGaanFeaturesDoes() throws IOException {
        // Cut copies of a 3.5 s demo track: 2 s left (used, over the 1 s minimum) and 0.5 s (skipped).
        Path cut = Files.createDirectories(dir.resolve("cut"));
        byte[] whole = Files.readAllBytes(demo.resolve("audio/track_000.wav"));
        Files.write(cut.resolve("long.wav"), java.util.Arrays.copyOf(whole, 44 + 2 * 44100));
        Files.write(cut.resolve("stub.wav"), java.util.Arrays.copyOf(whole, 44 + 2 * 11025));
        Files.writeString(cut.resolve("tracks.csv"), "id,audio\nlong,long.wav\nstub,stub.wav\n");
        TrackLimits limits = new TrackLimits(1.0, Long.MAX_VALUE);
        String features = dir.resolve("cut-out").resolve(Tables.FEATURES_DIR).toString();
        assertEquals(new FeatureJob.Summary(2, 1, 0, 1),
                new FeatureJob(PARAMS, limits, 2).run(spark, cut.resolve("tracks.csv").toString(), features));

        Path store = dir.resolve("cut-store");
        new FeatureExtractor(PARAMS, limits, 1).extract(CollectionReader.read(cut), store, ExtractionListener.NONE);
        List<TrackRow> core = FeatureStore.at(store).tracks();
        Map<String, Row> rows = new HashMap<>();
        spark.read().parquet(features).collectAsList().forEach(r -> rows.put(r.getString(r.fieldIndex(Tables.ID)), r));
        for (TrackRow t : core) {
            Row r = rows.get(t.id());
            assertTrue(t.truncated(), t.toString());
            assertEquals(t.ok() ? Tables.OK : Tables.SKIPPED, r.getString(r.fieldIndex(Tables.STATUS)), t.id());
            assertEquals(t.reason(), r.getString(r.fieldIndex(Tables.REASON)), t.id());
        }
        assertTrue(core.get(0).ok() && !core.get(1).ok(), core.toString());
        assertEquals("truncated: the header declares 3.500 s of audio but the file holds 2.000 s", core.get(0).reason());
        assertArrayEquals(FeatureStore.at(store).matrix(FeatureStore.MFCC_SUMMARY)[0],
                floats(rows.get("long"), Tables.MFCC_SUMMARY), 0f, "the 2 s it holds, as gaan features reads them");
    }

    /** The demo encoded by an MLP-VAE and clustered by MLlib (K-Means and bisecting K-Means, k = 2), once. */
    private static synchronized String clustered() {
        if (clusterScores != null) {
            return dir.resolve("run").toString();
        }
        String run = runWithFeatures("run");
        // A small β keeps the posterior means of so few tracks apart, so K-Means has one clear optimum to find.
        VaeSpec spec = VaeSpec.mlp(PARAMS.summaryLength()).withLatentDim(4).withBeta(0.1).withSeed(3);
        TrainConfig training = TrainConfig.defaults().withEpochs(200).withBatchSize(8).withValidationFraction(0)
                .withPatience(0).withSeed(3).withThreads(1);
        assertEquals(32, new EncodeJob(Modality.MFCC, spec, training, 1000).run(spark, run + "/" + Tables.FEATURES_DIR, run));
        clusterScores = new ClusterJob(List.of(ClusterJob.Algorithm.KMEANS, ClusterJob.Algorithm.BISECTING),
                List.of(GENRES), 5, 10).run(spark, run + "/" + Tables.LATENT_DIR, run);
        return run;
    }

    /** Run name to track id to cluster, from the Parquet assignments. */
    private static Map<String, Map<String, Integer>> assignments(String run) {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        for (Row r : spark.read().parquet(run + "/" + Tables.ASSIGNMENTS_DIR).collectAsList()) {
            out.computeIfAbsent(r.getString(1), k -> new HashMap<>()).put(r.getString(0), r.getInt(2));
        }
        return out;
    }

    @Test
    void mllibKMeansOnTheLatentTableAgreesWithGaansKMeans() {
        String run = clustered();
        ClusterJob.RunScores s = clusterScores.get(0);
        assertEquals(GENRES, s.k());
        assertEquals("spark_kmeans", s.algorithm());
        List<Row> latent = spark.read().parquet(run + "/" + Tables.LATENT_DIR).orderBy(Tables.ID).collectAsList();
        Map<String, Integer> mllib = assignments(run).get(s.run());
        double[][] x = new double[latent.size()][];
        int[] spark = new int[x.length];
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            List<Float> z = latent.get(i).getList(2);
            x[i] = z.stream().mapToDouble(Float::doubleValue).toArray();
            spark[i] = mllib.get(latent.get(i).getString(0));
            labels.add(latent.get(i).getString(1));
        }
        int[] gaan = new KMeans(GENRES, 5, 2).fit(x).labels();
        double agreement = Metrics.adjustedRand(gaan, spark);
        int[] truth = labels.stream().mapToInt(String::hashCode).toArray();
        assertTrue(agreement >= 0.95, "ARI(MLlib K-Means, gaan K-Means) = " + agreement + "; against the genres: MLlib "
                + Metrics.adjustedRand(truth, spark) + ", gaan " + Metrics.adjustedRand(truth, gaan));

        // The distributed contingency table gives the scores the points give.
        assertEquals(Metrics.adjustedRand(truth, spark), s.ari(), 1e-12);
        assertEquals(Metrics.normalizedMutualInfo(truth, spark), s.nmi(), 1e-12);
        assertEquals(Metrics.purity(truth, spark), s.purity(), 1e-12);
        assertTrue(Files.isRegularFile(Path.of(run, Tables.SCORES_CSV)));
    }

    @Test
    void gaanReportWritesThePageFromTheSparkResults() throws IOException {
        Path run = Path.of(clustered());
        Path task = run.resolve(ReportExport.TASK);
        List<ResultRow> rows = RunReader.readResults(task.resolve(RunWriter.RESULTS_FILE));
        assertEquals(clusterScores.size(), rows.size());
        Assignments wide = RunReader.readAssignments(task.resolve(RunWriter.ASSIGNMENTS_FILE));
        assertEquals(32, wide.size());
        Map<String, Map<String, Integer>> parquet = assignments(run.toString());
        for (int i = 0; i < rows.size(); i++) {
            ResultRow row = rows.get(i);
            ClusterJob.RunScores s = clusterScores.get(i);
            assertEquals(s.algorithm(), row.algorithm());
            assertEquals("mlp_vae", row.representation());
            assertEquals("k=" + s.k(), row.params());
            assertEquals(s.ari(), row.scores().ari(), 1e-12);
            assertEquals(s.silhouette(), row.scores().silhouette(), 1e-12);
            int[] clusters = wide.clusters(ClusteringStage.column(row));
            for (int t = 0; t < wide.size(); t++) {
                assertEquals(parquet.get(s.run()).get(wide.trackIds().get(t)), clusters[t], s.run());
            }
        }
        // One selected row per algorithm's sweep over k; none recommended (the label-free rule is gaan's own).
        assertEquals(2, rows.stream().filter(ResultRow::selected).count());
        assertTrue(rows.stream().noneMatch(ResultRow::recommended));
        assertEquals(new java.util.HashSet<>(wide.trackIds()), parquet.get(clusterScores.get(0).run()).keySet());
        assertArrayEquals(new int[] {32, 4}, Npy.read(task.resolve("representations/mlp_vae_s5.npy")).shape());
        assertFalse(RunReader.readHistory(task.resolve(RunWriter.HISTORY_FILE)).isEmpty());

        String html = Files.readString(ReportRebuild.write(run));
        for (ResultRow row : rows) {
            assertTrue(html.contains(row.algorithm()) && html.contains(row.params()), row.label());
        }
        assertTrue(html.contains(wide.trackIds().get(0)), "the tracks are listed");
    }

    @Test
    void convVaeEncodeOnSparkEqualsCoresEncodeOfTheSamePatches() {
        String run = runWithFeatures("conv");
        VaeSpec spec = VaeSpec.conv(PARAMS.nMels(), PARAMS.patchFrames()).withHiddenSizes(List.of(4, 8)).withLatentDim(4)
                .withSeed(3);
        TrainConfig training = TrainConfig.defaults().withEpochs(1).withBatchSize(8).withValidationFraction(0)
                .withPatience(0).withSeed(3).withThreads(1);
        assertEquals(32, new EncodeJob(Modality.LOGMEL, spec, training, 1000).run(spark, run + "/" + Tables.FEATURES_DIR, run));

        FeatureStore fs = store();
        float[][][] patches = fs.cube(FeatureStore.LOGMEL_PATCH);
        List<TrackRow> ok = fs.tracks().stream().filter(TrackRow::ok).toList();
        float[][][][] x = new float[ok.size()][][][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new float[][][] {patches[ok.get(i).row()]};
        }
        float[][] z;
        try (Vae vae = Vae.load(Path.of(run, Tables.MODEL_DIR))) {
            z = vae.encode(VaeInput.trackPatches(x));
        }
        Map<String, float[]> latent = new HashMap<>();
        for (Row r : spark.read().parquet(run + "/" + Tables.LATENT_DIR).collectAsList()) {
            latent.put(r.getString(0), floats(r, Tables.LATENT));
        }
        assertEquals(ok.size(), latent.size());
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(z[i], latent.get(ok.get(i).id()), 1e-5f, ok.get(i).id());
        }
    }
}
