package gaan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @TempDir
    static Path dir;
    static HtmlReport.Report report;
    static String html;

    @BeforeAll
    static void writeReport() throws IOException {
        report = ReportFixture.build(dir);
        html = Files.readString(HtmlReport.write(report, dir.resolve("results/report.html")));
    }


    @Test
    void textFromDataIsEscaped() {
        assertFalse(html.contains("<script>alert(1)"), "a track id must not become markup");
        assertTrue(html.contains("t&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("<title>gaan report &lt;test&gt;</title>"));
        assertTrue(html.contains("r&amp;b (1)") && !html.contains("r&b"), "genre names are escaped");
    }

    @Test
    void linksArePercentEncodedAndRelativeToTheReportFolder() throws IOException {
        assertTrue(html.contains("src=\"easy/plots/map%20cluster.png\""), "plot link");
        assertTrue(html.contains("href=\"easy/clustering_results.csv\""), "CSV link");
        assertTrue(html.contains("<audio controls preload=\"none\" src=\"../collection/audio%20files/track0.mp3\">"));
        String bangla = HtmlReport.encodeSegment("বাউল গান #1.mp3");
        assertTrue(html.contains("../collection/audio%20files/" + bangla), "non-ASCII audio file name");
        assertFalse(bangla.contains("#") || bangla.contains(" "));
        // Every relative link resolves to an existing file.
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"#][^\"]*)\"").matcher(html);
        int links = 0;
        while (m.find()) {
            String target = java.net.URLDecoder.decode(m.group(1).replace("+", "%2B"), "UTF-8");
            if (target.endsWith("run.json")) {
                continue; // the fixture does not write run.json
            }
            assertTrue(Files.exists(dir.resolve("results").resolve(target)), "link target " + target);
            links++;
        }
        assertTrue(links > 10, "links checked: " + links);
    }

    @Test
    void warningsNameLeakageCollapseNoiseAndSkippedTracks() {
        List<String> w = HtmlReport.warnings(report.tasks(), report.skipped());
        assertEquals(5, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("hard: 1 representation(s) used the evaluation labels as input: "
                + "cvae_latent8 (mfcc+genre)."), w.get(0));
        assertTrue(w.get(1).startsWith("hard: VAE mlp_vae seed 1 collapsed: 1 active"), w.get(1));
        assertTrue(w.get(2).startsWith("easy: 1 clustering(s) leave more than half of the tracks as noise")
                && w.get(2).endsWith("raw_mfcc dbscan eps=0.5 min_samples=2 seed 1 (coverage 0.3333)."), w.get(2));
        assertTrue(w.get(3).startsWith("hard: 1 clustering(s)"), w.get(3));
        assertEquals("1 track(s) were skipped: x9 (undecodable: invalid data found when processing input).", w.get(4));
        assertTrue(html.indexOf("id=\"warnings\"") < html.indexOf("id=\"summary\""), "warnings at the top");
    }

    @Test
    void labelUsingRowsAreInTheirOwnTableAndNeverTheBest() {
        int hard = html.indexOf("id=\"task-hard\"");
        int freeTable = html.indexOf("results sortable label-free", hard);
        int flaggedTable = html.indexOf("results sortable flagged", hard);
        assertTrue(freeTable > 0 && flaggedTable > freeTable);
        String freePart = html.substring(freeTable, flaggedTable);
        assertFalse(freePart.contains("cvae_latent8"), "the CVAE row is not among label-free rows");
        assertTrue(html.substring(flaggedTable).contains("cvae_latent8"));
    }

    @Test
    void clustersShowSizeGenresLanguagesWordsAndTracks() {
        int easy = html.indexOf("id=\"task-easy\"");
        String section = html.substring(html.indexOf("Clusters of mlp_vae kmeans k=2", easy),
                html.indexOf("id=\"task-hard\""));
        assertTrue(section.contains("<strong>cluster 0</strong>: 3 track(s)"), section);
        assertTrue(section.contains("<strong>cluster 1</strong>: 3 track(s)"));
        assertTrue(section.contains("rock (2), r&amp;b (1)"), "top genres with counts");
        assertTrue(section.contains("bn (2), mixed (1)"), "language mix");
        assertTrue(section.contains("river (3 vs 0)"), "characteristic word with its counts");
        assertTrue(section.contains("একতারা"), "Bangla characteristic word");
    }

    @Test
    void numbersShowFourSignificantDigitsAndSortOnFullValues() {
        assertEquals("0.3333", Numbers.fourDigits(1 / 3.0));
        assertEquals("12350", Numbers.fourDigits(12345.678));
        assertEquals("1.235E-7", Numbers.fourDigits(1.2345e-7));
        assertEquals("", Numbers.fourDigits(Double.NaN));
        assertEquals("2", Numbers.fourDigits(2.0));
    }

    @Test
    void methodsRunWithSeveralSeedsAreSummarisedAsMeanPlusMinusStd() {
        int hard = html.indexOf("id=\"task-hard\"");
        int table = html.indexOf("<table class=\"seeds sortable\">", hard);
        assertTrue(table > hard, "hard has two seeds of mlp_vae, so an across-seeds table");
        assertTrue(html.substring(table).startsWith("<table class=\"seeds sortable\">"));
        assertTrue(html.indexOf("<table class=\"seeds sortable\">") > hard, "easy has one seed a method: no table");
        String row = html.substring(html.indexOf("<tr><td>mlp_vae_latent8", table));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains("data-v=\"0.6\">0.6 ± 0.01414</td>"), row);
    }

    @Test
    void longListsOfSkippedTracksAreCountedNotListed() {
        List<SkippedTrack> many = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(new SkippedTrack("s" + i, "too short"));
        }
        String w = HtmlReport.warnings(List.of(), many).get(0);
        assertTrue(w.startsWith("25 track(s) were skipped: s0 (too short); "), w);
        assertTrue(w.contains("s19 (too short); and 5 more"), w);
        assertFalse(w.contains("s20"), w);
    }
}
