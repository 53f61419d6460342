package gaan.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import gaan.data.DemoCorpus;

/**
 * {@code bench/run.sh demo [TRACKS SECONDS]}: time to write the demo collection (default
 * options unless given), wall-clock on all cores and CPU seconds of the whole process (about
 * the one-core time), plus audio seconds synthesised per CPU second.
 */
public final class DemoBench {
    public static void main(String[] args) throws Exception {
        DemoCorpus.Options d = DemoCorpus.Options.DEFAULT;
        int tracks = args.length > 0 ? Integer.parseInt(args[0]) : d.tracks();
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : d.seconds();
        DemoCorpus.Options options = new DemoCorpus.Options(tracks, seconds, d.genres(), d.seed());
        // Warm-up on a small demo so the timing covers synthesis, not class loading and JIT.
        Path warm = Files.createTempDirectory("gaan-demo-warm");
        DemoCorpus.write(warm, new DemoCorpus.Options(12, 1, d.genres(), 1));
        Path dir = Files.createTempDirectory("gaan-demo-bench");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        DemoCorpus.write(dir, options);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        long bytes;
        try (Stream<Path> files = Files.walk(dir)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        Bench.create().put("area", "demo").put("tracks", tracks).put("seconds_per_track", seconds)
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("wall_seconds", wall).put("cpu_seconds", cpu)
                .put("audio_seconds_per_cpu_second", tracks * seconds / cpu)
                .put("folder_mb", bytes / 1e6).put("peak_rss_mb", Bench.peakRssMb()).print();
        for (Path root : new Path[] {warm, dir}) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
