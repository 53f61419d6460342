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
        Path bars = Plots.metricBars("metrics", rows.subList(0, 4),
                List.of(Metric.SILHOUETTE, Metric.DAVIES_BOULDIN, Metric.ARI), dir.resolve("bars.png"));
        png(bars, 900, 650);
        png(Plots.sweep("silhouette vs k", rows, Metric.SILHOUETTE, dir.resolve("sweep.png")), 900, 600);
    }

    @Test
    void compositionAndContingencyCoverEveryCluster() throws IOException {
        png(Plots.clusterComposition("kmeans", CLUSTERS, GENRES, LANGS, dir.resolve("comp.png")),
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
        png(Plots.heatMapGrid(panels, "frame", "mel band", dir.resolve("logmel.png")), 3 * 500, 2 * 420);
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
}
