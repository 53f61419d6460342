package gaan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Shared pieces of the benchmarks run by {@code bench/run.sh}: medians of repeated timings,
 * peak resident memory of this process (native memory included), and one JSON object on stdout.
 */
public final class Bench {
    private final Map<String, Object> results = new LinkedHashMap<>();

    /** Median seconds of {@code repeats} runs of {@code work} (which returns its own seconds, or -1 to be timed here). */
    public static double medianSeconds(int repeats, Runnable work) {
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            work.run();
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        return median(t);
    }

    /**
     * CPU seconds this process (all its threads, JIT and GC included) spent in {@code work}: on a
     * shared machine wall time says how busy the neighbours were, CPU time what the work cost.
     */
    public static double cpuSeconds(Runnable work) {
        long start = processCpuNanos();
        work.run();
        return (processCpuNanos() - start) / 1e9;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    public static double median(int repeats, DoubleSupplier measurement) {
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            t[i] = measurement.getAsDouble();
        }
        return median(t);
    }

    /** Peak resident set size in MiB (VmHWM from /proc/self/status), covering JVM heap and native memory. */
    public static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    public Bench put(String key, Object value) {
        results.put(key, value);
        return this;
    }

    /** Prints the collected results as one JSON object; nested maps become nested objects. */
    public void print() {
        System.out.println(toJson(results));
    }

    private static String toJson(Object v) {
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append('"').append(e.getKey()).append("\": ").append(toJson(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : String.format(java.util.Locale.ROOT, "%.6g", d);
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return '"' + String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private Bench() {
    }

    public static Bench create() {
        return new Bench();
    }
}
