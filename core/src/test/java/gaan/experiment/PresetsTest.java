package gaan.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gaan.config.ExperimentConfig;
import gaan.config.Overrides;
import gaan.config.Preset;
import gaan.config.RunRequest;
import gaan.data.DemoCorpus;
import gaan.report.RunWriter;

/** Medium and Hard end to end on a small demo, with few epochs: files, leakage flags, seed summaries. */
class PresetsTest {
    @TempDir
    static Path dir;
    static Path out;
    static ExperimentRunner.Outcome outcome;

    @BeforeAll
    static void runMediumAndHard() throws Exception {
        Path demo = dir.resolve("demo");
        DemoCorpus.write(demo, new DemoCorpus.Options(24, 3.0, 6, 11));
        out = dir.resolve("results");
        Overrides quick = new Overrides(null, null, null, 3, null, List.of(1L, 2L), 2);
        List<ExperimentConfig> tasks = List.of(quick.applyTo(Preset.MEDIUM.config()).resolved().validate(),
                quick.applyTo(Preset.HARD.config()).resolved().validate());
        outcome = ExperimentRunner.run(new RunRequest(tasks, demo, out, null), Progress.QUIET);
    }

    private static List<Map<String, String>> results(String task) throws Exception {
        List<List<String>> rows = Csv.read(out.resolve(task).resolve(RunWriter.RESULTS_FILE));
        List<String> header = rows.get(0);
        assertEquals(RunWriter.RESULT_COLUMNS, header.subList(0, RunWriter.RESULT_COLUMNS.size()),
                "the documented columns first, then one per clustering parameter");
        return rows.subList(1, rows.size()).stream().map(r -> {
            Map<String, String> m = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), r.get(i));
            }
            return m;
        }).toList();
    }

    @Test
    void bothPresetsCompleteAndWriteEveryFile() throws Exception {
        assertTrue(outcome.failures().isEmpty(), outcome.failures().toString());
        for (String task : List.of("medium", "hard")) {
            for (String f : List.of(RunWriter.RESULTS_FILE, RunWriter.ASSIGNMENTS_FILE, RunWriter.HISTORY_FILE,
                    RunWriter.RUN_FILE, RunWriter.SUMMARY_FILE)) {
                assertTrue(Files.size(out.resolve(task).resolve(f)) > 0, task + "/" + f);
            }
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("medium") && html.contains("hard"));
    }

    @Test
    void mediumSweepsLatentSizeKAndDbscanOnTracksWithLyrics() throws Exception {
        List<Map<String, String>> rows = results("medium");
        assertTrue(rows.stream().map(r -> r.get("representation")).collect(Collectors.toSet())
                .containsAll(List.of("conv_vae", "conv_vae_small", "hybrid", "pca_logmel", "raw_logmel", "pca_mfcc",
                        "raw_mfcc")));
        assertEquals(8, rows.stream().filter(r -> r.get("representation").equals("hybrid")
                && r.get("algorithm").equals("kmeans") && r.get("seed").equals("1")).count(), "k = 3..10");
        assertTrue(rows.stream().anyMatch(r -> r.get("algorithm").equals("dbscan") && !r.get("coverage").isEmpty()));
        long selectedPerSweep = rows.stream().filter(r -> r.get("representation").equals("hybrid")
                && r.get("algorithm").equals("kmeans") && r.get("seed").equals("1")
                && r.get("selected").equals("true")).count();
        assertEquals(1, selectedPerSweep);
        int withLyrics = (int) Files.list(dir.resolve("demo/lyrics")).count();
        assertEquals(withLyrics + 1, Csv.read(out.resolve("medium").resolve(RunWriter.ASSIGNMENTS_FILE)).size(),
                "medium excludes tracks without lyrics, so every row compares the same tracks");
    }

    @Test
    void leakageFlagIsSetOnLabelFedRowsOnly() throws Exception {
        Map<String, Boolean> flag = results("hard").stream().collect(Collectors.toMap(r -> r.get("representation"),
                r -> Boolean.parseBoolean(r.get("labels_used_as_input")), (a, b) -> a));
        assertTrue(flag.get("cvae"), "the CVAE is conditioned on genre");
        assertTrue(flag.get("multimodal"), "the multimodal VAE reads the genre block");
        assertFalse(flag.get("multimodal_audio_lyrics"));
        assertFalse(flag.get("pca_mfcc"));
        assertFalse(flag.get("beta_vae_b4"));
    }

    @Test
    void hardSummarisesEveryMethodOverSeeds() throws Exception {
        List<List<String>> summary = Csv.read(out.resolve("hard").resolve(RunWriter.SUMMARY_FILE));
        assertEquals(RunWriter.SUMMARY_COLUMNS, summary.get(0));
        List<String> pcaKmeans = summary.stream().filter(r -> r.get(1).equals("pca_mfcc") && r.get(4).equals("kmeans"))
                .findFirst().orElseThrow();
        assertEquals("2", pcaKmeans.get(RunWriter.SUMMARY_COLUMNS.indexOf("seeds")), "two seeds");
        assertFalse(pcaKmeans.get(RunWriter.SUMMARY_COLUMNS.indexOf("ari_mean")).isEmpty());
    }
}
