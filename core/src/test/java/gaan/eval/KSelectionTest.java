package gaan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import gaan.cluster.GaussianMixture;
import gaan.cluster.KMeans;
import gaan.cluster.Spectral;

class KSelectionTest {
    private final KSelection selection = new KSelection(2);

    @Test
    void candidatesRunFromTwoToTwentyOrAFifthOfThePoints() {
        assertEquals(KSelection.MAX_K - 1, KSelection.candidates(600).size());
        assertEquals(List.of(2, 3, 4), KSelection.candidates(23));
        assertEquals(List.of(2), KSelection.candidates(4));
    }

    @Test
    void silhouettePicksFiveOnTheFixtureAsScikitLearnDoes() {
        // Two of the six blobs touch: scikit-learn's silhouette_score of KMeans is 0.404 at k=5, 0.384 at k=6.
        KSelection.Choice c = selection.choose(ClusterFixture.x(), k -> new KMeans(k, 3, 300, 1e-4, 0, 2));
        assertEquals(5, c.k());
        assertEquals(KSelection.Criterion.SILHOUETTE, c.criterion());
        assertEquals("k=5 from the data (highest silhouette over k=2..20)", c.note());
    }

    @Test
    void eigengapRecoversTheSixBlobsForSpectral() {
        KSelection.Choice c = selection.choose(ClusterFixture.x(), k -> new Spectral(k, 10, 0, 2));
        assertEquals(6, c.k());
        assertEquals(KSelection.Criterion.EIGENGAP, c.criterion());
    }

    @Test
    void bicRecoversTheSixBlobsForGaussianMixtures() {
        KSelection.Choice c = selection.choose(ClusterFixture.x(),
                k -> new GaussianMixture(k, GaussianMixture.Covariance.DIAG, 0, 2));
        assertEquals(6, c.k());
        assertEquals(KSelection.Criterion.BIC, c.criterion());
    }
}
