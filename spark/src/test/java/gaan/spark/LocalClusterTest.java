package gaan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import gaan.audio.AudioFeatureParams;
import gaan.config.Modality;
import gaan.data.DemoCorpus;
import gaan.features.TrackLimits;
import gaan.model.TrainConfig;
import gaan.model.VaeSpec;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The natives load on executors in their own JVMs: Spark's {@code local-cluster[2,1,1024]} mode
 * (two workers of one core and 1 GB, each executor a separate {@code java} process, as on a
 * cluster) runs the feature stage (FFmpeg through JavaCPP) and the encode stage (libtorch through
 * DJL) on a tiny demo.
 *
 * <p>A worker starts its executors with {@code $SPARK_HOME}'s launcher, which needs a Spark
 * layout: surefire sets {@code SPARK_HOME} to {@code target/spark-home}, which this test fills
 * with an empty {@code jars/} (the jars come from the test class path, handed to the executors as
 * {@code spark.executor.extraClassPath}, as Spark's own tests do) and the
 * {@code launcher/target/scala-2.13} folder the launcher looks for.
 */
class LocalClusterTest {
    @TempDir
    static Path dir;

    @Test
    void nativesLoadOnExecutorsInTheirOwnJvms() throws IOException {
        String home = System.getenv("SPARK_HOME");
        assertTrue(home != null, "surefire sets SPARK_HOME (spark/pom.xml)");
        Files.createDirectories(Path.of(home, "jars"));
        Files.createDirectories(Path.of(home, "launcher", "target", "scala-2.13"));
        // Surefire runs the tests from a manifest-only jar; the real class path is in this property.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

        Path demo = dir.resolve("demo");
        DemoCorpus.write(demo, new DemoCorpus.Options(4, 2.0, 2, 11));
        SparkSession spark = SparkSession.builder().master("local-cluster[2,1,1024]").appName("gaan-spark local-cluster")
                .config("spark.ui.enabled", false)
                .config("spark.executor.memory", "1g")
                .config("spark.executor.extraClassPath", classPath)
                .config("spark.executor.extraJavaOptions", "-Dai.djl.offline=true")
                .config("spark.executorEnv.OMP_NUM_THREADS", "1")
                .config("spark.executorEnv.OMP_WAIT_POLICY", "PASSIVE")
                .config("spark.sql.shuffle.partitions", 2)
                .getOrCreate();
        try {
            long driver = ProcessHandle.current().pid();
            List<Long> executors = spark.range(0, 4, 1, 4)
                    .map((MapFunction<Long, Long>) i -> ProcessHandle.current().pid(), Encoders.LONG())
                    .distinct().collectAsList();
            assertFalse(executors.contains(driver), "tasks ran in the driver's JVM: " + executors);

            String out = dir.resolve("out").toString();
            AudioFeatureParams params = AudioFeatureParams.DEFAULTS;
            FeatureJob.Summary features = new FeatureJob(params, TrackLimits.NONE, 2)
                    .run(spark, demo.resolve("tracks.csv").toString(), out + "/" + Tables.FEATURES_DIR);
            assertEquals(new FeatureJob.Summary(4, 4, 0, 0), features, "FFmpeg decoded every track on the executors");

            VaeSpec spec = VaeSpec.mlp(params.summaryLength()).withHiddenSizes(List.of(8)).withLatentDim(2).withSeed(1);
            TrainConfig training = TrainConfig.defaults().withEpochs(2).withBatchSize(4).withValidationFraction(0)
                    .withPatience(0).withSeed(1).withThreads(1);
            assertEquals(4, new EncodeJob(Modality.MFCC, spec, training, 100)
                    .run(spark, out + "/" + Tables.FEATURES_DIR, out), "libtorch encoded every track on the executors");
            for (Row r : spark.read().parquet(out + "/" + Tables.LATENT_DIR).collectAsList()) {
                assertEquals(2, r.getList(r.fieldIndex(Tables.LATENT)).size());
            }
        } finally {
            spark.stop();
        }
    }
}
