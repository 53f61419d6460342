package gaan.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import gaan.cluster.Blobs;
import gaan.config.ClusteringSpec;
import gaan.report.ResultRow;

class ClusteringStageTest {
    private static final Blobs BLOBS = Blobs.make(200, 4, 3, 0.5, 8);
    private static final Representation REP = new Representation("raw", "mfcc", false, 1, BLOBS.x(), List.of(), "");

    @Test
    void kComesFromTheDataAndTheLabelCountOnlyAsAFlaggedReference() {
        List<ClusteringStage.ScoredPartition> runs = new ClusteringStage("t",
                List.of(ClusteringSpec.of(ClusteringSpec.Algorithm.KMEANS)), null, 5, BLOBS.y(), 0.9, 1).run(REP);
        assertEquals(2, runs.size());
        ResultRow fromData = runs.get(0).row();
        assertEquals(3, fromData.scores().nClusters());
        assertFalse(fromData.kFromLabels());
        assertTrue(fromData.note().contains("k=3 from the data (highest silhouette over k=2..20)"), fromData.note());
        ResultRow reference = runs.get(1).row();
        assertTrue(reference.kFromLabels());
        assertTrue(reference.params().startsWith("k=5"), reference.params());
        assertTrue(reference.note().contains("k = number of labels, for reference"), reference.note());
    }

    @Test
    void aForcedKIsUsedAsGivenAndNotFlagged() {
        List<ClusteringStage.ScoredPartition> runs = new ClusteringStage("t",
                List.of(ClusteringSpec.of(ClusteringSpec.Algorithm.SPECTRAL)), 4, 3, BLOBS.y(), 0.9, 1).run(REP);
        assertEquals(1, runs.size());
        assertEquals("k=4 n_neighbors=10", runs.get(0).row().params());
        assertFalse(runs.get(0).row().kFromLabels());
    }

    @Test
    void silhouetteAboveTheSampleSizeIsSampledAndTheNoteSaysSo() {
        ClusteringSpec spec = ClusteringSpec.of(ClusteringSpec.Algorithm.KMEANS).withK(List.of(3));
        ResultRow sampled = new ClusteringStage("t", List.of(spec), null, null, null, 0.9, 1, 50).run(REP).get(0).row();
        assertTrue(sampled.note().contains("silhouette on a fixed-seed sample of 50 of 200 points"), sampled.note());
        ResultRow exact = new ClusteringStage("t", List.of(spec), null, null, null, 0.9, 1, 500).run(REP).get(0).row();
        assertFalse(exact.note().contains("sample"), exact.note());
        assertEquals(exact.scores().silhouette(), sampled.scores().silhouette(), 0.05);
    }

    @Test
    void representationsClusteredSideBySideEqualThoseClusteredOneAfterAnother() {
        List<ClusteringSpec> specs = List.of(ClusteringSpec.of(ClusteringSpec.Algorithm.KMEANS),
                ClusteringSpec.of(ClusteringSpec.Algorithm.GMM), ClusteringSpec.of(ClusteringSpec.Algorithm.AGGLOMERATIVE));
        List<Representation> reps = new java.util.ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            Blobs b = Blobs.make(150, 5, 3 + seed, 0.8, seed);
            reps.add(new Representation("r" + seed, "mfcc", false, seed, b.x(), List.of(), ""));
        }
        List<List<ClusteringStage.ScoredPartition>> together = new ClusteringStage("t", specs, null, null, null, 0.9, 2)
                .runAll(reps);
        ClusteringStage alone = new ClusteringStage("t", specs, null, null, null, 0.9, 1);
        assertEquals(reps.size(), together.size());
        for (int i = 0; i < reps.size(); i++) {
            List<ClusteringStage.ScoredPartition> expected = alone.run(reps.get(i));
            assertEquals(expected.size(), together.get(i).size());
            for (int j = 0; j < expected.size(); j++) {
                assertEquals(expected.get(j).row(), together.get(i).get(j).row());
                org.junit.jupiter.api.Assertions.assertArrayEquals(expected.get(j).labels(), together.get(i).get(j).labels());
            }
        }
    }
}
