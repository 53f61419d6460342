package gaan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import gaan.cluster.Blobs;
import gaan.cluster.Clusterer;
import gaan.cluster.Dbscan;
import gaan.cluster.Grid;
import gaan.cluster.KMeans;
import gaan.config.ExperimentConfig;

class SweepTest {
    private static final SelectionRule BEST_SILHOUETTE = new SelectionRule(SelectionRule.Criterion.SILHOUETTE,
            ExperimentConfig.DEFAULT_MIN_COVERAGE);

    @Test
    void bestSilhouettePicksTheTrueNumberOfSeparatedClusters() {
        Blobs blobs = Blobs.make(400, 4, 5, 0.5, 3);
        List<SweepResult> runs = new Sweep(new Metrics(2)).run(blobs.x(), Grid.kmeans(Grid.range(2, 9), 2, 0, 1),
                blobs.y());
        assertEquals(16, runs.size());
        SweepResult best = BEST_SILHOUETTE.select(runs).orElseThrow();
        assertEquals(5, best.partition().clusters());
        assertEquals(5, best.method().parameters().get("k"));
        assertEquals(1.0, best.scores().ari(), 1e-12);
    }

    @Test
    void lowCoverageRunsCannotWinAndRuleIsWrittenOut() {
        double[][] x = ClusterFixture.x();
        List<Clusterer> candidates = new ArrayList<>();
        candidates.add(new Dbscan(5.5, 5, 1)); // 202 of 600 points are noise: 66 % coverage
        candidates.add(new KMeans(6, 0, 1));
        List<SweepResult> runs = new Sweep(new Metrics(1)).run(x, candidates, null);
        SelectionRule rule = BEST_SILHOUETTE;
        assertEquals("kmeans", rule.select(runs).orElseThrow().method().algorithm());
        assertEquals("highest silhouette among runs covering at least 90% of points with it defined;"
                + " ties go to the earliest run", rule.toString());
        Optional<SweepResult> any = new SelectionRule(SelectionRule.Criterion.DAVIES_BOULDIN, 0).select(runs);
        assertTrue(any.isPresent());
    }

    @Test
    void impossibleCandidatesBecomeFailedRows() {
        double[][] x = {{0}, {1}, {5}};
        List<SweepResult> runs = new Sweep(new Metrics(1)).run(x, Grid.kmeans(Grid.range(2, 4), 1, 0), null);
        assertEquals(3, runs.size());
        assertTrue(runs.get(2).failed());
        assertTrue(runs.get(2).error().contains("k=4"), runs.get(2).error());
        assertEquals(2, BEST_SILHOUETTE.select(runs).orElseThrow().partition().clusters());
    }
}
