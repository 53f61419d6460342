package gaan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gaan.config.ConfigLoader;
import gaan.config.ExperimentConfig;
import gaan.config.Overrides;
import gaan.config.Preset;
import gaan.config.RunRequest;
import gaan.eval.Metrics;
import gaan.experiment.ClusteringStage;
import gaan.experiment.ExperimentRunner;
import gaan.experiment.Progress;
import gaan.report.Recommendation;
import gaan.report.ResultRow;
import gaan.report.TaskReport;

/**
 * {@code bench/run.sh quality [COLLECTION] [TASKS] [SEEDS]}: clustering quality on a real,
 * labelled collection (default {@code ~/.cache/gaan-devcorpus}; never a unit test). Runs the presets
 * (default every one; comma-separated names otherwise) over seeds (default 1,2,3) exactly as
 * {@code gaan run} does, then prints per task × representation × algorithm × params the mean and
 * std over seeds of ARI, NMI and silhouette, and the ARI against the source package
 * ({@code SOURCES.tsv}'s {@code package} column: a high value means the clustering finds
 * productions rather than styles). Rows whose k was the number of labels are kept apart and
 * flagged. Also the recommended clustering of each task ({@code recommended} row, with its score
 * within the task and across tasks), the task whose answer the run recommends, the best row
 * that used no labels (neither as input nor for k), and wall seconds per stage. The feature store lives
 * in a cache folder beside the collection's name, not inside the collection.
 */
public final class QualityBench {
    public static void main(String[] args) throws Exception {
        Path collection = Path.of(args.length > 0 ? args[0]
                : System.getProperty("user.home") + "/.cache/gaan-devcorpus");
        List<String> taskNames = args.length > 1 ? List.of(args[1].split(","))
                : Arrays.stream(Preset.values()).map(Preset::key).toList();
        List<Long> seeds = Arrays.stream((args.length > 2 ? args[2] : "1,2,3").split(",")).map(Long::parseLong)
                .toList();
        // GAAN_QUALITY_STORE lets two benches on one machine keep apart stores (e.g. of other patch counts).
        Path store = Path.of(System.getenv().getOrDefault("GAAN_QUALITY_STORE",
                        System.getProperty("user.home") + "/.cache/gaan-quality-store"),
                collection.toAbsolutePath().normalize().getFileName().toString());
        Path out = Files.createTempDirectory("gaan-quality");
        Overrides overrides = new Overrides(null, null, null, null, null, seeds, null);
        // A task is a preset's name or a YAML experiment file (variants measured without a new preset).
        List<ExperimentConfig> tasks = taskNames.stream()
                .flatMap(t -> t.endsWith(".yaml") ? ConfigLoader.read(Path.of(t)).stream() : Stream.of(Preset.parse(t).config()))
                .map(c -> overrides.applyTo(c).resolved().validate()).toList();

        long t0 = System.nanoTime();
        ExperimentRunner.Outcome outcome = ExperimentRunner.run(new RunRequest(tasks, collection, out, store),
                stderr());
        double total = (System.nanoTime() - t0) / 1e9;

        Map<String, String> packages = packages(collection);
        Map<String, Object> rows = new LinkedHashMap<>();
        Map<String, Object> recommended = new LinkedHashMap<>();
        Map<String, Object> stages = new LinkedHashMap<>();
        String bestKey = null;
        double bestAri = Double.NEGATIVE_INFINITY;
        double tasksSeconds = 0;
        for (TaskReport task : outcome.tasks()) {
            int[] pkg = codes(task.assignments().trackIds().stream().map(id -> packages.getOrDefault(id, id)).toList());
            Map<String, List<ResultRow>> groups = new LinkedHashMap<>();
            for (ResultRow r : task.results()) {
                // k chosen from the data may differ between seeds; the row's family is without it.
                String family = r.label().replaceAll("\\b(k|eps_value)=\\S+ ?", "").trim()
                        + (r.kFromLabels() ? " [k from labels]" : "");
                groups.computeIfAbsent(task.task() + "/" + family, g -> new ArrayList<>()).add(r);
            }
            for (Map.Entry<String, List<ResultRow>> g : groups.entrySet()) {
                List<ResultRow> rs = g.getValue();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("seeds", rs.size());
                m.put("labels_used_as_input", rs.get(0).labelsUsedAsInput());
                m.put("k_from_labels", rs.get(0).kFromLabels());
                m.put("clusters", stat(rs.stream().mapToDouble(r -> r.scores().nClusters()).toArray()));
                m.put("ari", stat(rs.stream().mapToDouble(r -> r.scores().ari()).toArray()));
                m.put("nmi", stat(rs.stream().mapToDouble(r -> r.scores().nmi()).toArray()));
                m.put("silhouette", stat(rs.stream().mapToDouble(r -> r.scores().silhouette()).toArray()));
                m.put("package_ari", stat(rs.stream().mapToDouble(r -> Metrics.adjustedRand(pkg,
                        task.assignments().clusters(ClusteringStage.column(r)))).toArray()));
                rows.put(g.getKey(), m);
                double ari = rs.stream().mapToDouble(r -> r.scores().ari()).average().orElse(Double.NaN);
                if (!rs.get(0).labelsUsedAsInput() && !rs.get(0).kFromLabels() && ari > bestAri) {
                    bestAri = ari;
                    bestKey = g.getKey();
                }
            }
            task.results().stream().filter(ResultRow::recommended).findFirst().ifPresent(r -> {
                String column = ClusteringStage.column(r);
                Recommendation.Evidence e = Recommendation.read(task.folder().resolve(Recommendation.FILE)).evidence();
                recommended.put(task.task(), Map.of("column", column, "ari", r.scores().ari(), "nmi",
                        r.scores().nmi(), "clusters", r.scores().nClusters(), "package_ari",
                        Metrics.adjustedRand(pkg, task.assignments().clusters(column)), "score", e.score(),
                        "score_across_tasks", e.scoreAcrossTasks()));
            });
            JsonNode timings = new ObjectMapper().readTree(task.folder().resolve("run.json").toFile()).path("stage_seconds");
            Map<String, Object> t = new LinkedHashMap<>();
            timings.fields().forEachRemaining(e -> t.put(e.getKey(), e.getValue().asDouble()));
            // Parts of other stages (docs/report.md): a clusterer's fits and the metrics are inside "clustering",
            // the projection inside "plots"; summing them too made the rest of the run come out negative.
            tasksSeconds += t.entrySet().stream().filter(e -> !e.getKey().startsWith("clustering ")
                    && !e.getKey().equals("metrics") && !e.getKey().equals("projection"))
                    .mapToDouble(e -> (Double) e.getValue()).sum();
            stages.put(task.task(), t);
        }
        Path overallFile = out.resolve(Recommendation.FILE);
        String overall = Files.isRegularFile(overallFile) ? Recommendation.read(overallFile).task() : "none";
        stages.put("features_eda_report_and_rest", total - tasksSeconds);
        stages.put("total", total);
        Bench.create().put("area", "quality").put("collection", collection.toString())
                .put("seeds", seeds.toString()).put("tasks", taskNames.toString())
                .put("best_label_free_row", bestKey).put("best_label_free_ari", bestAri)
                .put("recommended", recommended).put("recommended_overall_task", overall).put("failures", outcome.failures().toString())
                .put("wall_seconds", stages).put("rows", rows).print();
        try (Stream<Path> files = Files.walk(out)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Track id to package name (without its version), from {@code SOURCES.tsv} matched by audio file name. */
    private static Map<String, String> packages(Path collection) throws IOException {
        Map<String, String> byFile = new HashMap<>();
        Path sources = collection.resolve("SOURCES.tsv");
        if (!Files.isRegularFile(sources)) {
            return Map.of();
        }
        List<String> lines = Files.readAllLines(sources);
        List<String> header = List.of(lines.get(0).split("\t"));
        int file = header.indexOf("file");
        int pkg = header.indexOf("package");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            byFile.put(Path.of(f[file]).getFileName().toString().replaceFirst("\\.[^.]+$", ""), f[pkg].split("=")[0]);
        }
        return byFile;
    }

    private static int[] codes(List<String> values) {
        Map<String, Integer> index = new HashMap<>();
        return values.stream().mapToInt(v -> index.computeIfAbsent(v, x -> index.size())).toArray();
    }

    private static Map<String, Object> stat(double[] v) {
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, v.length);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", mean);
        m.put("std", Math.sqrt(var));
        return m;
    }

    private static Progress stderr() {
        return new Progress() {
            @Override
            public void info(String message) {
                System.err.println(message);
            }

            @Override
            public void warn(String message) {
                System.err.println("warning: " + message);
            }

            @Override
            public Tracker start(String label, long total) {
                return Progress.QUIET.start(label, total);
            }
        };
    }
}
