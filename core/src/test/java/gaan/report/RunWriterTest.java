package gaan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RunWriterTest {
    @TempDir
    Path dir;

    static ResultRow row(String repr, boolean leak, double silhouette, double ari) {
        return new ResultRow("easy", repr, "mfcc_summary", leak, "kmeans", "k=4, n_init=10", 7, new ResultRow.Scores(4,
                0, 1.0, silhouette, 0.8, 120.5, ari, 0.5, 0.45, 0.7, 0.66), false, "");
    }

    private List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertFalse(p.getHeaderNames().isEmpty());
            return p.getRecords();
        }
    }

    private List<String> header(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
            return p.getHeaderNames();
        }
    }

    @Test
    void resultsRoundTripWithDocumentedColumnsAndEmptyCellsForNaN() throws IOException {
        ResultRow defined = row("mlp_vae_latent32", false, 0.42, 0.31);
        ResultRow undefined = new ResultRow("easy", "pca32", "mfcc_summary", false, "dbscan", "eps=0.5", 7,
                new ResultRow.Scores(1, 30, 0.7, Double.NaN, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN), true, "one cluster: silhouette undefined, \"quoted\"");
        Path file = new RunWriter(dir.resolve("easy")).writeResults(List.of(defined, undefined));

        assertEquals(RunWriter.RESULT_COLUMNS, header(file));
        List<CSVRecord> recs = read(file);
        assertEquals(2, recs.size());
        CSVRecord a = recs.get(0);
        assertEquals("mlp_vae_latent32", a.get("representation"));
        assertEquals("false", a.get("labels_used_as_input"));
        assertEquals("k=4, n_init=10", a.get("params"));
        assertEquals(0.42, Double.parseDouble(a.get("silhouette")));
        assertEquals(120.5, Double.parseDouble(a.get("calinski_harabasz")));
        assertEquals("4", a.get("n_clusters"));
        CSVRecord b = recs.get(1);
        assertEquals("", b.get("silhouette"));
        assertEquals("inf", b.get("davies_bouldin"));
        assertEquals("30", b.get("n_noise"));
        assertEquals("true", b.get("selected"));
        assertEquals(undefined.note(), b.get("note"));
    }

    @Test
    void historyWritesUnmeasuredValuesAsEmptyCells() throws IOException {
        Path file = new RunWriter(dir).writeHistory(List.of(
                new HistoryRow("mlp_vae", 1, 1, 10.5, 9.0, 1.5, 1.0, 7, Double.NaN, 0.25),
                new HistoryRow("mlp_vae", 1, 2, 9.5, 8.5, 1.0, 1.0, -1, 9.9, 0.25)));
        assertEquals(RunWriter.HISTORY_COLUMNS, header(file));
        List<CSVRecord> recs = read(file);
        assertEquals("", recs.get(0).get("val_loss"));
        assertEquals("7", recs.get(0).get("active_units"));
        assertEquals("", recs.get(1).get("active_units"));
        assertEquals(9.9, Double.parseDouble(recs.get(1).get("val_loss")));
        assertEquals("2", recs.get(1).get("epoch"));
    }

    @Test
    void assignmentsHaveOneColumnPerMethodAfterTrackLabelLanguage() throws IOException {
        Map<String, int[]> methods = new LinkedHashMap<>();
        methods.put("vae kmeans k=2", new int[] {0, 1, 1});
        methods.put("pca dbscan", new int[] {-1, 0, 0});
        Assignments a = new Assignments(List.of("t1", "t2", "t3"), Arrays.asList("rock", null, "folk"),
                Arrays.asList("en", "bn", null), methods);
        Path file = new RunWriter(dir).writeAssignments(a);
        assertEquals(List.of("track_id", "label", "language", "vae kmeans k=2", "pca dbscan"), header(file));
        List<CSVRecord> recs = read(file);
        assertEquals("t1", recs.get(0).get("track_id"));
        assertEquals("-1", recs.get(0).get("pca dbscan"));
        assertEquals("", recs.get(1).get("label"));
        assertEquals("", recs.get(2).get("language"));
        assertEquals("1", recs.get(2).get("vae kmeans k=2"));
    }

    @Test
    void assignmentsAlsoGoIntoALongFileOneRowPerTrackAndRun() throws IOException {
        Map<String, int[]> methods = new LinkedHashMap<>();
        methods.put("vae:kmeans:k=2:s1", new int[] {0, 1, 1});
        methods.put("pca:dbscan:s1", new int[] {-1, 0, 2});
        new RunWriter(dir).writeAssignments(new Assignments(List.of("t1", "t2", "t3"), Arrays.asList("rock", null,
                "folk"), Arrays.asList("en", "bn", null), methods));
        Path file = dir.resolve(RunWriter.ASSIGNMENTS_LONG_FILE);
        assertEquals(RunWriter.ASSIGNMENT_LONG_COLUMNS, header(file));
        List<List<String>> rows = read(file).stream().map(r -> r.toList()).toList();
        assertEquals(List.of(List.of("t1", "vae:kmeans:k=2:s1", "0"), List.of("t2", "vae:kmeans:k=2:s1", "1"),
                List.of("t3", "vae:kmeans:k=2:s1", "1"), List.of("t1", "pca:dbscan:s1", "-1"),
                List.of("t2", "pca:dbscan:s1", "0"), List.of("t3", "pca:dbscan:s1", "2")), rows);
    }

    @Test
    void assignmentsRejectAMethodWithTheWrongNumberOfTracks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Assignments(
                List.of("t1", "t2"), List.of("a", "b"), List.of("en", "en"), Map.of("km", new int[] {0})));
        assertTrue(e.getMessage().contains("km"), e.getMessage());
    }

    record Config(String preset, int latent, double beta) {
    }

    @Test
    void runJsonHoldsConfigSeedsVersionsAndStageTimings() throws IOException {
        Map<String, Double> stages = new LinkedHashMap<>();
        stages.put("features", 1.5);
        stages.put("train", 12.25);
        Path file = new RunWriter(dir).writeRunInfo(new RunInfo("easy", new Config("easy", 32, 1.0),
                List.of(1L, 2L), RunInfo.runtimeVersions(), stages));
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertEquals("easy", root.get("task").asText());
        assertEquals(32, root.get("config").get("latent").asInt());
        assertEquals(2, root.get("seeds").get(1).asLong());
        assertEquals(System.getProperty("java.version"), root.get("versions").get("java").asText());
        assertEquals(List.of("features", "train"), iteratorToList(root.get("stage_seconds").fieldNames()));
        assertEquals(12.25, root.get("stage_seconds").get("train").asDouble());
    }

    private static List<String> iteratorToList(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void readerRestoresWhatTheWriterWrote() {
        RunWriter w = new RunWriter(dir);
        List<ResultRow> rows = List.of(row("vae", true, 0.25, Double.NaN),
                new ResultRow("hard", "pca", "mfcc", false, "dbscan", "", 3, new ResultRow.Scores(1, 9, 0.1, Double.NaN,
                        Double.POSITIVE_INFINITY, Double.NaN, 0, 0, 0, 0.3, 0.3), true, "a, \"b\"\nc"));
        assertEquals(rows, RunReader.readResults(w.writeResults(rows)));
        List<HistoryRow> history = List.of(new HistoryRow("m", 1, 1, 2.5, 2, 0.5, 0.1, -1, Double.NaN, 0.3),
                new HistoryRow("m", 1, 2, 2.25, 2, 0.25, 0.2, 3, 2.0, 0.3));
        assertEquals(history, RunReader.readHistory(w.writeHistory(history)));
        Map<String, int[]> methods = new LinkedHashMap<>();
        methods.put("km", new int[] {1, -1});
        Assignments a = RunReader.readAssignments(w.writeAssignments(new Assignments(List.of("x", "y"),
                Arrays.asList("rock", null), Arrays.asList(null, "bn"), methods)));
        assertEquals(List.of("x", "y"), a.trackIds());
        assertEquals(Arrays.asList("rock", null), a.labels());
        assertEquals(Arrays.asList(null, "bn"), a.languages());
        assertEquals(List.of("km"), List.copyOf(a.methods().keySet()));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1, -1}, a.clusters("km"));
    }

    @Test
    void readerNamesFileLineAndColumnOfABadCell() throws IOException {
        Path file = new RunWriter(dir).writeResults(List.of(row("vae", false, 0.5, 0.5)));
        Files.writeString(file, Files.readString(file).replace(",0.5,", ",zero point five,"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunReader.readResults(file));
        assertTrue(e.getMessage().contains("line 2, column silhouette: 'zero point five' is not a number"),
                e.getMessage());
    }
}
