package gaan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {
    @TempDir
    Path dir;

    static final int[] CLUSTERS = {0, 0, 0, 1, 1, 1, 2, 2, -1, -1};
    static final List<String> GENRES = Arrays.asList("rock", "rock", "pop", "folk", "folk", "folk", "baul", "baul",
            null, "pop");
    static final List<String> LANGS = Arrays.asList("en", "en", "en", "bn", "bn", "mixed", "bn", "bn", "en", null);

    /** Reads the PNG back and checks its pixel size and that it is not one flat colour. */
    static BufferedImage png(Path file, int width, int height) throws IOException {
        assertTrue(Files.size(file) > 1000, file + " is suspiciously small");
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 8);
        assertEquals((byte) 0x89, head[0]);
        assertEquals("PNG", new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, file + " does not decode as an image");
        assertEquals(width, img.getWidth(), "width of " + file);
        assertEquals(height, img.getHeight(), "height of " + file);
        int first = img.getRGB(0, 0);
        boolean varied = false;
        for (int y = 0; y < img.getHeight() && !varied; y += 7) {
            for (int x = 0; x < img.getWidth() && !varied; x += 7) {
                varied = img.getRGB(x, y) != first;
            }
        }
        assertTrue(varied, file + " is blank");
        return img;
    }

    static List<HistoryRow> history() {
        List<HistoryRow> rows = new ArrayList<>();
        for (long seed = 1; seed <= 2; seed++) {
            for (int e = 1; e <= 20; e++) {
                rows.add(new HistoryRow("mlp_vae", seed, e, 100.0 / e + seed, 90.0 / e, 10 - 5.0 / e,
                        Math.min(1, e / 10.0), Math.min(8, e), e % 2 == 0 ? 95.0 / e : Double.NaN, 0.1));
            }
        }
        rows.add(new HistoryRow("other_model", 1, 1, 1, 1, 1, 1, 1, 1, 1));
        return rows;
    }

    static List<ResultRow> sweepRows() {
        List<ResultRow> rows = new ArrayList<>();
        for (int k = 2; k <= 6; k++) {
            rows.add(new ResultRow("medium", "conv_vae_latent16", "logmel", false, "kmeans", "k=" + k, 1,
                    new ResultRow.Scores(k, 0, 1, 0.5 - 0.05 * k, 1.0 + 0.1 * k, 100 - k, 0.3, 0.4, 0.35, 0.6, 0.5),
                    k == 2, ""));
            rows.add(new ResultRow("medium", "pca16", "logmel", false, "ward", "k=" + k, 1,
                    new ResultRow.Scores(k, 0, 1, 0.3 - 0.02 * k, Double.NaN, 80 - k, Double.NaN, 0.2, 0.15, 0.5,
                    0.4), false, ""));
        }
        return rows;
    }

    static List<String> hzLabels(int bands) {
        return Arrays.stream(EdaPlotsTest.bandHz(bands)).mapToObj(hz -> Long.toString(Math.round(hz))).toList();
    }

    /** The title is drawn whole: XChart cuts a title wider than its chart on both sides. */
    static void assertTitleFits(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        assertTrue(ChartProbe.titleWidth(chart) <= chart.getWidth() - 20,
                "title '" + chart.getTitle() + "' is wider than its " + chart.getWidth() + " px chart");
    }

    static void assertIntegers(List<String> ticks, String what) {
        assertTrue(ticks.size() >= 2, what + ": " + ticks);
        for (String t : ticks) {
            assertTrue(t.matches("-?\\d+"), what + " tick '" + t + "' is not a whole number: " + ticks);
        }
    }

    @Test
    void trainingCurvesDrawFourPanelsForOneModel() throws IOException {
        Path out = Plots.trainingCurves("mlp_vae", history(), dir.resolve("plots/training_mlp_vae.png"));
        png(out, 2 * 560, 2 * 400);
    }

    @Test
    void trainingCurvesRejectAnUnknownModel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.trainingCurves("nope", history(), dir.resolve("x.png")));
        assertTrue(e.getMessage().contains("nope"));
    }

    @Test
    void scattersColourByClusterGenreAndLanguage() throws IOException {
        Random r = new Random(1);
        double[][] points = new double[CLUSTERS.length][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {CLUSTERS[i] * 3 + r.nextGaussian(), r.nextGaussian()};
        }
        png(Plots.scatterByCluster("clusters", points, CLUSTERS, dir.resolve("a.png")), 900, 650);
        png(Plots.scatter("genre", points, GENRES, dir.resolve("b.png")), 900, 650);
        png(Plots.scatter("language", points, LANGS, dir.resolve("c.png")), 900, 650);
    }

    @Test
    void scatterMergesRareCategoriesIntoOther() throws IOException {
        int n = 60;
        double[][] points = new double[n][];
        List<String> cats = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points[i] = new double[] {i, i % 7};
            cats.add("genre" + (i % 20));
        }
        png(Plots.scatter("many", points, cats, dir.resolve("many.png")), 900, 650);
    }

    @Test
    void metricBarsAndSweepCurvesSkipUndefinedValues() throws IOException {
        List<ResultRow> rows = sweepRows();
        Path bars = Plots.metricBars(rows.subList(0, 4), List.of(Metric.SILHOUETTE, Metric.DAVIES_BOULDIN, Metric.ARI),
                dir.resolve("bars.png"));
        BufferedImage img = ImageIO.read(bars.toFile());
        png(bars, 3 * 400, img.getHeight());
        png(Plots.sweep("silhouette vs k", rows, Metric.SILHOUETTE, dir.resolve("sweep.png")), 900, 600);
    }

    @Test
    void compositionAndContingencyCoverEveryCluster() throws IOException {
        png(Plots.clusterComposition(CLUSTERS, GENRES, LANGS, dir.resolve("comp.png")),
                2 * Math.max(600, 50 * 4 + 300), 500);
        png(Plots.contingency("kmeans vs genre", CLUSTERS, GENRES, dir.resolve("cont.png")), 700, 500);
    }

    @Test
    void heatMapGridSharesOneScaleAcrossPanels() throws IOException {
        Map<String, double[][]> panels = new LinkedHashMap<>();
        for (String g : List.of("rock", "pop", "folk", "baul")) {
            double[][] m = new double[128][64];
            for (int b = 0; b < 128; b++) {
                for (int t = 0; t < 64; t++) {
                    m[b][t] = -80 + 60 * Math.exp(-b / 30.0) + 5 * Math.sin(t / 4.0 + g.length());
                }
            }
            panels.put(g, m);
        }
        png(Plots.heatMapGrid(panels, "frame", "mel band centre (Hz)", hzLabels(128), "dB", dir.resolve("logmel.png")),
                3 * 500 + Plots.COLOUR_BAR_WIDTH, 2 * 420);
    }

    @Test
    void barsAndHistogramDrawCounts() throws IOException {
        Map<String, Integer> perGenre = new LinkedHashMap<>();
        perGenre.put("rock", 12);
        perGenre.put("পল্লীগীতি", 4);
        png(Plots.bars("tracks per genre", "genre", "tracks", perGenre, dir.resolve("g.png")), 800, 550);
        png(Plots.histogram("durations", "seconds", new double[] {30, 31, 45, 200, Double.NaN, 180}, 10,
                dir.resolve("h.png")), 800, 550);
    }

    @Test
    void plotPathMustEndInPng() {
        assertThrows(IllegalArgumentException.class,
                () -> Plots.histogram("d", "s", new double[] {1, 2}, 2, dir.resolve("h.jpg")));
    }

    @Test
    void histogramBinsAreLabelledByTheirCentreWithTheDecimalsTheyNeed() throws IOException {
        assertEquals(List.of("10"), Plots.binLabels(10, 10, 20), "every track 10 s long: one bar at 10, not 11");
        assertEquals(List.of("0.05", "0.15"), Plots.binLabels(0, 0.2, 2));
        assertEquals(List.of("38", "72", "106", "140", "174"), Plots.binLabels(21, 191, 5));
        Path out = Plots.histogram("durations", "seconds", new double[] {10, 10, 10}, 20, dir.resolve("h.png"));
        assertTrue(javax.imageio.ImageIO.read(out.toFile()).getWidth() > 0);
    }

    @Test
    void trainingPanelsTickWholeEpochsAndActiveUnitsAndWriteLeadingZeros() {
        List<HistoryRow> rows = new ArrayList<>();
        for (int e = 1; e <= 80; e++) {
            rows.add(new HistoryRow("conv_vae", 1, e, 50 + 100.0 / e, 45 + 90.0 / e, 0.05 + 1.0 / e,
                    Math.min(0.1, e / 400.0), 32, 55 + 95.0 / e, 0.1));
        }
        List<org.knowm.xchart.XYChart> panels = Plots.trainingCharts("conv_vae", rows);
        for (org.knowm.xchart.XYChart panel : panels) {
            List<String> epochs = ChartProbe.xTickLabels(panel);
            assertIntegers(epochs, "epoch");
            double widest = epochs.stream().mapToDouble(t -> ChartProbe.textWidth(t,
                    panel.getStyler().getAxisTickLabelsFont())).max().orElse(0);
            assertTrue(epochs.size() * (widest + 20) < panel.getWidth() - 100,
                    "epoch ticks run together: " + epochs);
            for (String t : ChartProbe.yTickLabels(panel)) {
                assertTrue(!t.startsWith(".") && !t.startsWith("-."), panel.getTitle() + " tick '" + t + "'");
            }
            assertTitleFits(panel);
        }
        List<String> beta = ChartProbe.yTickLabels(panels.get(2));
        assertTrue(beta.contains("0.02") && beta.size() <= 11, "beta ticks: round, leading zero, few: " + beta);
        List<String> units = ChartProbe.yTickLabels(panels.get(3));
        assertIntegers(units, "active units");
        assertTrue(units.size() >= 3 && units.contains("0") && Integer.parseInt(units.get(units.size() - 1)) >= 30,
                "active units constant at 32 still get ticks from 0 up: " + units);
    }

    @Test
    void metricPanelsGiveEachMetricItsScaleAndLabelEveryMethod() throws IOException {
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(new ResultRow("hard", "multimodal_audio_lyrics_latent32_b" + i, "mfcc+lyrics", false, "spectral",
                    "k=" + (i + 2), 1, new ResultRow.Scores(i + 2, 0, 1, 0.1 + 0.02 * i, 1.2 + 0.1 * i, 40 + i,
                    0.3, 0.4, 0.35, 0.6, 0.5), false, ""));
        }
        List<Metric> metrics = List.of(Metric.SILHOUETTE, Metric.DAVIES_BOULDIN, Metric.CALINSKI_HARABASZ, Metric.ARI);
        List<org.knowm.xchart.CategoryChart> panels = Plots.metricCharts(rows, metrics);
        assertEquals(metrics.size(), panels.size(), "one panel per metric");
        List<String> labels = rows.stream().map(ResultRow::label).toList();
        for (org.knowm.xchart.CategoryChart panel : panels) {
            assertEquals(labels, ChartProbe.xTickLabels(panel), "every method labelled in " + panel.getTitle());
            assertTitleFits(panel);
        }
        assertEquals("Davies-Bouldin (lower is better)", panels.get(1).getTitle());
        ResultRow.Scores scores = rows.get(0).scores();
        assertEquals(List.of("pca kmeans k=2", "pca kmeans k=3", "pca kmeans k=3 #2"), Plots.barLabels(List.of(
                new ResultRow("hard", "pca", "mfcc", false, "kmeans", "k=2 n_init=10", 1, scores, true, ""),
                new ResultRow("hard", "pca", "mfcc", false, "kmeans", "k=3 n_init=10", 1, scores, true, ""),
                new ResultRow("hard", "pca", "mfcc", false, "kmeans", "k=3 n_init=10", 2, scores, true, ""))),
                "parameters every bar shares (n_init=10) tell nothing");
        List<String> db = ChartProbe.yTickLabels(panels.get(1));
        assertTrue(Double.parseDouble(db.get(db.size() - 1)) >= 2, "Davies-Bouldin on its own axis: " + db);
        List<String> silhouette = ChartProbe.yTickLabels(panels.get(0));
        assertTrue(Double.parseDouble(silhouette.get(silhouette.size() - 1)) < 0.5,
                "silhouette's axis is not stretched to Davies-Bouldin's: " + silhouette);
        List<String> ch = ChartProbe.yTickLabels(panels.get(2));
        assertTrue(Double.parseDouble(ch.get(ch.size() - 1)) >= 50, "Calinski-Harabasz on its own axis: " + ch);
        Path out = Plots.metricBars(rows, metrics, dir.resolve("metrics.png"));
        BufferedImage img = ImageIO.read(out.toFile());
        png(out, 3 * 400, 2 * panels.get(0).getHeight());
        assertTrue(img.getWidth() <= 1200 && img.getHeight() < img.getWidth() * 1.5,
                "metrics.png " + img.getWidth() + " x " + img.getHeight());
    }

    @Test
    void sweepDrawsOneLinePerRepresentationOnWholeClusterCounts() throws IOException {
        List<ResultRow> rows = new ArrayList<>();
        for (int rep = 0; rep < 16; rep++) {
            for (String algorithm : List.of("kmeans", "ward", "spectral")) {
                for (int k = 2; k <= 6; k++) {
                    double s = 0.1 * algorithm.length() / 6 + 0.01 * rep - 0.01 * k;
                    rows.add(new ResultRow("hard", "representation_" + rep, "mfcc", false, algorithm, "k=" + k, 1,
                            new ResultRow.Scores(k, 0, 1, s, 1, 10, Double.NaN, Double.NaN, Double.NaN, 1, Double.NaN),
                            false, ""));
                }
            }
        }
        org.knowm.xchart.XYChart chart = Plots.sweepChart("Silhouette sweep", rows, Metric.SILHOUETTE);
        assertEquals(16, chart.getSeriesCollection().size(), "one line per representation, not per algorithm");
        org.knowm.xchart.XYSeries first = chart.getSeries("representation_0");
        assertEquals(0.1 * 8 / 6 - 0.02, first.getYData()[0], 1e-12, "best algorithm (spectral) at k = 2");
        assertIntegers(ChartProbe.xTickLabels(chart), "clusters found");
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.OutsideE, chart.getStyler().getLegendPosition());
        assertTrue(ChartProbe.legendBounds(chart).getHeight() <= chart.getHeight() - 40, "legend fits the chart");
        assertTitleFits(chart);
        png(Plots.sweep("Silhouette sweep", rows, Metric.SILHOUETTE, dir.resolve("sweep.png")), 900,
                chart.getHeight());
    }

    @Test
    void logMelGridLabelsBandsInHzAndDrawsOneColourBarInDb() throws IOException {
        Map<String, double[][]> panels = new LinkedHashMap<>();
        double[][] m = new double[128][64];
        for (int b = 0; b < 128; b++) {
            Arrays.fill(m[b], -80 + 109.07370376586914 * b / 127);
        }
        panels.put("rock", m);
        List<String> hz = hzLabels(128);
        org.knowm.xchart.HeatMapChart chart = Plots.heatMapPanels(panels, "frame", "mel band centre (Hz)", hz,
                new double[] {-80, 29.07370376586914}).get(0);
        List<String> rows = ChartProbe.yTickLabels(chart);
        assertTrue(rows.size() >= 3 && rows.size() <= 8, "a handful of Hz ticks: " + rows);
        assertTrue(hz.containsAll(rows) && rows.contains(hz.get(0)), "ticks are band centres in Hz: " + rows);
        assertTrue(ChartProbe.xTickLabels(chart).size() <= 8, "frame ticks thinned too");
        assertTrue(!chart.getStyler().isLegendVisible(), "one shared colour bar instead of a legend per panel");
        double[] ticks = Plots.colourBarTicks(-80, 29.07370376586914);
        assertEquals(List.of("-80", "-60", "-40", "-20", "0", "20"),
                Arrays.stream(ticks).mapToObj(Numbers::fourDigits).toList());
        assertEquals(List.of("0.2", "0.3", "0.4", "0.5", "0.6"),
                Arrays.stream(Plots.colourBarTicks(0.11, 0.63)).mapToObj(Numbers::fourDigits).toList());
        png(Plots.heatMapGrid(panels, "frame", "mel band centre (Hz)", hz, "dB", dir.resolve("logmel.png")),
                500 + Plots.COLOUR_BAR_WIDTH, 420);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.heatMapGrid(panels,
                "frame", "mel band", hz.subList(0, 40), "dB", dir.resolve("x.png")));
        assertTrue(e.getMessage().contains("'rock' has 128 rows but 40 row labels"), e.getMessage());
    }

    @Test
    void compositionTitlesFitAndLongTitlesKeepBothEnds() {
        for (org.knowm.xchart.CategoryChart panel : Plots.compositionCharts(CLUSTERS, GENRES, LANGS)) {
            assertTitleFits(panel);
        }
        String method = "multimodal_audio_lyrics_latent32:agglomerative:k=7, linkage=average:s3";
        java.awt.Font font = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 16);
        String fitted = Plots.fittedTitle(method, font, 300);
        assertTrue(ChartProbe.textWidth(fitted, font) <= 280, fitted);
        assertTrue(fitted.startsWith("multimodal") && fitted.endsWith("s3") && fitted.contains("\u2026"), fitted);
        assertEquals("short", Plots.fittedTitle("short", font, 300));
    }
}
