package gaan.spark;

import java.util.List;
import java.util.concurrent.Callable;

import gaan.audio.AudioFeatureParams;
import gaan.config.FeatureSettings;
import gaan.config.Modality;
import gaan.features.TrackLimits;
import gaan.model.TrainConfig;
import gaan.model.VaeSpec;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spark-submit --class gaan.spark.SparkMain gaan-spark.jar STAGE --out DIR ...}: the
 * stages {@code features}, {@code encode}, {@code cluster}, or {@code all} of them in order. Every
 * stage reads and writes under {@code --out} ({@code features/}, {@code model/}, {@code latent/},
 * {@code assignments/}, {@code scores.csv}).
 */
@Command(name = "gaan-spark", mixinStandardHelpOptions = true,
        description = "gaan's feature, representation and clustering stages on Apache Spark.",
        subcommands = {SparkMain.Features.class, SparkMain.Encode.class, SparkMain.Cluster.class, SparkMain.All.class})
public final class SparkMain {

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkMain()).execute(args));
    }

    /** Options every stage takes. */
    static class Common {
        @Option(names = "--out", required = true, description = "Output folder (any Hadoop file system URI).")
        String out;

        @Option(names = "--master", description = "Spark master when not started by spark-submit, e.g. local[2].")
        String master;

        /** Runs {@code stages} in one Spark application, stopped after. */
        int run(String name, java.util.function.Consumer<SparkSession> stages) {
            SparkSession.Builder b = SparkSession.builder().appName("gaan-spark " + name);
            if (master != null) {
                b.master(master);
            }
            SparkSession spark = b.getOrCreate();
            try {
                stages.accept(spark);
            } finally {
                spark.stop();
            }
            return 0;
        }
    }

    static class FeatureOptions {
        @Option(names = "--tracks", required = true, description = "Track table: CSV with a header or Parquet (id, audio, lyrics, genres, label).")
        String tracks;

        @Option(names = "--duration", defaultValue = "0", description = "Seconds analysed from each file (0 = all, the default).")
        double duration;

        @Option(names = "--patches", defaultValue = "1", description = "Log-mel patches per track (default 1).")
        int patches;

        @Option(names = "--partitions", defaultValue = "0", description = "Tasks the track table is split into (default 4 per core).")
        int partitions;

        @Option(names = "--min-seconds", paramLabel = "S", description = "Shortest analysed audio a track may have; "
                + "a truncated file is used when it holds this much (default: features.minSeconds, ${DEFAULT-VALUE}).")
        double minSeconds = FeatureSettings.DEFAULTS.minSeconds();

        FeatureJob.Summary run(SparkSession spark, String out) {
            AudioFeatureParams params = AudioFeatureParams.DEFAULTS.withPatchesPerTrack(patches).withWindow(0, duration);
            TrackLimits limits = new TrackLimits(minSeconds, FeatureSettings.DEFAULTS.maxAudioBytes());
            FeatureJob.Summary s = new FeatureJob(params, limits, partitions).run(spark, tracks,
                    out + "/" + Tables.FEATURES_DIR);
            System.out.printf("features: %d tracks, %d extracted, %d reused, %d skipped%n", s.tracks(), s.extracted(),
                    s.reused(), s.skipped());
            return s;
        }
    }

    static class EncodeOptions {
        @Option(names = "--input", defaultValue = "mfcc", description = "Feature the VAE reads: mfcc or logmel (default mfcc).")
        String input;

        @Option(names = "--latent", defaultValue = "32", description = "Latent dimensions (default 32).")
        int latent;

        @Option(names = "--epochs", defaultValue = "50", description = "Training epochs at most (default 50).")
        int epochs;

        @Option(names = "--sample", defaultValue = "50000", description = "Tracks the VAE trains on at most (default 50000).")
        int sample;

        @Option(names = "--seed", defaultValue = "0", description = "Seed of the sample, the weights and the training.")
        long seed;

        @Option(names = "--threads", defaultValue = "2", description = "libtorch threads on the driver (default 2).")
        int threads;

        long run(SparkSession spark, String out) {
            Modality modality = Modality.parse(input);
            VaeSpec spec = EncodeJob.spec(modality, AudioFeatureParams.DEFAULTS).withLatentDim(latent).withSeed(seed);
            TrainConfig training = TrainConfig.defaults().withEpochs(epochs).withSeed(seed).withThreads(threads);
            long rows = new EncodeJob(modality, spec, training, sample).run(spark, out + "/" + Tables.FEATURES_DIR, out);
            System.out.printf("encode: %d tracks in %s/%s%n", rows, out, Tables.LATENT_DIR);
            return rows;
        }
    }

    static class ClusterOptions {
        @Option(names = "--algorithms", split = ",", defaultValue = "KMEANS,BISECTING,GMM",
                description = "MLlib algorithms: ${COMPLETION-CANDIDATES} (default all).")
        List<ClusterJob.Algorithm> algorithms;

        @Option(names = "--k", split = ",", defaultValue = "2,4,6,8,10", description = "Cluster counts (default 2,4,6,8,10).")
        List<Integer> ks;

        @Option(names = "--cluster-seed", defaultValue = "0", description = "Seed of the MLlib algorithms.")
        long seed;

        @Option(names = "--restarts", defaultValue = "10", description = "K-Means starts, the lowest cost kept (default 10).")
        int restarts;

        void run(SparkSession spark, String out) {
            for (ClusterJob.RunScores s : new ClusterJob(algorithms, ks, seed, restarts).run(spark, out + "/" + Tables.LATENT_DIR, out)) {
                System.out.printf("%s: silhouette %.3f, ARI %.3f, NMI %.3f, purity %.3f%n", s.run(), s.silhouette(),
                        s.ari(), s.nmi(), s.purity());
            }
        }
    }

    @Command(name = "features", description = "Extract audio features into OUT/features (Parquet).")
    static final class Features implements Callable<Integer> {
        @CommandLine.Mixin Common common = new Common();
        @CommandLine.Mixin FeatureOptions features = new FeatureOptions();

        @Override
        public Integer call() {
            return common.run("features", spark -> {
                features.run(spark, common.out);
            });
        }
    }

    @Command(name = "encode", description = "Train a VAE on a sample of OUT/features and encode every track into OUT/latent.")
    static final class Encode implements Callable<Integer> {
        @CommandLine.Mixin Common common = new Common();
        @CommandLine.Mixin EncodeOptions encode = new EncodeOptions();

        @Override
        public Integer call() {
            return common.run("encode", spark -> {
                encode.run(spark, common.out);
            });
        }
    }

    @Command(name = "cluster", description = "Cluster OUT/latent with MLlib; write OUT/assignments and OUT/scores.csv.")
    static final class Cluster implements Callable<Integer> {
        @CommandLine.Mixin Common common = new Common();
        @CommandLine.Mixin ClusterOptions cluster = new ClusterOptions();

        @Override
        public Integer call() {
            return common.run("cluster", spark -> {
                cluster.run(spark, common.out);
            });
        }
    }

    @Command(name = "all", description = "features, encode and cluster in one application.")
    static final class All implements Callable<Integer> {
        @CommandLine.Mixin Common common = new Common();
        @CommandLine.Mixin FeatureOptions features = new FeatureOptions();
        @CommandLine.Mixin EncodeOptions encode = new EncodeOptions();
        @CommandLine.Mixin ClusterOptions cluster = new ClusterOptions();

        @Override
        public Integer call() {
            return common.run("all", spark -> {
                features.run(spark, common.out);
                encode.run(spark, common.out);
                cluster.run(spark, common.out);
            });
        }
    }
}
