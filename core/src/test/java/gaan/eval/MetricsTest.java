package gaan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


class MetricsTest {
    @ParameterizedTest
    @CsvSource({"truth, y.npy", "noisy_labels, noisy_labels.npy", "kmeans, kmeans_labels.npy",
        "agglo_ward, agglo_ward_labels.npy", "agglo_average, agglo_average_labels.npy",
        "agglo_complete, agglo_complete_labels.npy", "agglo_single, agglo_single_labels.npy",
        "dbscan, dbscan_labels.npy"})
    void matchesScikitLearnOnFixedLabellings(String section, String file) {
        int[] y = ClusterFixture.labels("y.npy");
        Scores s = new Metrics(2).score(ClusterFixture.x(), ClusterFixture.labels(file), y);
        ClusterFixture.assertScoresMatch(section, s);
    }

    @Test
    void truthScoresPerfectAccuracyAndFullCoverage() {
        int[] y = ClusterFixture.labels("y.npy");
        Scores s = new Metrics(1).score(ClusterFixture.x(), y, y);
        assertEquals(1.0, s.accuracy());
        assertEquals(1.0, s.coverage());
        assertEquals("", s.undefinedReason());
    }

    /** gaan-spark counts (label, cluster) pairs in a distributed groupBy and scores the small table. */
    @Test
    void aCountedContingencyTableScoresAsThePointsDo() {
        int[] y = ClusterFixture.labels("y.npy");
        int[] pred = ClusterFixture.labels("dbscan_labels.npy");
        int classes = java.util.Arrays.stream(y).max().getAsInt() + 1;
        int clusters = java.util.Arrays.stream(pred).max().getAsInt() + 2;
        // One more row and column than used, as a table keyed by every label ever seen may have.
        long[][] counts = new long[classes + 1][clusters + 1];
        for (int i = 0; i < y.length; i++) {
            counts[y[i]][pred[i] + 1]++;
        }
        Contingency table = Contingency.ofCounts(counts);
        assertEquals(Metrics.adjustedRand(y, pred), Metrics.adjustedRand(table));
        assertEquals(Metrics.normalizedMutualInfo(y, pred), Metrics.normalizedMutualInfo(table));
        assertEquals(Metrics.purity(y, pred), Metrics.purity(table));
        assertThrows(IllegalArgumentException.class, () -> Contingency.ofCounts(new long[][] {{1, 2}, {3}}));
    }

    @Test
    void dbscanCoverageCountsNoise() {
        int[] y = ClusterFixture.labels("y.npy");
        Scores s = new Metrics(2).score(ClusterFixture.x(), ClusterFixture.labels("dbscan_labels.npy"), y);
        assertEquals(1 - 202 / 600.0, s.coverage(), 1e-15);
    }

    @Test
    void silhouetteDoesNotDependOnThreadCount() {
        double[][] x = ClusterFixture.x();
        int[] labels = ClusterFixture.labels("noisy_labels.npy");
        double one = new Metrics(1).score(x, labels, null).silhouette();
        double three = new Metrics(3).score(x, labels, null).silhouette();
        assertEquals(one, three, 1e-13);
    }

    @Test
    void silhouetteIsTheSameRowByRowAsPairByPair() {
        gaan.linalg.Points p = gaan.linalg.Points.of(ClusterFixture.x());
        int[] labels = ClusterFixture.labels("noisy_labels.npy");
        Metrics m = new Metrics(2);
        assertEquals(m.silhouette(p, labels, 7, true), m.silhouette(p, labels, 7, false), 1e-13);
    }

    @Test
    void sampledSilhouetteIsCloseToExactAndRepeatable() {
        double[][] x = ClusterFixture.x();
        int[] y = ClusterFixture.labels("y.npy");
        double a = new Metrics(2, 300, 7).score(x, y, null).silhouette();
        double b = new Metrics(2, 300, 7).score(x, y, null).silhouette();
        assertEquals(a, b);
        assertEquals(ClusterFixture.expected("truth").get("silhouette").asDouble(), a, 0.05);
    }

    @Test
    void accuracyUsesBestOneToOneMatching() {
        int[] truth = {0, 0, 0, 1, 1, 2, 2, 2};
        int[] pred = {5, 5, 1, 1, 1, 3, 3, 3};
        // Matching 5→0, 1→1, 3→2 puts 2 + 2 + 3 = 7 of 8 on the diagonal.
        assertEquals(7 / 8.0, Metrics.accuracy(truth, pred), 1e-15);
        assertEquals(7 / 8.0, Metrics.purity(truth, pred), 1e-15);
        // Two clusters for three classes: one class stays unmatched.
        assertEquals(6 / 8.0, Metrics.accuracy(truth, new int[] {0, 0, 0, 0, 0, 1, 1, 1}), 1e-15);
    }

    @Test
    void allNoiseIsUndefinedNotPerfect() {
        double[][] x = {{0, 0}, {1, 1}, {2, 2}};
        Scores s = new Metrics(1).score(x, new int[] {-1, -1, -1}, new int[] {0, 0, 1});
        assertTrue(Double.isNaN(s.silhouette()) && Double.isNaN(s.ari()) && Double.isNaN(s.purity()));
        assertEquals(0.0, s.coverage());
        assertEquals(3, s.nNoise());
        assertTrue(s.undefinedReason().contains("all points are noise"), s.undefinedReason());
    }

    @Test
    void oneClusterHasNoInternalScoresButHonestExternalOnes() {
        double[][] x = {{0, 0}, {1, 1}, {2, 2}, {3, 3}};
        Scores s = new Metrics(1).score(x, new int[] {0, 0, 0, 0}, new int[] {0, 0, 1, 1});
        assertTrue(Double.isNaN(s.silhouette()) && Double.isNaN(s.daviesBouldin())
                && Double.isNaN(s.calinskiHarabasz()));
        assertTrue(s.undefinedReason().contains("at least 2 clusters"), s.undefinedReason());
        assertEquals(0.0, s.ari(), 1e-15);
        assertEquals(0.0, s.nmi(), 1e-15);
        assertEquals(0.5, s.purity(), 1e-15);
    }

    @Test
    void asManyClustersAsPointsIsUndefined() {
        double[][] x = {{0}, {1}, {2}};
        Scores s = new Metrics(1).score(x, new int[] {0, 1, 2}, null);
        assertTrue(Double.isNaN(s.silhouette()));
        assertTrue(s.undefinedReason().contains("fewer clusters than clustered points"));
        assertTrue(s.undefinedReason().contains("no truth labels"));
    }

    @Test
    void unlabelledTracksAreLeftOutOfExternalMetrics() {
        double[][] x = {{0}, {0.1}, {5}, {5.1}, {9}};
        int[] labels = {0, 0, 1, 1, 1};
        Scores s = new Metrics(1).score(x, labels, new int[] {3, 3, 4, 4, -1});
        assertEquals(1.0, s.ari(), 1e-15);
        assertEquals(1.0, s.purity(), 1e-15);
    }

    @Test
    void noiseIsOneClusterForExternalMetrics() {
        int[] truth = {0, 0, 1, 1, 2, 2};
        double[][] x = {{0}, {0.1}, {5}, {5.1}, {9}, {20}};
        Scores s = new Metrics(1).score(x, new int[] {0, 0, 1, 1, -1, -1}, truth);
        assertEquals(1.0, s.ari(), 1e-15, "noise grouping matches class 2 exactly");
        assertEquals(4 / 6.0, s.coverage(), 1e-15);
    }

    @Test
    void duplicatePointsScoreWithoutNaN() {
        double[][] x = {{1, 1}, {1, 1}, {1, 1}, {4, 4}, {4, 4}};
        Scores s = new Metrics(1).score(x, new int[] {0, 0, 0, 1, 1}, null);
        assertEquals(1.0, s.silhouette(), 1e-15);
        assertEquals(0.0, s.daviesBouldin(), 1e-15);
        assertEquals(1.0, s.calinskiHarabasz(), 1e-15);
    }

    @Test
    void nonFiniteInputNamesTheRow() {
        double[][] x = {{0, 0}, {1, Double.NaN}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Metrics(1).score(x, new int[] {0, 1}, null));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void mismatchedLabelLengthIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new Metrics(1).score(new double[][] {{0}, {1}}, new int[] {0}, null));
    }
}
