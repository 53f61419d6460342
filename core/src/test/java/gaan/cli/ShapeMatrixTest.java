package gaan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gaan.data.DemoCorpus;
import gaan.report.RunWriter;

/**
 * {@code gaan run --task all} end to end on collections of the shapes users bring, each cut from
 * a small demo: every preset runs what the collection supports, skips the rest once with its
 * reason, and exits 0.
 */
class ShapeMatrixTest {
    @TempDir
    Path dir;

    /** A collection shape: how to cut the demo's tracks.csv, and the task notes the run must record. */
    enum Shape {
        AUDIO_ONLY(12, "id,audio", i -> true, List.of("medium:skipped hybrid: no lyrics in this collection",
                "hard:skipped cvae: no genres in this collection", "easy:no labels or genres")),
        AUDIO_AND_GENRES(12, "id,audio,genres", i -> true,
                List.of("medium:skipped raw_mfcc_lyrics: no lyrics in this collection")),
        AUDIO_AND_LYRICS(12, "id,audio,lyrics", i -> true,
                List.of("hard:skipped multimodal: no genres in this collection", "easy:no labels or genres")),
        LYRICS_ON_TENTH(30, "id,audio,lyrics,genres,language,label", i -> i % 10 == 0,
                List.of("medium:skipped hybrid: only 3 of 30 tracks have lyrics")),
        ONE_GENRE(12, "id,audio,lyrics,genres", i -> true, List.of()),
        UNLABELLED_LAYOUT(12, null, i -> true, List.of("easy:no labels or genres")),
        THREE_TRACKS(3, "id,audio,lyrics,genres,language,label", i -> true, List.of());

        final int tracks;
        final String columns;
        final Predicate<Integer> keepsLyrics;
        final List<String> notes;

        Shape(int tracks, String columns, Predicate<Integer> keepsLyrics, List<String> notes) {
            this.tracks = tracks;
            this.columns = columns;
            this.keepsLyrics = keepsLyrics;
            this.notes = notes;
        }
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void everyPresetRunsWhatTheCollectionSupports(Shape shape) throws Exception {
        Path collection = collection(shape);
        Path out = dir.resolve("results");
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        long start = System.nanoTime();
        int code = cl.execute("run", "--task", "all", "--collection", collection.toString(), "--out", out.toString(),
                "--epochs", "1", "--seeds", "1", "--threads", "2");
        System.out.printf("shape %s: %.1f s%n", shape, (System.nanoTime() - start) / 1e9);
        assertEquals(0, code, shape + ": " + err);
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
        assertTrue(Files.isRegularFile(out.resolve("eda").resolve("eda_summary.csv")));
        ObjectMapper json = new ObjectMapper();
        for (String task : List.of("easy", "medium", "hard")) {
            Path folder = out.resolve(task);
            List<String> rows = Files.readAllLines(folder.resolve(RunWriter.RESULTS_FILE));
            assertTrue(rows.size() > 1, shape + " " + task + " has result rows");
            assertTrue(rows.stream().skip(1).anyMatch(r -> !r.contains("failed:")), shape + " " + task
                    + " has a clustering that ran");
            JsonNode notes = json.readTree(folder.resolve(RunWriter.RUN_FILE).toFile()).path("config").path("notes");
            List<String> recorded = new ArrayList<>();
            notes.forEach(n -> recorded.add(n.asText()));
            for (String expected : shape.notes) {
                String[] taskAndNote = expected.split(":", 2);
                if (taskAndNote[0].equals(task)) {
                    assertTrue(recorded.stream().anyMatch(n -> n.startsWith(taskAndNote[1])),
                            shape + " " + task + " notes " + taskAndNote[1] + ": " + recorded);
                }
            }
            assertFalse(rows.stream().anyMatch(r -> r.startsWith(task + ",hybrid,") || r.startsWith(task + ",cvae,"))
                    && recorded.stream().anyMatch(n -> n.startsWith("skipped hybrid") || n.startsWith("skipped cvae")),
                    "a skipped representation has no rows");
        }
        List<String> maps = new ArrayList<>();
        try (var files = Files.walk(out)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("map_")).forEach(maps::add);
        }
        if (shape == Shape.AUDIO_ONLY || shape == Shape.AUDIO_AND_GENRES) {
            assertEquals(List.of(), maps.stream().filter(m -> m.endsWith("_languages.png")).toList(),
                    shape + ": no map coloured by language when no track has one");
        }
        if (shape == Shape.AUDIO_ONLY) {
            assertEquals(List.of(), maps.stream().filter(m -> m.endsWith("_genres.png")).toList(),
                    "no map coloured by genre when no track has one");
        } else if (shape == Shape.AUDIO_AND_GENRES) {
            assertTrue(maps.stream().anyMatch(m -> m.endsWith("_genres.png")), "genre maps: " + maps);
        }
        String report = Files.readString(out.resolve("report.html"));
        if (shape == Shape.AUDIO_ONLY) {
            assertTrue(report.contains("Not drawn: Tracks per genre: no track has a genre; Genre co-occurrence: no"
                    + " track has a genre; Lyrics length by language: no track has lyrics"), "the report says which"
                    + " EDA plots it left out");
        }
        for (String expected : shape.notes) {
            assertTrue(report.contains(expected.split(":", 2)[1]), shape + " report shows " + expected);
        }
    }

    /** The demo cut to a shape: tracks.csv with only some columns, or the folder layout without genres. */
    private Path collection(Shape shape) throws IOException {
        Path c = dir.resolve("collection");
        DemoCorpus.write(c, new DemoCorpus.Options(shape.tracks, 1.5, 3, 5));
        List<String> lines = Files.readAllLines(c.resolve("tracks.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        if (shape.columns == null) {
            Files.delete(c.resolve("tracks.csv"));
            Files.delete(c.resolve("genres.csv"));
            return c;
        }
        List<String> keep = List.of(shape.columns.split(","));
        List<String> out = new ArrayList<>(List.of(shape.columns));
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            List<String> row = new ArrayList<>();
            for (String col : keep) {
                String v = cells[header.indexOf(col)];
                if (col.equals("lyrics") && !shape.keepsLyrics.test(i - 1)) {
                    v = "";
                }
                if (col.equals("genres") && shape == Shape.ONE_GENRE) {
                    v = "pop";
                }
                row.add(v);
            }
            out.add(String.join(",", row));
        }
        Files.write(c.resolve("tracks.csv"), out);
        Files.delete(c.resolve("genres.csv"));
        return c;
    }
}
