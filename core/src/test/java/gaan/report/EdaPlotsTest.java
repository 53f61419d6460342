package gaan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdaPlotsTest {
    @TempDir
    Path dir;

    static EdaInput input() {
        Map<String, float[][]> logmel = new LinkedHashMap<>();
        Map<String, float[]> mfcc = new LinkedHashMap<>();
        for (String g : List.of("rock", "folk", "baul")) {
            float[][] m = new float[128][128];
            for (int b = 0; b < 128; b++) {
                Arrays.fill(m[b], (float) (-80 + 60 * Math.exp(-b / (10.0 + g.length() * 5))));
            }
            logmel.put(g, m);
            float[] c = new float[20];
            for (int i = 0; i < 20; i++) {
                c[i] = (float) (g.length() * 10 / (i + 1.0));
            }
            mfcc.put(g, c);
        }
        return new EdaInput(List.of("t1", "t2", "t3", "t4", "t5"),
                List.of(List.of("rock", "folk"), List.of("rock"), List.of("baul", "folk"), List.of(), List.of("rock")),
                Arrays.asList("en", "en", "bn", null, "mixed"),
                new double[] {180, 240, Double.NaN, 30, 200},
                new int[] {120, -1, 80, 40, 60},
                new boolean[] {true, true, false, true, true}, logmel, mfcc);
    }

    @Test
    void writesEveryPlotAndASummaryPandasCanRead() throws IOException {
        EdaPlots.Result r = EdaPlots.write(input(), dir.resolve("eda"));
        assertEquals(List.of("tracks_per_genre.png", "tracks_per_language.png", "genre_cooccurrence.png",
                "duration_histogram.png", "lyrics_words_by_language.png", "missing_modalities.png",
                "mean_logmel_by_genre.png", "mean_mfcc_by_genre.png"),
                r.plots().stream().map(p -> p.file().getFileName().toString()).toList());
        for (Plot p : r.plots()) {
            assertTrue(javax.imageio.ImageIO.read(p.file().toFile()).getWidth() > 0, p.file().toString());
        }
        Map<String, String> summary = new HashMap<>();
        try (Reader in = Files.newBufferedReader(r.summary());
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertEquals(EdaPlots.SUMMARY_COLUMNS, csv.getHeaderNames());
            for (CSVRecord rec : csv) {
                summary.put(rec.get("statistic") + "/" + rec.get("group"), rec.get("value"));
            }
        }
        assertEquals("5", summary.get("tracks/all"));
        assertEquals("2", summary.get("tracks_with_several_genres/all"));
        assertEquals("3", summary.get("tracks_per_genre/rock"));
        assertEquals("2", summary.get("tracks_per_genre/folk"));
        assertEquals("1", summary.get("tracks_per_language/unknown"));
        assertEquals("1", summary.get("tracks_missing/audio"));
        assertEquals("1", summary.get("tracks_missing/lyrics"));
        assertEquals("1", summary.get("tracks_missing/genres"));
        assertEquals("190.0", summary.get("duration_seconds_median/all"), "median of 30, 180, 200, 240; NaN left out");
        assertEquals("120.0", summary.get("lyrics_words_median/en"), "track without lyrics left out");
    }

    @Test
    void inputWithMismatchedLengthsIsRejected() {
        EdaInput ok = input();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EdaInput(ok.trackIds(),
                ok.genres(), ok.languages(), new double[2], ok.lyricsWords(), ok.audioPresent(), Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("2 durations"), e.getMessage());
    }

    @Test
    void wordCountCountsEnglishAndBanglaWordsNotPunctuation() {
        assertEquals(6, EdaInput.wordCount("I'm on the river -- 2 times!"));
        assertEquals(3, EdaInput.wordCount("আমার সোনার বাংলা।"), "vowel signs stay in words, the danda is punctuation");
        assertEquals(0, EdaInput.wordCount(" \n… "));
    }

    @Test
    void plotsLeftOutAreRecordedInTheSummaryWithTheirReasons() {
        EdaInput full = input();
        List<List<String>> noGenres = full.genres().stream().map(g -> List.<String>of()).toList();
        EdaInput audioOnly = new EdaInput(full.trackIds(), noGenres, full.languages(), full.durations(),
                new int[] {-1, -1, -1, -1, -1}, full.audioPresent(), Map.of(), Map.of());
        EdaPlots.Result r = EdaPlots.write(audioOnly, dir.resolve("eda"));
        List<EdaPlots.Omitted> expected = List.of(new EdaPlots.Omitted("Tracks per genre", "no track has a genre"),
                new EdaPlots.Omitted("Genre co-occurrence", "no track has a genre"),
                new EdaPlots.Omitted("Lyrics length by language", "no track has lyrics"),
                new EdaPlots.Omitted("Mean log-mel spectrogram and MFCC profile per genre",
                        "no decodable track has a genre"));
        assertEquals(expected, r.omitted());
        assertEquals(expected, EdaPlots.omitted(r.summary()), "read back from eda_summary.csv");
        assertEquals("Tracks per genre: no track has a genre", r.omitted().get(0).toString());
    }
}
