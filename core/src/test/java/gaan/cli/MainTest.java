package gaan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class MainTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int gaan(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void everyCommandHasHelpDescribingItsOptions() {
        assertEquals(0, gaan("--help"));
        for (String command : new String[] {"run", "demo", "features", "train", "cluster", "report", "eda"}) {
            assertTrue(out.toString().contains(command), "root help lists " + command);
        }
        String[][] options = {
            {"run", "--task", "--config", "--collection", "--out", "--latent", "--beta", "--k", "--epochs",
                "--batch-size", "--seeds", "--threads", "--print-config"},
            {"train", "--model", "--inputs", "--condition", "--latent", "--beta", "--out"},
            {"cluster", "--algorithm", "--k", "--eps", "--min-samples", "--labels", "--out"},
            {"eda", "--out", "--store"},
            {"report"},
        };
        for (String[] command : options) {
            out.getBuffer().setLength(0);
            assertEquals(0, gaan(command[0], "--help"), command[0]);
            for (int i = 1; i < command.length; i++) {
                assertTrue(out.toString().contains(command[i]), command[0] + " --help names " + command[i]);
            }
        }
    }

    @Test
    void badUsageExitsWithTwoAndNamesTheProblem() {
        assertEquals(2, gaan("run", "--bogus"));
        assertTrue(err.toString().contains("--bogus"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, gaan("run", "--task", "easy", "--k", "1", "--print-config"));
        assertTrue(err.toString().contains("k must be at least 2"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, gaan("run", "--task", "extreme", "--print-config"));
        assertTrue(err.toString().contains("unknown task 'extreme'"), err.toString());
    }

    @Test
    void printConfigShowsTheResolvedPresetAsYamlThatLoadsBack() throws Exception {
        assertEquals(0, gaan("run", "--task", "hard", "--seeds", "4,5", "--print-config"));
        Path yaml = dir.resolve("hard.yaml");
        Files.writeString(yaml, out.toString());
        var configs = gaan.config.ConfigLoader.read(yaml);
        assertEquals(java.util.List.of(4L, 5L), configs.get(0).seeds());
    }

    @Test
    void failuresExitWithOne() {
        assertEquals(2, gaan("report", dir.toString()), "a folder without runs is a usage error");
        assertTrue(err.toString().contains("run.json"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(1, gaan("run", "--task", "easy", "--collection", dir.resolve("missing").toString()));
        assertTrue(err.toString().contains("missing"), err.toString());
    }

    @Test
    void clusterRunsSpectralWithKFromTheDataOrForced() {
        String x = gaan.testutil.Fixtures.cluster("X.npy").toString();
        assertEquals(0, gaan("cluster", x, "--algorithm", "spectral", "--threads", "2", "--out",
                dir.resolve("auto").toString()));
        var rows = gaan.report.RunReader.readResults(dir.resolve("auto").resolve(gaan.report.RunWriter.RESULTS_FILE));
        assertEquals(1, rows.size());
        assertEquals("spectral", rows.get(0).algorithm());
        assertEquals("k=6 n_neighbors=10", rows.get(0).params());
        assertTrue(rows.get(0).note().contains("k=6 from the data (highest modularity"), rows.get(0).note());
        assertEquals(0, gaan("cluster", x, "--algorithm", "spectral", "--k", "4", "--n-neighbors", "15", "--threads",
                "2", "--out", dir.resolve("forced").toString()));
        rows = gaan.report.RunReader.readResults(dir.resolve("forced").resolve(gaan.report.RunWriter.RESULTS_FILE));
        assertEquals("k=4 n_neighbors=15", rows.get(0).params());
    }

    @Test
    void printConfigReachesTheTerminalBeforeTheProcessExits() {
        // Like picocli's default: an auto-flushing writer over a buffered stream, never closed (Main exits).
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(bytes,
                java.nio.charset.StandardCharsets.UTF_8)), true));
        assertEquals(0, cl.execute("run", "--task", "easy", "--print-config"));
        assertTrue(bytes.toString(java.nio.charset.StandardCharsets.UTF_8).contains("task: easy"), bytes.toString());
    }

    @Test
    void versionIsPrintedBySubcommandsToo() {
        assertEquals(0, gaan("run", "--version"));
        assertTrue(out.toString().startsWith("gaan "), out.toString());
    }

    @Test
    void aKAboveTheTracksIsAFailureWithItsReason() throws Exception {
        Path demo = dir.resolve("demo");
        gaan.data.DemoCorpus.write(demo, new gaan.data.DemoCorpus.Options(6, 1.0, 2, 1));
        assertEquals(1, gaan("run", "--task", "easy", "--collection", demo.toString(), "--out",
                dir.resolve("out").toString(), "--k", "50", "--epochs", "1", "--threads", "2"));
        assertTrue(err.toString().contains("k must be at most 5"), err.toString());
    }

    /** {@code gaan run} of a one-task YAML with raw MFCCs and {@code clustering} on a 6-track demo. */
    private int runSixTracks(String task, String clustering) throws Exception {
        Path demo = dir.resolve("demo");
        gaan.data.DemoCorpus.write(demo, new gaan.data.DemoCorpus.Options(6, 1.0, 2, 1));
        Path yaml = Files.writeString(dir.resolve(task + ".yaml"), "task: " + task + "\n"
                + "representations: [{name: raw_mfcc, kind: raw, inputs: [mfcc]}]\n"
                + "clustering: [" + clustering + "]\n");
        return gaan("run", "--config", yaml.toString(), "--collection", demo.toString(), "--out",
                dir.resolve("out").toString(), "--threads", "2");
    }

    @Test
    void aRunInWhichNoClusteringRanIsAFailure() throws Exception {
        assertEquals(1, runSixTracks("big_k", "{algorithm: kmeans, k: [40, 50]}"));
        assertTrue(err.toString().contains("no clustering ran; kmeans: k above 5"), err.toString());
    }

    /** Unlike the two above, clusterings ran here, and every one failed while fitting. */
    @Test
    void aRunInWhichEveryClusteringFailedIsAFailureWithTheReason() throws Exception {
        assertEquals(1, runSixTracks("dense", "{algorithm: hdbscan, minClusterSize: [2], minSamples: [10]}"));
        assertTrue(err.toString().contains("every clustering failed, e.g. raw_mfcc hdbscan: failed: HDBSCAN with"
                + " minSamples=10 needs at least that many points, got 6"), err.toString());
        var rows = gaan.report.RunReader.readResults(dir.resolve("out/dense").resolve(gaan.report.RunWriter.RESULTS_FILE));
        assertEquals(1, rows.size(), "the failed clustering is written with its reason");
    }

    @Test
    void printConfigShowsTheAudioLimitsAndTheFoldersAllowedOutside() {
        assertEquals(0, gaan("run", "--task", "easy", "--allow-outside", "/data/shared", "--print-config"));
        String yaml = out.toString();
        assertTrue(yaml.contains("minSeconds: 1.0") && yaml.contains("maxAudioBytes: 2147483648")
                && yaml.contains("allowOutside:\n  - /data/shared"), yaml);
    }

    @Test
    void aConfigsAllowOutsideLetsTracksOutsideTheCollectionIn() throws Exception {
        Path demo = dir.resolve("demo");
        gaan.data.DemoCorpus.write(demo, new gaan.data.DemoCorpus.Options(6, 1.0, 2, 1));
        Path shared = Files.createDirectories(dir.resolve("shared"));
        String first = "track_000";
        Files.move(demo.resolve("audio/" + first + ".wav"), shared.resolve(first + ".wav"));
        Path csv = demo.resolve("tracks.csv");
        Files.writeString(csv, Files.readString(csv).replace("audio/" + first + ".wav",
                shared.resolve(first + ".wav").toString()));
        Path yaml = Files.writeString(dir.resolve("outside.yaml"), "task: outside\n"
                + "representations: [{name: raw_mfcc, kind: raw, inputs: [mfcc]}]\n"
                + "clustering: [{algorithm: kmeans, k: [2]}]\n"
                + "features: {allowOutside: ['" + shared + "']}\n");
        Path store = dir.resolve("store");
        assertEquals(0, gaan("run", "--config", yaml.toString(), "--collection", demo.toString(), "--out",
                dir.resolve("out").toString(), "--store", store.toString(), "--threads", "2"), err.toString());
        var row = gaan.features.FeatureStore.at(store).tracks().get(0);
        assertEquals(first, row.id());
        assertTrue(row.ok(), row.toString());
    }
}
