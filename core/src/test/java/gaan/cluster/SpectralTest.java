package gaan.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import gaan.eval.ClusterFixture;
import gaan.eval.Metrics;

class SpectralTest {
    private static final int[] SKLEARN = ClusterFixture.labels("spectral_labels.npy");

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
