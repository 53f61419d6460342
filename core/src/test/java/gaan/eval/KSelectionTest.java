package gaan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

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
    void modularityRecoversTheSixBlobsForSpectral() {
        KSelection.Choice c = selection.choose(ClusterFixture.x(), k -> new Spectral(k, 10, 0, 2));
        assertEquals(6, c.k());
        assertEquals(KSelection.Criterion.MODULARITY, c.criterion());
        assertEquals("k=6 from the data (highest modularity on the kNN graph over k=2..20)", c.note());
    }

    /** The chosen k's partition comes with the choice where the sweep made exactly what a fit gives. */
    @Test
    void spectralsChoiceCarriesTheFitOfEachKAndKMeansNone() {
        KSelection.Choice c = selection.choose(ClusterFixture.x(), k -> new Spectral(k, 10, 0, 2));
        for (int k : new int[] {c.k(), 3}) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(new Spectral(k, 10, 0, 2).fit(ClusterFixture.x()).labels(),
                    c.partition(k).labels(), "k=" + k);
        }
        org.junit.jupiter.api.Assertions.assertNull(c.partition(99));
        KSelection.Choice kMeans = selection.choose(ClusterFixture.x(), k -> new KMeans(k, 3, 300, 1e-4, 0, 2));
        org.junit.jupiter.api.Assertions.assertNull(kMeans.partition(kMeans.k()), "swept with one restart, refitted");
    }

    @Test
    void modularityIsNotDrawnToTheSpreadOfLargeEigenvaluesAsTheEigengapWas() {
        // Three pairs of blobs, the pairs far apart: the 10-NN graph's small eigenvalues have their gap at 6,
        // but the Laplacian's eigenvalues spread towards k = 20, where a larger gap drew the eigengap heuristic.
        SplittableRandom r = new SplittableRandom(3);
        double[][] x = new double[240][];
        int[] y = new int[240];
        for (int i = 0; i < x.length; i++) {
            y[i] = i / 40;
            x[i] = new double[] {20.0 * (y[i] / 2) + r.nextGaussian(), 6.0 * (y[i] % 2) + r.nextGaussian()};
        }
        KSelection.Choice c = selection.choose(x, k -> new Spectral(k, 10, 0, 2));
        assertEquals(6, c.k(), c.note() + " " + java.util.Arrays.toString(c.scores()));
    }

    @Test
    void bicRecoversTheSixBlobsForGaussianMixtures() {
        KSelection.Choice c = selection.choose(ClusterFixture.x(),
                k -> new GaussianMixture(k, GaussianMixture.Covariance.DIAG, 0, 2));
        assertEquals(6, c.k());
        assertEquals(KSelection.Criterion.BIC, c.criterion());
    }
}
