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
import gaan.cluster.KMeans;
import gaan.data.CollectionReader;
import gaan.data.DemoCorpus;
import gaan.eval.Metrics;
import gaan.config.Modality;
import gaan.features.ExtractionListener;
import gaan.features.FeatureExtractor;
import gaan.features.FeatureStore;
import gaan.features.TrackRow;
import gaan.model.TrainConfig;
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
        first = new FeatureJob(PARAMS, 4).run(spark, table.toString(), out + "/" + Tables.FEATURES_DIR);
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
        List<Float> values = r.getList(r.fieldIndex(column));
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    @Test
    void parquetFeaturesAreTheStoresFloats() {
        Path store = dir.resolve("store");
        new FeatureExtractor(PARAMS, 2).extract(CollectionReader.read(demo), store, ExtractionListener.NONE);
        FeatureStore fs = FeatureStore.at(store);
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
        FeatureJob.Summary again = new FeatureJob(PARAMS, 4).run(spark, table.toString(), out + "/rerun-check-unused");
        assertEquals(32, again.extracted(), "a fresh output folder extracts everything");
        FeatureJob.Summary second = new FeatureJob(PARAMS, 4).run(spark, table.toString(), out + "/" + Tables.FEATURES_DIR);
        // The broken file is skipped for good (its key is kept); the missing one has no key and is looked at again.
        assertEquals(new FeatureJob.Summary(34, 0, 33, 1), second);
        assertEquals(34, currentFeatures().size());
    }

    @Test
    void mllibKMeansOnTheLatentTableAgreesWithGaansKMeans() {
        String run = dir.resolve("run").toString();
        spark.read().parquet(out + "/" + Tables.FEATURES_DIR).write().parquet(run + "/" + Tables.FEATURES_DIR);
        // A small β keeps the posterior means of so few tracks apart, so K-Means has one clear optimum to find.
        VaeSpec spec = VaeSpec.mlp(PARAMS.summaryLength()).withLatentDim(4).withBeta(0.1).withSeed(3);
        TrainConfig training = TrainConfig.defaults().withEpochs(200).withBatchSize(8).withValidationFraction(0)
                .withPatience(0).withSeed(3).withThreads(1);
        assertEquals(32, new EncodeJob(Modality.MFCC, spec, training, 1000).run(spark, run + "/" + Tables.FEATURES_DIR, run));

        List<ClusterJob.RunScores> scores = new ClusterJob(List.of(ClusterJob.Algorithm.KMEANS), List.of(GENRES), 5, 10)
                .run(spark, run + "/" + Tables.LATENT_DIR, run);
        List<Row> latent = spark.read().parquet(run + "/" + Tables.LATENT_DIR).orderBy(Tables.ID).collectAsList();
        Map<String, Integer> mllib = new HashMap<>();
        for (Row r : spark.read().parquet(run + "/" + Tables.ASSIGNMENTS_DIR).collectAsList()) {
            mllib.put(r.getString(0), r.getInt(2));
        }
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
        ClusterJob.RunScores s = scores.get(0);
        assertEquals(Metrics.adjustedRand(truth, spark), s.ari(), 1e-12);
        assertEquals(Metrics.normalizedMutualInfo(truth, spark), s.nmi(), 1e-12);
        assertEquals(Metrics.purity(truth, spark), s.purity(), 1e-12);
        assertTrue(Files.isRegularFile(Path.of(run, Tables.SCORES_CSV)));
    }
}
