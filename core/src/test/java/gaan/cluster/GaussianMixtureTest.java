package gaan.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import gaan.cluster.GaussianMixture.Covariance;
import gaan.eval.Metrics;

class GaussianMixtureTest {
    private static final Blobs BLOBS = Blobs.make(500, 4, 4, 1.0, 21);

    @ParameterizedTest
    @EnumSource(Covariance.class)
    void recoversBlobs(Covariance covariance) {
        Partition p = new GaussianMixture(4, covariance, 0, 2).fit(BLOBS.x());
        assertEquals(4, p.clusters());
        assertTrue(Metrics.adjustedRand(BLOBS.y(), p.labels()) > 0.95);
        assertTrue(Double.isFinite(p.bic()) && Double.isNaN(p.inertia()));
    }

    @ParameterizedTest
    @EnumSource(Covariance.class)
    void bicIsLowestAtTheTrueNumberOfComponents(Covariance covariance) {
        double best = new GaussianMixture(4, covariance, 0, 2).fit(BLOBS.x()).bic();
        for (int k : new int[] {2, 3, 6}) {
            double other = new GaussianMixture(k, covariance, 0, 2).fit(BLOBS.x()).bic();
            assertTrue(best < other, "BIC at k=4 " + best + " vs k=" + k + " " + other);
        }
    }

    @Test
    void fewerPointsThanComponentsIsAClearError() {
        assertThrows(IllegalArgumentException.class,
                () -> new GaussianMixture(3, Covariance.DIAG, 0, 1).fit(new double[][] {{0}, {1}}));
    }
}
