package gaan.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import gaan.eval.ClusterFixture;
import gaan.eval.Metrics;

class SpectralTest {
    private static final int[] SKLEARN = ClusterFixture.labels("spectral_labels.npy");
    private static final JsonNode SPECTRAL_JSON = ClusterFixture.json("spectral.json");

    @Test
    void matchesScikitLearnWithTheDenseSolver() {
        Partition p = new Spectral(6, 10, 0, 2).fit(ClusterFixture.x());
        assertTrue(Metrics.adjustedRand(SKLEARN, p.labels()) >= 0.99, "ARI " + Metrics.adjustedRand(SKLEARN, p.labels()));
        assertEquals(6, p.clusters());
        assertEquals("spectral(k=6, n_neighbors=10, seed=0)", p.method().toString());
    }

    @Test
    void matchesScikitLearnWithTheSparseSolver() {
        Partition p = new Spectral(6, 10, 0, 2, 0).fit(ClusterFixture.x());
        assertTrue(Metrics.adjustedRand(SKLEARN, p.labels()) >= 0.99, "ARI " + Metrics.adjustedRand(SKLEARN, p.labels()));
    }

    @Test
    void eachKCutIsWhatFitGivesWithItsModularityAsNetworkxComputesIt() {
        double[][] x = ClusterFixture.x();
        List<Spectral.Cut> cuts = new Spectral(6, 10, 0, 2).fitEachK(x, new int[] {4, 6});
        for (Spectral.Cut cut : cuts) {
            int k = cut.partition().clusters();
            assertArrayEquals(new Spectral(k, 10, 0, 2).fit(x).labels(), cut.partition().labels(), "k=" + k);
            assertEquals(new Spectral(k, 10, 0, 2).method(), cut.partition().method());
        }
        assertEquals(List.of(4, 6), cuts.stream().map(c -> c.partition().clusters()).toList());
        // Equal to scikit-learn's partition at k = 6, so its modularity is networkx's for those labels.
        assertEquals(1.0, Metrics.adjustedRand(SKLEARN, cuts.get(1).partition().labels()), 1e-12);
        assertEquals(SPECTRAL_JSON.get("modularity").asDouble(), cuts.get(1).modularity(), 1e-9);
        assertTrue(cuts.get(0).modularity() < cuts.get(1).modularity(), "merging blobs loses modularity");
    }

    @Test
    void separatesDisconnectedBlobsWithTheSparseSolver() {
        // Far-apart blobs make a graph of several components: eigenvalue 1 of D^-½WD^-½ repeats.
        Blobs b = Blobs.make(3000, 4, 5, 0.3, 11);
        Partition p = new Spectral(5, 10, 1, 2, 0).fit(b.x());
        assertEquals(1.0, Metrics.adjustedRand(b.y(), p.labels()), 1e-12);
    }

    @Test
    void fewerPointsThanClustersIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Spectral(5, 10, 0, 1).fit(new double[][] {{0}, {1}, {2}, {3}}));
        assertTrue(e.getMessage().contains("k=5") && e.getMessage().contains("lower k"), e.getMessage());
    }

    @Test
    void fewerPointsThanNeighboursStillClustersWithASmallerNeighbourhood() {
        // Three tracks (a collection users do bring) with the default 10 neighbours: two groups.
        Partition p = new Spectral(2, 10, 0, 1).fit(new double[][] {{0}, {0.1}, {5}});
        assertEquals(p.labels()[0], p.labels()[1]);
        assertTrue(p.labels()[0] != p.labels()[2]);
    }
}
