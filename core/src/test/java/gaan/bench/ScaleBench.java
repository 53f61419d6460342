package gaan.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gaan.data.DemoCorpus;

/**
 * {@code bench/run.sh scale [--task T] [N...]}: {@code gaan run --task T} (default {@code all}) on
 * demo collections of N tracks of 5 s (default 1000 5000 20000), each written once into
 * {@code bench/scale/demo-N} and kept there (gitignored). Every run starts from an empty feature
 * store and runs in its own JVM (as {@code ./gaan} would, {@code -Xmx8g}), so its peak RSS
 * (VmHWM, polled) and CPU seconds are its own. Per size: wall and CPU seconds, peak RSS, and
 * seconds per stage: {@code features} (extraction and the collection's EDA, from the start to the
 * first task), each task's {@code run.json} stages summed over tasks ({@code training},
 * {@code representations}, {@code clustering <algorithm>}, {@code metrics}, {@code projection},
 * {@code plots} without projection, ...) and {@code report} (after the last task). Then the growth
 * exponent log(t₂/t₁)/log(n₂/n₁) of each stage between consecutive sizes. The machine may be
 * shared: CPU seconds say what the work cost, wall seconds how long it took here.
 */
public final class ScaleBench {
    private static final double SECONDS = 5.0;
    private static final int GENRES = 6;
    private static final long SEED = 42;
    private static final Pattern TASK_START = Pattern.compile("^\\[(\\w+)] \\d+ representations x \\d+ seeds");
    private static final Pattern TASK_DONE = Pattern.compile("^\\[(\\w+)] done in ");

    private ScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        String task = "all";
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--task")) {
                task = args[++i];
            } else {
                sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1000, 5000, 20000);
        }
        Path root = Path.of(System.getProperty("gaan.bench.dir", "../bench")).toAbsolutePath().normalize()
                .resolve("scale");
        Bench bench = Bench.create();
        bench.put("task", task).put("seconds_per_track", SECONDS).put("threads", Runtime.getRuntime()
                .availableProcessors());
        Map<String, Object> runs = new LinkedHashMap<>();
        Map<Integer, Map<String, Double>> stagesBySize = new LinkedHashMap<>();
        for (int n : sizes) {
            Path demo = root.resolve("demo-" + n);
            double written = writeDemoOnce(demo, n);
            Map<String, Object> run = runOnce(demo, root.resolve("run-" + n + "-" + task), task);
            run.put("demo_write_seconds", written);
            runs.put("n" + n, run);
            @SuppressWarnings("unchecked")
            Map<String, Double> stages = (Map<String, Double>) run.get("stages");
            stagesBySize.put(n, stages);
        }
        bench.put("runs", runs).put("growth_exponents", growth(stagesBySize));
        bench.print();
    }

    /** Writes the demo collection unless it is already there with these options; returns the seconds it took (0 if kept). */
    private static double writeDemoOnce(Path demo, int n) throws IOException {
        DemoCorpus.Options options = new DemoCorpus.Options(n, SECONDS, GENRES, SEED);
        if (DemoCorpus.isWritten(demo, options)) {
            return 0;
        }
        System.err.println("scale: writing the demo collection of " + n + " tracks into " + demo);
        long start = System.nanoTime();
        DemoCorpus.write(demo, options);
        return (System.nanoTime() - start) / 1e9;
    }

    private static Map<String, Object> runOnce(Path demo, Path dir, String task) throws Exception {
        deleteTree(dir); // the bench's own previous run of this size
        Path out = dir.resolve("results");
        Path store = dir.resolve("store");
        Files.createDirectories(dir);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xmx8g", "-Djava.awt.headless=true", "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"), "gaan.cli.Main", "run", "--task", task, "--collection",
                demo.toString(), "--out", out.toString(), "--store", store.toString());
        System.err.println("scale: " + String.join(" ", command.subList(command.indexOf("run"), command.size())));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putIfAbsent("TORCH_CPP_LOG_LEVEL", "ERROR");
        long start = System.nanoTime();
        Process process = builder.start();
        Usage usage = new Usage(process.pid());
        Thread poller = new Thread(() -> {
            while (process.isAlive()) {
                usage.poll();
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        poller.setDaemon(true);
        poller.start();
        Map<String, Double> marks = new LinkedHashMap<>(); // "start <task>" / "done <task>" -> seconds since start
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8)); PrintWriter log = new PrintWriter(Files.newBufferedWriter(dir.resolve("stderr.log")))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                double t = (System.nanoTime() - start) / 1e9;
                log.printf(Locale.ROOT, "%9.2f %s%n", t, line);
                Matcher m = TASK_START.matcher(line);
                if (m.find()) {
                    marks.putIfAbsent("start " + m.group(1), t);
                    System.err.printf(Locale.ROOT, "scale: %.0f s: task %s%n", t, m.group(1));
                }
                m = TASK_DONE.matcher(line);
                if (m.find()) {
                    marks.put("done " + m.group(1), t);
                }
            }
        }
        int exit = process.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        poller.interrupt();

        Map<String, Double> stages = new LinkedHashMap<>();
        double firstTask = marks.entrySet().stream().filter(e -> e.getKey().startsWith("start "))
                .mapToDouble(Map.Entry::getValue).min().orElse(wall);
        double lastDone = marks.entrySet().stream().filter(e -> e.getKey().startsWith("done "))
                .mapToDouble(Map.Entry::getValue).max().orElse(wall);
        stages.put("features", firstTask);
        Map<String, Object> tasks = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> folders = Files.list(out)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                Path runJson = folder.resolve("run.json");
                if (!Files.exists(runJson)) {
                    continue;
                }
                Map<String, Double> own = new LinkedHashMap<>();
                JsonNode seconds = json.readTree(runJson.toFile()).get("stage_seconds");
                for (Iterator<Map.Entry<String, JsonNode>> it = seconds.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    own.put(e.getKey(), e.getValue().asDouble());
                }
                // projection runs inside plots: report plots without it
                own.computeIfPresent("plots", (k, v) -> v - own.getOrDefault("projection", 0.0));
                own.forEach((k, v) -> stages.merge(k, v, Double::sum));
                String name = folder.getFileName().toString();
                Double from = marks.get("start " + name);
                Double to = marks.get("done " + name);
                if (from != null && to != null) {
                    own.put("wall", to - from);
                }
                tasks.put(name, own);
            }
        }
        stages.put("report", wall - lastDone);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("exit_code", exit);
        result.put("wall_seconds", wall);
        result.put("cpu_seconds", usage.cpuSeconds);
        result.put("peak_rss_mb", usage.peakRssMb);
        result.put("stages", stages);
        result.put("tasks", tasks);
        result.put("log", dir.resolve("stderr.log").toString());
        return result;
    }

    /** Peak RSS and CPU seconds of a child process, from /proc while it lives. */
    private static final class Usage {
        private final long pid;
        volatile double peakRssMb;
        volatile double cpuSeconds;

        Usage(long pid) {
            this.pid = pid;
        }

        void poll() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        peakRssMb = Math.max(peakRssMb, Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                    }
                }
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields[11], [12] are utime and stime (the 14th and 15th of the whole line), in clock ticks
                cpuSeconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
            } catch (IOException | RuntimeException gone) {
                // the process ended between the check and the read; the last values stand
            }
        }
    }

    /** log(t₂/t₁) / log(n₂/n₁) per stage between consecutive sizes; stages under 0.5 s at either size are left out as noise. */
    private static Map<String, Object> growth(Map<Integer, Map<String, Double>> stagesBySize) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Integer> sizes = stagesBySize.keySet().stream().sorted(Comparator.naturalOrder()).toList();
        for (int i = 1; i < sizes.size(); i++) {
            int n1 = sizes.get(i - 1);
            int n2 = sizes.get(i);
            Map<String, Double> exponents = new LinkedHashMap<>();
            Map<String, Double> a = stagesBySize.get(n1);
            Map<String, Double> b = stagesBySize.get(n2);
            for (String stage : a.keySet()) {
                Double t1 = a.get(stage);
                Double t2 = b.get(stage);
                if (t1 != null && t2 != null && t1 >= 0.5 && t2 >= 0.5) {
                    exponents.put(stage, Math.log(t2 / t1) / Math.log((double) n2 / n1));
                }
            }
            out.put("n" + n1 + "_to_n" + n2, exponents);
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
