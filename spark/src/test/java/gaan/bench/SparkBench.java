package gaan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import gaan.audio.AudioFeatureParams;
import gaan.data.Collection;
import gaan.data.CollectionReader;
import gaan.data.DemoCorpus;
import gaan.features.ExtractionListener;
import gaan.features.FeatureExtractor;
import gaan.features.TrackLimits;
import gaan.spark.FeatureJob;
import org.apache.spark.sql.SparkSession;

/**
 * {@code bench/run.sh spark [tracks] [seconds]}: the feature stage's throughput on a demo
 * collection (default 800 tracks of 30 s: on a small demo Spark's fixed cost of a few seconds
 * per job dominates the ratio, which a large collection does not see), {@code gaan features} with
 * 2 threads against the Spark job in {@code local[2]} on the same files, each into a fresh output. Each side is warmed up
 * once, then timed {@value #ROUNDS} times alternately (median and range reported), so both see
 * the same machine load.
 */
public final class SparkBench {
    private static final int ROUNDS = 3;

    private SparkBench() {
    }

    public static void main(String[] args) throws Exception {
        int tracks = args.length > 0 ? Integer.parseInt(args[0]) : 800;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 30;
        Path tmp = Files.createTempDirectory("gaan-spark-bench");
        try {
            run(tmp, tracks, seconds);
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(Path tmp, int tracks, double seconds) throws Exception {
        Path demo = tmp.resolve("demo");
        System.err.println("writing a demo of " + tracks + " x " + seconds + " s to " + demo);
        DemoCorpus.write(demo, new DemoCorpus.Options(tracks, seconds, 6, 42));
        Collection collection = CollectionReader.read(demo);
        AudioFeatureParams params = AudioFeatureParams.DEFAULTS;
        SparkSession spark = SparkSession.builder().master("local[2]").appName("gaan-spark bench")
                .config("spark.ui.enabled", false).getOrCreate();
        List<Double> single = new ArrayList<>();
        List<Double> onSpark = new ArrayList<>();
        try {
            for (int round = 0; round <= ROUNDS; round++) {
                Path store = tmp.resolve("store" + round);
                long t0 = System.nanoTime();
                new FeatureExtractor(params, 2).extract(collection, store, ExtractionListener.NONE);
                double a = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                new FeatureJob(params, TrackLimits.NONE, 0).run(spark, demo.resolve("tracks.csv").toString(), tmp.resolve("spark" + round).toString());
                double b = (System.nanoTime() - t0) / 1e9;
                System.err.printf("round %d: gaan features %.2f s, spark %.2f s%n", round, a, b);
                if (round > 0) {
                    single.add(a);
                    onSpark.add(b);
                }
            }
        } finally {
            spark.stop();
        }
        double a = median(single);
        double b = median(onSpark);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tracks", tracks);
        out.put("seconds_per_track", seconds);
        out.put("features_2_threads_tracks_per_s", round(tracks / a));
        out.put("features_2_threads_s_range", List.of(round(min(single)), round(max(single))));
        out.put("spark_local2_tracks_per_s", round(tracks / b));
        out.put("spark_local2_s_range", List.of(round(min(onSpark)), round(max(onSpark))));
        out.put("spark_overhead", round(b / a));
        out.put("spark_overhead_target", 1.5);
        out.put("cores", Runtime.getRuntime().availableProcessors());
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
    }

    private static double median(List<Double> v) {
        List<Double> s = v.stream().sorted().toList();
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
