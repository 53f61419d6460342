package gaan.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gaan.config.ConfigLoader;
import gaan.config.ExperimentConfig;
import gaan.config.Overrides;
import gaan.config.Preset;
import gaan.config.RunRequest;
import gaan.data.DemoCorpus;
import gaan.features.FeatureStore;
import gaan.features.TrackRow;
import gaan.report.Recommendation;
import gaan.report.RunWriter;
import gaan.testutil.Fixtures;
import gaan.testutil.Wav;

/** The Easy task end to end on a small demo collection with one broken file and one truncated file in it. */
class EasyTaskTest {
    @TempDir
    static Path dir;
    static Path out;
    static ExperimentRunner.Outcome outcome;
    static final List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void runEasyOnSmallDemoWithABrokenTrack() throws Exception {
        Path demo = dir.resolve("demo");
        DemoCorpus.write(demo, new DemoCorpus.Options(30, 3.0, 6, 7));
        Files.copy(Fixtures.audio("not_audio.mp3"), demo.resolve("audio/broken.mp3"));
        // A cut download: the header declares 3 s, the file holds 2 s (long enough to be used).
        Path cut = Wav.write(demo.resolve("audio/cut.wav"), Wav.tone(3.0, 22050, 330, 5), 22050, 1);
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(cut), 44 + 2 * 44100));
        Files.writeString(demo.resolve("tracks.csv"), "broken,audio/broken.mp3,,rock,en,rock\n"
                + "cut,audio/cut.wav,,rock,en,rock\n", StandardOpenOption.APPEND);
        out = dir.resolve("results");
        ExperimentConfig easy = new Overrides(null, null, null, 40, null, null, 2)
                .applyTo(Preset.EASY.config()).resolved().validate();
        RecordedWarnings recording = new RecordedWarnings();
        outcome = ExperimentRunner.run(new RunRequest(List.of(easy), demo, out, null), recording);
        warnings.addAll(recording.warnings);
    }

    @Test
    void writesEveryFileWithTheDocumentedColumns() throws Exception {
        Path easy = out.resolve("easy");
        List<List<String>> results = Csv.read(easy.resolve(RunWriter.RESULTS_FILE));
        assertEquals(RunWriter.RESULT_COLUMNS, results.get(0).subList(0, RunWriter.RESULT_COLUMNS.size()));
        assertTrue(results.get(0).subList(RunWriter.RESULT_COLUMNS.size(), results.get(0).size()).contains("k"),
                "each K-Means parameter a column of its own: " + results.get(0));
        int kFromLabels = RunWriter.RESULT_COLUMNS.indexOf("k_from_labels");
        assertEquals(List.of("mlp_vae", "pca", "raw_mfcc"), results.subList(1, results.size()).stream()
                .filter(r -> r.get(kFromLabels).equals("false")).map(r -> r.get(1)).toList(),
                "one run per representation with k from the data");

        List<List<String>> assignments = Csv.read(easy.resolve(RunWriter.ASSIGNMENTS_FILE));
        assertEquals(RunWriter.ASSIGNMENT_LEAD_COLUMNS, assignments.get(0).subList(0, 3));
        assertEquals(32, assignments.size(), "30 demo tracks, the truncated one and the header");

        List<List<String>> history = Csv.read(easy.resolve(RunWriter.HISTORY_FILE));
        assertEquals(RunWriter.HISTORY_COLUMNS, history.get(0));
        assertTrue(history.size() > 10, "one row per epoch");
        List<String> last = history.get(history.size() - 1);
        assertTrue(Double.parseDouble(last.get(5)) > 0, "KL of the last epoch is positive: " + last);

        JsonNode run = new ObjectMapper().readTree(easy.resolve(RunWriter.RUN_FILE).toFile());
        assertEquals("easy", run.get("task").asText());
        assertTrue(run.get("versions").size() > 0 && run.get("stage_seconds").has("representations"));

        for (String plot : List.of("training_mlp_vae.png", "metrics.png")) {
            assertTrue(Files.size(easy.resolve("plots").resolve(plot)) > 1000, plot);
        }
        List<String> plots;
        try (var files = Files.list(easy.resolve("plots"))) {
            plots = files.map(p -> p.getFileName().toString()).toList();
        }
        for (String rep : List.of("mlp_vae", "pca", "raw_mfcc")) {
            for (String colour : List.of("clusters", "languages")) {
                assertTrue(plots.stream().anyMatch(p -> p.startsWith("map_" + rep) && p.endsWith(colour + ".png")),
                        "a map of " + rep + " coloured by " + colour + " in " + plots);
            }
        }
        assertEquals(31, Files.readAllLines(easy.resolve("representations/track_ids.txt")).size());
        assertTrue(Files.exists(out.resolve("report.html")));
    }

    @Test
    void pcaKMeansFindsTheDemoGenresClearlyBetterThanChance() throws Exception {
        List<String> pca = Csv.read(out.resolve("easy").resolve(RunWriter.RESULTS_FILE)).stream()
                .filter(r -> r.get(1).equals("pca")).max(java.util.Comparator.comparingDouble(
                        r -> Double.parseDouble(r.get(RunWriter.RESULT_COLUMNS.indexOf("ari"))))).orElseThrow();
        double ari = Double.parseDouble(pca.get(RunWriter.RESULT_COLUMNS.indexOf("ari")));
        assertTrue(ari > 0.3, "PCA + K-Means ARI on the demo: " + ari);
        assertEquals("false", pca.get(RunWriter.RESULT_COLUMNS.indexOf("labels_used_as_input")));
    }

    @Test
    void recommendsOneLabelFreeClusteringAndWritesItsRecord() throws Exception {
        Path easy = out.resolve("easy");
        List<List<String>> results = Csv.read(easy.resolve(RunWriter.RESULTS_FILE));
        int recommended = RunWriter.RESULT_COLUMNS.indexOf("recommended");
        List<List<String>> chosen = results.subList(1, results.size()).stream()
                .filter(r -> r.get(recommended).equals("true")).toList();
        assertEquals(1, chosen.size(), "exactly one recommended row per task");
        assertEquals("false", chosen.get(0).get(RunWriter.RESULT_COLUMNS.indexOf("labels_used_as_input")));
        assertEquals("false", chosen.get(0).get(RunWriter.RESULT_COLUMNS.indexOf("k_from_labels")));

        Recommendation overall = Recommendation.read(out.resolve(Recommendation.FILE));
        Recommendation task = Recommendation.read(easy.resolve(Recommendation.FILE));
        assertEquals("easy", overall.task());
        assertEquals(task.column(), overall.column());
        assertEquals(List.of(task), overall.perTask());
        assertEquals(chosen.get(0).get(1), overall.representation());
        assertTrue(overall.evidence().stability() >= -1 && overall.evidence().coverage() > 0, overall.toString());
        assertTrue(Double.isFinite(overall.evidence().stabilityNullComponents())
                && Double.isFinite(overall.evidence().scoreAcrossTasks()), overall.toString());
        assertTrue(overall.reference() != null && Double.isFinite(overall.reference().ari()));
        assertTrue(Files.isRegularFile(out.resolve(overall.representationFile())), overall.representationFile());
        assertTrue(overall.rule().startsWith("Chosen without labels"), overall.rule());

        List<List<String>> assignments = Csv.read(easy.resolve(RunWriter.ASSIGNMENTS_FILE));
        int column = assignments.get(0).indexOf(overall.column());
        assertTrue(column > 0, overall.column() + " in " + assignments.get(0));
        List<List<String>> recommendedCsv = Csv.read(out.resolve(Recommendation.ASSIGNMENTS_FILE));
        assertEquals(List.of("track_id", "cluster"), recommendedCsv.get(0));
        assertEquals(assignments.stream().skip(1).map(r -> List.of(r.get(0), r.get(column))).toList(),
                recommendedCsv.subList(1, recommendedCsv.size()));
    }

    @Test
    void theBrokenFileIsSkippedWithItsNameAndTheRunCompletes() throws Exception {
        assertTrue(outcome.failures().isEmpty());
        TrackRow broken = FeatureStore.at(FeatureStore.defaultDir(dir.resolve("demo"))).tracks().stream()
                .filter(t -> t.id().equals("broken")).findFirst().orElseThrow();
        assertFalse(broken.ok());
        assertFalse(broken.reason().isBlank());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("broken.mp3") && w.contains(broken.reason())),
                warnings.toString());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("broken.mp3"), "the report names the skipped file");
    }

    @Test
    void aTruncatedFileIsUsedAndTheReportListsItWithBothLengths() throws Exception {
        String lengths = "audio/cut.wav: truncated: the header declares 3.000 s of audio but the file holds 2.000 s";
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("1 truncated track(s) were used") && html.contains("cut (" + lengths + ")"), html);
        // gaan report rebuilds the page from the store's tracks.csv and lists it the same way.
        Path copy = dir.resolve("rebuilt");
        try (var files = Files.walk(out)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(out.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals(".gaan.lock")) {
                    Files.copy(p, target);
                }
            }
        }
        String rebuilt = Files.readString(ReportRebuild.write(copy));
        assertTrue(rebuilt.contains("1 truncated track(s) were used") && rebuilt.contains("cut (" + lengths + ")"),
                rebuilt);
    }

    @Test
    void runJsonReproducesTheRunFileForFile() throws Exception {
        Path easy = out.resolve("easy");
        ExperimentConfig again = ConfigLoader.read(easy.resolve(RunWriter.RUN_FILE)).get(0).resolved().validate();
        Path out2 = dir.resolve("again");
        ExperimentRunner.run(new RunRequest(List.of(again), dir.resolve("demo"), out2, null), Progress.QUIET);
        for (String file : List.of(RunWriter.RESULTS_FILE, RunWriter.ASSIGNMENTS_FILE)) {
            assertEquals(Files.readAllLines(easy.resolve(file)), Files.readAllLines(out2.resolve("easy").resolve(file)),
                    file + " differs between a run and its repetition from run.json");
        }
        int seconds = RunWriter.HISTORY_COLUMNS.indexOf("seconds");
        assertEquals(withoutColumn(Csv.read(easy.resolve(RunWriter.HISTORY_FILE)), seconds),
                withoutColumn(Csv.read(out2.resolve("easy").resolve(RunWriter.HISTORY_FILE)), seconds),
                "the training history (timings aside) repeats exactly");
    }

    private static List<List<String>> withoutColumn(List<List<String>> rows, int column) {
        return rows.stream().map(r -> {
            List<String> copy = new java.util.ArrayList<>(r);
            copy.remove(column);
            return (List<String>) copy;
        }).toList();
    }
}
