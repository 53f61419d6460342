package gaan.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import gaan.data.Track;
import gaan.report.Metric;
import gaan.report.ResultRow;
import gaan.report.TrackInfo;

/** The task's answer by the one rule, and the report's view of a collection track. */
class TaskReportsTest {
    private static ResultRow row(String representation, boolean labelsUsed, int k, double coverage,
                                 double silhouette, double daviesBouldin, double ari) {
        return new ResultRow("easy", representation, "mfcc_summary", labelsUsed, "kmeans", "k=" + k, 1,
                new ResultRow.Scores(k, 0, coverage, silhouette, daviesBouldin, 10, ari, 0.5, 0.5, 0.5, 0.5), true, "");
    }

    /** The easy task of the report fixture: the first row is the answer; the dbscan row covers a third. */
    private static final List<ResultRow> ROWS = List.of(
            row("mlp_vae_latent8", false, 2, 1, 0.61, 0.5, 0.9),
            row("pca8", false, 3, 1, 0.12, 1.5, 0.2),
            row("raw_mfcc", false, 1, 1 / 3.0, Double.NaN, Double.NaN, 0.05).withSelected(false),
            row("pca8", false, 4, 1, 0.35, 0.9, 0.5),
            row("cvae_latent8", true, 2, 1, 0.7, 0.4, 1.0));

    @Test
    void labelUsingRowsAreNeverTheBest() {
        assertEquals("mlp_vae_latent8", TaskReports.best(ROWS, Metric.ARI).orElseThrow().representation(),
                "CVAE has ARI 1.0 but used the labels");
    }

    @Test
    void bestSkipsMostlyNoiseAndPrefersLowDaviesBouldin() {
        assertEquals("mlp_vae_latent8", TaskReports.best(ROWS, Metric.SILHOUETTE).orElseThrow().representation());
        assertEquals(0.5, TaskReports.best(ROWS, Metric.DAVIES_BOULDIN).orElseThrow().scores().daviesBouldin());
        List<ResultRow> noisy = List.of(ROWS.get(1), row("raw_mfcc", false, 2, 1 / 3.0, 0.9, 0.1, 0.95));
        assertEquals(0.2, TaskReports.best(noisy, Metric.ARI).orElseThrow().scores().ari(),
                "dbscan row with coverage 1/3 is not eligible");
        List<ResultRow> unselected = ROWS.stream().map(r -> r.withSelected(false)).toList();
        assertTrue(TaskReports.best(unselected, Metric.SILHOUETTE).isEmpty(),
                "only runs a sweep selected are candidates");
        assertEquals(List.of(Metric.SILHOUETTE, Metric.ARI), List.copyOf(TaskReports.bestByMetric(ROWS).keySet()));
    }

    @Test
    void trackInfoTakesTheEvaluationLabelOfACollectionTrack() {
        Track t = new Track("x", Path.of("/c/audio/x.mp3"), null, List.of("folk", "baul"), "bn", null);
        TrackInfo info = TaskReports.track(t, t.language(), "নদী");
        assertEquals("folk", info.label(), "primary genre when there is no label column");
        assertEquals(List.of("folk", "baul"), info.genres());
        assertEquals("নদী", info.lyrics());
        assertEquals(Path.of("/c/audio/x.mp3"), info.audio());
    }

    @Test
    void headToHeadSplitsVaesFromBaselinesByTheirTrainingHistory() {
        List<gaan.report.HistoryRow> history = List.of(
                new gaan.report.HistoryRow("mlp_vae_latent8", 1, 1, 1, 1, 0, 1, 8, Double.NaN, 0.1),
                new gaan.report.HistoryRow("cvae_latent8", 1, 1, 1, 1, 0, 1, 8, Double.NaN, 0.1));
        gaan.report.TaskReport.HeadToHead h = TaskReports.headToHead(ROWS, history);
        assertEquals("mlp_vae_latent8", h.vae().representation(), "the CVAE used the labels: never a candidate");
        assertEquals("k=4", h.baseline().params(), "pca8 k=4 has the baselines' best ARI");
        assertEquals(null, TaskReports.headToHead(ROWS.subList(1, 4), history).vae(), "no VAE row");
    }
}
