package gaan.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gaan.config.ConfigException;
import gaan.config.ExperimentConfig;
import gaan.config.FeatureSettings;
import gaan.config.Overrides;
import gaan.config.Preset;
import gaan.config.RunRequest;
import gaan.data.CollectionException;
import gaan.data.DemoCorpus;
import gaan.data.OwnedFolder;
import gaan.features.FeatureStoreException;
import gaan.report.RunWriter;

/** gaan deletes and replaces only what it wrote, never runs two writers on one folder, and moves a run in when done. */
class OwnFilesTest {
    @TempDir
    Path dir;
    Path collection;
    Path out;

    @BeforeEach
    void smallDemo() throws Exception {
        collection = dir.resolve("demo");
        DemoCorpus.write(collection, new DemoCorpus.Options(8, 1.0, 2, 3));
        out = dir.resolve("results");
    }

    static ExperimentConfig easy(String name) {
        ExperimentConfig c = Preset.EASY.config();
        c = new ExperimentConfig(name, c.seeds(), c.threads(), c.k(), c.minCoverage(), c.features(), c.training(),
                c.representations(), c.clustering());
        return new Overrides(null, null, null, 1, null, null, 2).applyTo(c).resolved().validate();
    }

    private ExperimentRunner.Outcome run(Progress progress, ExperimentConfig... tasks) {
        return ExperimentRunner.run(new RunRequest(List.of(tasks), collection, out, null), progress);
    }

    @Test
    void userFilesInsideATaskFolderSurviveARerun() throws Exception {
        run(Progress.QUIET, easy("easy"));
        Path mine = Files.writeString(out.resolve("easy/plots/my_figure.png"), "mine");
        Path notes = Files.writeString(out.resolve("easy/models/notes.txt"), "mine");
        run(Progress.QUIET, easy("easy"));
        assertEquals("mine", Files.readString(mine));
        assertEquals("mine", Files.readString(notes));
        assertTrue(Files.isRegularFile(out.resolve("easy").resolve(RunWriter.RESULTS_FILE)));
    }

    @Test
    void aRunKilledMidwayLeavesThePreviousResultsWhole() throws Exception {
        run(Progress.QUIET, easy("easy"));
        List<Path> before = files(out.resolve("easy"));
        assertTrue(before.stream().anyMatch(p -> p.toString().contains("models")), before.toString());
        assertThrows(KilledForTest.class, () -> run(killedAt("mlp_vae seed 1"), easy("easy")));
        assertEquals(before, files(out.resolve("easy")));
        try (Stream<Path> s = Files.list(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".gaan-staging")), "staging removed");
        }
    }

    /** Progress that kills the run (throws {@link KilledForTest}) at the first message containing {@code text}. */
    private static Progress killedAt(String text) {
        return new Progress() {
            @Override
            public void info(String message) {
                if (message.contains(text)) {
                    throw new KilledForTest();
                }
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public Tracker start(String label, long total) {
                return Progress.QUIET.start(label, total);
            }
        };
    }

    /** An Error, as a kill: no layer catches it. */
    private static final class KilledForTest extends Error {
    }

    @Test
    void aOneTaskRerunKeepsTheOtherTasksOnThePageAndInTheRecommendation() throws Exception {
        run(Progress.QUIET, easy("a"), easy("b"));
        List<Path> bFiles = files(out.resolve("b"));
        String bResults = Files.readString(out.resolve("b").resolve(RunWriter.RESULTS_FILE));
        String aResults = Files.readString(out.resolve("a").resolve(RunWriter.RESULTS_FILE));

        ExperimentConfig secondSeed = new Overrides(null, null, null, 1, null, List.of(2L), 2).applyTo(easy("a"))
                .resolved().validate();
        run(Progress.QUIET, secondSeed);

        assertEquals(bFiles, files(out.resolve("b")), "b's folder is left as it was");
        assertEquals(bResults, Files.readString(out.resolve("b").resolve(RunWriter.RESULTS_FILE)));
        assertFalse(aResults.equals(Files.readString(out.resolve("a").resolve(RunWriter.RESULTS_FILE))), "a re-ran");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<section id=\"task-a\">") && html.contains("<section id=\"task-b\">"), html);
        String b = html.substring(html.indexOf("<section id=\"task-b\">"));
        String a = html.substring(html.indexOf("<section id=\"task-a\">"), html.indexOf("<section id=\"task-b\">"));
        assertTrue(a.contains(":s2</h3>") && !a.contains(":s1</h3>"), "a's clusters are the re-run's (seed 2)");
        assertTrue(b.contains(":s1</h3>"), "b's clusters are the first run's");
        assertTrue(b.contains("src=\"b/plots/"), "b's plots are shown");
        for (String link : relativeLinks(html)) {
            assertTrue(Files.exists(out.resolve(java.net.URLDecoder.decode(link, java.nio.charset.StandardCharsets.UTF_8))),
                    "the page links to a file that is there: " + link);
        }
        var rec = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("recommendation.json").toFile());
        List<String> perTask = new java.util.ArrayList<>();
        rec.path("per_task").forEach(t -> perTask.add(t.path("task").asText() + " s" + t.path("seed").asInt()));
        assertEquals(List.of("a s2", "b s1"), perTask);
    }

    @Test
    void embeddedExcerptsPlayFromTheResultsFolderWhereverItGoes() throws Exception {
        ExperimentRunner.run(new RunRequest(List.of(easy("easy")), collection, out, null, List.of(), true),
                Progress.QUIET);
        List<Path> excerpts = files(out.resolve("audio"));
        assertEquals(8, excerpts.size(), excerpts.toString());
        for (Path p : excerpts) {
            assertEquals(1.0, new gaan.audio.AudioDecoder(22050).decode(p).length / 22050.0, 0.1, "the 1 s track whole: " + p);
        }
        assertTrue(Files.readAllLines(out.resolve(OwnedFolder.MANIFEST)).contains("audio/" + excerpts.get(0).getFileName()));

        Path moved = dir.resolve("elsewhere/results");
        Files.createDirectories(moved.getParent());
        Files.move(out, moved);
        try (Stream<Path> s = Files.walk(collection)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        String html = Files.readString(moved.resolve("report.html"));
        assertTrue(html.contains("<audio controls preload=\"none\" src=\"audio/track_000."), "players play excerpts");
        List<String> links = relativeLinks(html);
        assertTrue(links.stream().filter(l -> l.contains("track_0")).allMatch(l -> l.startsWith("audio/")), links.toString());
        for (String link : links) {
            assertTrue(Files.exists(moved.resolve(java.net.URLDecoder.decode(link, java.nio.charset.StandardCharsets.UTF_8))),
                    "the moved page links to a file that is there: " + link);
        }
    }

    @Test
    void gaanReportEmbedsExcerptsAndLeavesAUsersFilesAlone() throws Exception {
        run(Progress.QUIET, easy("easy"));
        Path mine = Files.writeString(Files.createDirectories(out.resolve("audio")).resolve("mine.txt"), "mine");
        ConfigException e = assertThrows(ConfigException.class, () -> ReportRebuild.write(out, true, 2, Progress.QUIET));
        assertTrue(e.getMessage().contains("audio was not written by gaan"), e.getMessage());
        Files.delete(mine);

        ReportRebuild.write(out, true, 2, Progress.QUIET);
        assertEquals(8, files(out.resolve("audio")).size());
        assertTrue(Files.readString(out.resolve("report.html")).contains("src=\"audio/track_000.mp3\""));
        Files.writeString(mine, "mine");
        ReportRebuild.write(out, true, 2, Progress.QUIET);
        assertEquals("mine", Files.readString(mine));
        assertEquals(9, files(out.resolve("audio")).size());
    }

    @Test
    void excerptsAnEarlierRunWroteArePlayedWithoutTheOptionUntilTheirTrackChanges() throws Exception {
        ExperimentRunner.run(new RunRequest(List.of(easy("easy")), collection, out, null, List.of(), true),
                Progress.QUIET);
        ReportRebuild.write(out);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("src=\"audio/track_000.mp3\"") && !html.contains("demo/audio/track_000.wav"),
                "gaan report without the option plays the excerpts gaan wrote");

        // A track whose file changed after its excerpt was cut links the file itself.
        Files.setLastModifiedTime(collection.resolve("audio/track_001.wav"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 3_600_000));
        ReportRebuild.write(out);
        html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("demo/audio/track_001.wav") && !html.contains("\"audio/track_001.mp3\""),
                "a stale excerpt is not played");
        assertTrue(html.contains("src=\"audio/track_000.mp3\""));

        // gaan run without the option leaves the excerpts where they are and its page plays them too.
        run(Progress.QUIET, easy("easy"));
        assertEquals(8, files(out.resolve("audio")).size());
        assertTrue(Files.readString(out.resolve("report.html")).contains("src=\"audio/track_000.mp3\""));
    }

    @Test
    void excerptsAreEncodedSideBySideWithTheSameBytesAndABadTrackLosesOnlyItsOwn() throws Exception {
        run(Progress.QUIET, easy("easy"));
        Files.copy(gaan.testutil.Fixtures.audio("not_audio.mp3"), collection.resolve("audio/track_003.wav"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        RecordedWarnings recording = new RecordedWarnings();
        List<String> warnings = recording.warnings;
        ReportRebuild.write(out, true, 1, recording);
        java.util.Map<Path, String> serial = new java.util.TreeMap<>();
        for (Path p : files(out.resolve("audio"))) {
            serial.put(out.relativize(p), java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
            Files.delete(p);
        }
        ReportRebuild.write(out, true, 2, recording);
        java.util.Map<Path, String> parallel = new java.util.TreeMap<>();
        for (Path p : files(out.resolve("audio"))) {
            parallel.put(out.relativize(p), java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
        }
        assertEquals(7, serial.size(), serial.keySet().toString());
        assertFalse(serial.containsKey(Path.of("audio/track_003.mp3")));
        assertEquals(serial, parallel, "the same files, byte for byte, on 1 and 2 threads");
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().allMatch(w -> w.startsWith("no excerpt of track 'track_003'")
                && w.contains("track_003.wav")), warnings.toString());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("demo/audio/track_003.wav") && html.contains("src=\"audio/track_004.mp3\""));
    }

    /** The {@code src} and {@code href} values of a page that point to files (not anchors), as written. */
    static List<String> relativeLinks(String html) {
        List<String> links = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:src|href)=\"([^\"#][^\"]*)\"").matcher(html);
        while (m.find()) {
            links.add(m.group(1).replace("&amp;", "&"));
        }
        java.util.regex.Matcher audio = java.util.regex.Pattern.compile("\"audio\":\\[([^\\]]*)\\]").matcher(html);
        if (audio.find()) {
            for (String v : audio.group(1).split(",")) {
                if (!v.equals("null")) {
                    links.add(v.substring(1, v.length() - 1));
                }
            }
        }
        assertFalse(links.isEmpty(), "the page links to files");
        return links;
    }

    @Test
    void aTaskFolderGaanDidNotWriteIsRefusedBeforeAnyWork() throws Exception {
        Path theirs = Files.createDirectories(out.resolve("easy"));
        Files.writeString(theirs.resolve("thesis.tex"), "mine");
        ConfigException e = assertThrows(ConfigException.class, () -> run(Progress.QUIET, easy("easy")));
        assertTrue(e.getMessage().contains("was not written by gaan"), e.getMessage());
        assertFalse(Files.exists(collection.resolve(".gaan")), "no feature extracted");
        assertEquals(List.of(theirs.resolve("thesis.tex")), files(theirs));
    }

    @Test
    void theFolderGaanEdaWroteIsGaansToReplace() throws Exception {
        int code = gaan.cli.Main.commandLine().execute("eda", collection.toString(), "--out",
                out.resolve("eda").toString(), "--threads", "2");
        assertEquals(0, code);
        Path summary = out.resolve("eda/eda_summary.csv");
        Files.writeString(summary, "stale");
        run(Progress.QUIET, easy("easy"));
        assertTrue(Files.readString(summary).startsWith("statistic,"), "the run's EDA replaced gaan eda's");
    }

    @Test
    void taskNamesArePlainUniqueFolderNames() {
        for (String bad : List.of("..", ".", ".hidden", "a/b", "eda")) {
            assertThrows(ConfigException.class, () -> easy(bad), bad);
        }
        ConfigException e = assertThrows(ConfigException.class, () -> run(Progress.QUIET, easy("t"), easy("t")));
        assertTrue(e.getMessage().contains("used twice"), e.getMessage());
    }

    @Test
    void aSecondWriterIsStoppedWithTheHoldersPid() {
        try (OwnedFolder held = OwnedFolder.lock(out, "results folder")) {
            CollectionException e = assertThrows(CollectionException.class, () -> run(Progress.QUIET, easy("easy")));
            assertTrue(e.getMessage().contains("PID " + ProcessHandle.current().pid()), e.getMessage());
        }
        try (OwnedFolder held = OwnedFolder.lock(collection.resolve(".gaan/features"), "feature store")) {
            CollectionException e = assertThrows(CollectionException.class, () -> run(Progress.QUIET, easy("easy")));
            assertTrue(e.getMessage().contains("feature store"), e.getMessage());
        }
    }

    @Test
    void theStoreNeverSitsOverTheCollectionOrTheResults() throws Exception {
        String tracks = Files.readString(collection.resolve("tracks.csv"));
        assertThrows(CollectionException.class, () -> ExperimentRunner.run(new RunRequest(List.of(easy("easy")),
                collection, out, collection), Progress.QUIET));
        assertThrows(CollectionException.class, () -> ExperimentRunner.run(new RunRequest(List.of(easy("easy")),
                collection, collection, null), Progress.QUIET));
        assertThrows(CollectionException.class, () -> ExperimentRunner.run(new RunRequest(List.of(easy("easy")),
                collection, out, out.resolve("store")), Progress.QUIET));
        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("tracks.csv"), "id,audio\n");
        assertThrows(FeatureStoreException.class, () -> ExperimentRunner.run(new RunRequest(List.of(easy("easy")),
                collection, out, foreign), Progress.QUIET));
        assertEquals("id,audio\n", Files.readString(foreign.resolve("tracks.csv")));
        assertEquals(tracks, Files.readString(collection.resolve("tracks.csv")));
    }

    @Test
    void theFeatureCacheKeepsFilesGaanDidNotWrite() throws Exception {
        Path store = collection.resolve(".gaan/features");
        prepare(store);
        Path mine = Files.writeString(store.resolve("cache/README.txt"), "mine");
        prepare(store);
        assertEquals("mine", Files.readString(mine));
    }

    @Test
    void aStoreRewriteCutShortIsRefusedRatherThanReadMisaligned() throws Exception {
        Path store = collection.resolve(".gaan/features");
        prepare(store, Progress.QUIET);
        // The first track gets an id that sorts last: every row moves up by one.
        Path csv = collection.resolve("tracks.csv");
        Files.writeString(csv, Files.readString(csv).replace("track_000,", "zzz,"));
        assertThrows(KilledForTest.class, () -> prepare(store, killedAt("features: ")));
        gaan.features.FeatureStore fs = gaan.features.FeatureStore.at(store);
        FeatureStoreException e = assertThrows(FeatureStoreException.class,
                () -> fs.matrix(gaan.features.FeatureStore.LYRICS_EMBEDDING));
        assertTrue(e.getMessage().contains("was being rewritten"), e.getMessage());
        prepare(store, Progress.QUIET);
        assertEquals(8, fs.matrix(gaan.features.FeatureStore.LYRICS_EMBEDDING).length);
        assertEquals("zzz", fs.tracks().get(7).id());
    }

    private void prepare(Path store) {
        prepare(store, Progress.QUIET);
    }

    private void prepare(Path store, Progress progress) {
        FeaturePipeline.prepare(collection, store, FeatureSettings.DEFAULTS, 1, 2, progress);
    }

    @Test
    void resultsAreWrittenWithTheUsersUmaskNotOwnerOnly() throws Exception {
        run(Progress.QUIET, easy("easy"));
        Set<PosixFilePermission> umask = Files.getPosixFilePermissions(Files.createFile(dir.resolve("reference")));
        for (Path p : List.of(out.resolve("easy").resolve(RunWriter.RESULTS_FILE),
                out.resolve("easy").resolve(RunWriter.RUN_FILE), out.resolve("report.html"))) {
            assertEquals(umask, Files.getPosixFilePermissions(p), p.toString());
        }
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static int gaan(java.io.StringWriter err, String... args) {
        picocli.CommandLine cl = gaan.cli.Main.commandLine();
        cl.setOut(new java.io.PrintWriter(new java.io.StringWriter(), true));
        cl.setErr(new java.io.PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void trainOutputIsLockedAndKeepsFilesGaanDidNotWrite() throws Exception {
        Path trained = dir.resolve("trained");
        String[] train = {"train", collection.toString(), "--epochs", "1", "--threads", "2", "--out", trained.toString()};
        java.io.StringWriter err = new java.io.StringWriter();
        assertEquals(0, gaan(err, train), err.toString());
        List<String> manifest = Files.readAllLines(trained.resolve(OwnedFolder.MANIFEST));
        assertTrue(manifest.containsAll(List.of("latent.npy", "track_ids.txt", "vae_training_history.csv")),
                manifest.toString());
        Path notes = Files.writeString(trained.resolve("notes.txt"), "mine");
        Path model = Files.writeString(trained.resolve("models/my_model.txt"), "mine");
        byte[] latent = Files.readAllBytes(trained.resolve("latent.npy"));
        assertEquals(0, gaan(err, train), err.toString());
        assertEquals("mine", Files.readString(notes));
        assertEquals("mine", Files.readString(model));
        assertTrue(java.util.Arrays.equals(latent, Files.readAllBytes(trained.resolve("latent.npy"))), "rewritten alike");

        try (OwnedFolder held = OwnedFolder.lock(trained, "training folder")) {
            assertEquals(1, gaan(err, train));
            assertTrue(err.toString().contains("PID " + ProcessHandle.current().pid()), err.toString());
        }
        Path theirs = Files.createDirectories(dir.resolve("theirs"));
        Files.writeString(theirs.resolve("latent.npy"), "mine");
        err.getBuffer().setLength(0);
        assertEquals(2, gaan(err, "train", collection.toString(), "--epochs", "1", "--threads", "2", "--out",
                theirs.toString()));
        assertTrue(err.toString().contains("latent.npy exists and was not written by gaan"), err.toString());
        assertEquals("mine", Files.readString(theirs.resolve("latent.npy")));
    }

    @Test
    void clusterOutputIsLockedKeepsFilesGaanDidNotWriteAndDropsItsStaleLabels() throws Exception {
        Path x = gaan.testutil.Fixtures.cluster("X.npy");
        Path clustered = dir.resolve("clustered");
        java.io.StringWriter err = new java.io.StringWriter();
        assertEquals(0, gaan(err, "cluster", x.toString(), "--k", "3", "--threads", "2", "--out", clustered.toString()));
        assertTrue(Files.isRegularFile(clustered.resolve("clusters.npy")));
        Path mine = Files.writeString(clustered.resolve("my_labels.csv"), "mine");
        // DBSCAN with a radius this small leaves every row noise: no run is selected, so no clusters.npy.
        assertEquals(0, gaan(err, "cluster", x.toString(), "--algorithm", "dbscan", "--eps", "1e-9,2e-9", "--threads",
                "2", "--out", clustered.toString()), err.toString());
        assertFalse(Files.exists(clustered.resolve("clusters.npy")), "the earlier run's labels are gone");
        assertEquals("mine", Files.readString(mine));

        try (OwnedFolder held = OwnedFolder.lock(clustered, "cluster output folder")) {
            assertEquals(1, gaan(err, "cluster", x.toString(), "--k", "3", "--out", clustered.toString()));
            assertTrue(err.toString().contains("PID " + ProcessHandle.current().pid()), err.toString());
        }
        Path theirs = Files.createDirectories(dir.resolve("theirs"));
        Files.writeString(theirs.resolve(RunWriter.RESULTS_FILE), "mine");
        err.getBuffer().setLength(0);
        assertEquals(2, gaan(err, "cluster", x.toString(), "--k", "3", "--out", theirs.toString()));
        assertTrue(err.toString().contains("was not written by gaan"), err.toString());
        assertEquals("mine", Files.readString(theirs.resolve(RunWriter.RESULTS_FILE)));
    }
}
