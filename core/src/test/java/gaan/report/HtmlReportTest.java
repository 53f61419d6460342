package gaan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
        String markup = html.replaceAll("(?s)<script type=\"application/json\".*?</script>", "");
        assertTrue(markup.contains("r&amp;b (1)") && !markup.contains("r&b"), "genre names are escaped");
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
    void warningsAreOneCountedLinePerKindWithTheirDetails() {
        List<HtmlReport.Warning> w = HtmlReport.warnings(report.tasks(), report.skipped(), report.truncated());
        assertEquals(List.of("1 representation(s) used the evaluation labels as input: their external scores (ARI, "
                        + "NMI, AMI, purity, accuracy) are not evidence of unsupervised structure, so they are listed "
                        + "apart",
                "1 VAE(s) collapsed to fewer than 2 active latent units: their latent space carries almost no "
                        + "information",
                "2 clustering(s) left more than half of the tracks as noise, so their internal scores describe the "
                        + "few clustered tracks only",
                "1 track(s) were skipped",
                "1 truncated track(s) were used: their files hold less audio than their headers declare, and only "
                        + "the audio present was analysed"), w.stream().map(HtmlReport.Warning::headline).toList());
        assertEquals(List.of("hard: cvae_latent8 (mfcc+genre)"), w.get(0).details());
        assertEquals(List.of("hard: VAE mlp_vae_latent8 seed 1: 1 active latent unit(s) at epoch 5"), w.get(1).details());
        assertEquals(List.of("easy: raw_mfcc dbscan eps=0.5 min_samples=2 seed 1 (coverage 0.333)",
                "hard: raw_mfcc dbscan eps=0.5 min_samples=2 seed 1 (coverage 0.333)"), w.get(2).details());
        assertEquals(List.of("x9 (undecodable: invalid data found when processing input)"), w.get(3).details());
        assertEquals(List.of("x8 (audio/x8.wav: truncated: the header declares 30.000 s of audio but the file holds "
                + "12.500 s)"), w.get(4).details());
        assertTrue(html.contains("<details class=\"warning\"><summary>1 track(s) were skipped"), "collapsed");
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
    void tablesShowThreeSignificantDigitsAndTinySpreadsAsZero() {
        assertEquals("0.333", Numbers.threeDigits(1 / 3.0));
        assertEquals("12300", Numbers.threeDigits(12345.678));
        assertEquals("1.23E-7", Numbers.threeDigits(1.2345e-7));
        assertEquals("", Numbers.threeDigits(Double.NaN));
        assertEquals("0.000", Numbers.spread(1.36e-16), "rounding noise of equal values");
        assertEquals("0.0141", Numbers.spread(0.014142));
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
        assertTrue(row.contains("data-v=\"0.6\">0.6 ± 0.0141</td>"), row);
    }

    @Test
    void longListsOfSkippedTracksAreCountedNotListed() {
        List<SkippedTrack> many = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(new SkippedTrack("s" + i, "too short"));
        }
        HtmlReport.Warning w = HtmlReport.warnings(List.of(), many, List.of()).get(0);
        assertEquals("25 track(s) were skipped", w.headline());
        assertEquals(21, w.details().size(), w.details().toString());
        assertEquals("s19 (too short)", w.details().get(19));
        assertEquals("and 5 more (see the feature store's tracks.csv)", w.details().get(20));
    }

    @Test
    void firstScreenStatesTheRecommendationWithItsEvidenceAndReference() throws IOException {
        Path results = dir.resolve("results");
        Files.writeString(results.resolve(Recommendation.FILE), """
                {"task": "easy", "column": "mlp_vae kmeans k=2", "representation": "mlp_vae_latent8",
                 "inputs": "mfcc_summary", "algorithm": "kmeans", "params": "k=2", "seed": 1, "k": 2,
                 "rule": "Highest seed agreement among runs covering 90% of the tracks",
                 "evidence": {"stability": 0.8, "seed_agreement": 0.7, "silhouette": 0.61, "davies_bouldin": null,
                              "calinski_harabasz": 40.0, "coverage": 1.0, "largest_cluster_share": 0.5},
                 "reference": {"ari": 0.9, "nmi": 0.8},
                 "representation_file": "easy/representations/mlp_vae_latent8_s1.npy", "per_task": []}
                """);
        Recommendation rec = Recommendation.read(results.resolve(Recommendation.FILE));
        Files.delete(results.resolve(Recommendation.FILE));
        assertTrue(Double.isNaN(rec.evidence().daviesBouldin()), "JSON null is NaN");
        String s = HtmlReport.recommendationSentence(rec, report.tasks());
        assertEquals("Recommended: kmeans (k=2) on mlp_vae_latent8 (mfcc_summary) in task easy, seed 1: 2 clusters. "
                + "Highest seed agreement among runs covering 90% of the tracks. Label-free evidence: stability 0.8, "
                + "seed agreement 0.7, silhouette 0.61, Calinski-Harabasz 40, coverage 100%, largest cluster 50% of "
                + "the tracks. Against the labels (not used to choose): ARI 0.9, NMI 0.8; the task's best row by ARI, "
                + "mlp_vae_latent8 kmeans k=2, reaches 0.9; the best baseline without a VAE, pca8 ward k=4, 0.5.", s);
    }

    @Test
    void withoutARecommendationTheFirstScreenSaysSoAndNamesTheHighestSilhouette() {
        String s = HtmlReport.recommendationSentence(null, report.tasks());
        assertTrue(s.startsWith("No recommendation recorded for these results. Shown instead: the selected label-free "
                + "run with the highest silhouette, mlp_vae_latent8 kmeans k=2 (seed 1) in task easy: 2 clusters, "
                + "silhouette 0.61, coverage 100%; against the labels"), s);
        int overview = html.indexOf("<section id=\"overview\">");
        assertTrue(overview > 0 && overview < html.indexOf("id=\"warnings\""), "the answer comes first");
        assertTrue(html.substring(overview, html.indexOf("id=\"warnings\"")).contains("No recommendation recorded"));
    }

    @Test
    void baselineSentenceSaysSoWhenABaselineBeatsEveryVae() {
        TaskReport easy = report.tasks().get(0);
        assertEquals(Optional.of("easy: the best VAE (mlp_vae_latent8 kmeans k=2) reaches ARI 0.9 against the labels, "
                + "the best baseline (pca8 ward k=4) 0.5."), HtmlReport.baselineSentence(easy));
        ResultRow vae = easy.results().get(0);
        ResultRow.Scores s = vae.scores();
        ResultRow weakVae = new ResultRow(vae.task(), vae.representation(), vae.inputs(), false, vae.algorithm(),
                vae.params(), vae.seed(), new ResultRow.Scores(s.nClusters(), s.nNoise(), s.coverage(), s.silhouette(),
                s.daviesBouldin(), s.calinskiHarabasz(), 0.1, 0.1, 0.1, 0.5, 0.5), true, "");
        TaskReport worse = new TaskReport("easy", easy.folder(), easy.results(), easy.best(),
                new TaskReport.HeadToHead(weakVae, easy.headToHead().baseline()), easy.history(), easy.assignments(),
                easy.tracks(), easy.selectedMethod(), List.of(), List.of());
        assertEquals(Optional.of("easy: a baseline beats every VAE against the labels: pca8 ward k=4 reaches ARI 0.5, "
                + "the best VAE (mlp_vae_latent8 kmeans k=2) 0.1."), HtmlReport.baselineSentence(worse));
        assertTrue(html.contains("<p class=\"baseline\">easy: the best VAE"), "stated on the first screen");
    }

    @Test
    void mapEmbedsEveryTrackEscapedWithAudioOnlyWhereTheFileExists() throws IOException {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"map-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "map data");
        assertFalse(m.group(1).contains("<"), "no markup inside the script element");
        var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.group(1));
        assertEquals(6, data.get("id").size());
        assertEquals(ReportFixture.NASTY_ID, data.get("id").get(5).asText());
        assertEquals("../collection/audio%20files/track0.mp3", data.get("audio").get(0).asText());
        assertEquals(List.of(0, 0, 1, 1, 1, 0), java.util.stream.StreamSupport
                .stream(data.get("cluster").spliterator(), false).map(n -> n.asInt()).toList());
        assertTrue(html.contains("<option value=\"genre\">genre</option><option value=\"language\">language</option>"));
        assertFalse(html.contains("<option value=\"label\">"), "labels are the primary genres: one option");

        Path moved = dir.resolve("moved");
        HtmlReport.Report r = ReportFixture.build(moved);
        Files.walk(moved.resolve("collection/audio files")).filter(Files::isRegularFile).forEach(f -> f.toFile().delete());
        String alone = Files.readString(HtmlReport.write(r, moved.resolve("results/report.html")));
        assertFalse(alone.contains("<audio controls preload=\"none\" src="), "no player for a missing file");
        assertTrue(alone.contains("\"audio\":[null,null,null,null,null,null]"), alone);
    }

    @Test
    void selectedRowsComeFirstAndTheRestHideBehindAShowAllButton() {
        int easy = html.indexOf("id=\"task-easy\"");
        String table = html.substring(html.indexOf("<table class=\"results sortable label-free collapsed\">", easy),
                html.indexOf("</table>", easy));
        List<String> classes = Pattern.compile("<tr class=\"(\\w+)\">").matcher(table).results()
                .map(x -> x.group(1)).toList();
        assertEquals(List.of("selected", "selected", "selected", "extra"), classes);
        assertTrue(html.indexOf("<button type=\"button\" class=\"show-all\" data-rows=\"4\">show all 4 rows</button>",
                easy) > 0);
    }

    @Test
    void theSelectionRuleIsSaidOnceAboveTheTableNotInEveryNote() {
        String note = "one cluster: internal metrics undefined; selected: highest silhouette among runs covering at "
                + "least 90% of points with it defined; ties go to the earliest run";
        assertEquals("highest silhouette among runs covering at least 90% of points with it defined; ties go to the "
                + "earliest run", HtmlReport.selectionRule(note));
        assertEquals("one cluster: internal metrics undefined", HtmlReport.withoutSelectionRule(note));
        assertEquals("no rule here", HtmlReport.withoutSelectionRule("no rule here"));
        assertEquals(null, HtmlReport.selectionRule("no rule here"));
    }
}
