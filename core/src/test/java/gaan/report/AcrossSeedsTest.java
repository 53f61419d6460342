package gaan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class AcrossSeedsTest {

    static ResultRow run(String repr, long seed, double silhouette, double ari) {
        return new ResultRow("hard", repr, "mfcc", false, "kmeans", "k=4", seed,
                new ResultRow.Scores(4, 0, 1, silhouette, 1, 10, ari, 0.5, 0.5, 0.5, 0.5), false, "");
    }

    @Test
    void meanAndSampleStdOverSeedsLeavingOutUndefinedValues() {
        List<AcrossSeeds.Group> groups = AcrossSeeds.of(List.of(run("vae", 1, 0.2, 0.1), run("pca", 1, 0.9, 0.3),
                run("vae", 2, 0.4, Double.NaN), run("vae", 3, 0.6, 0.5)));
        assertEquals(2, groups.size());
        AcrossSeeds.Group vae = groups.get(0);
        assertEquals("vae", vae.first().representation());
        assertEquals(3, vae.seeds());
        assertEquals(0.4, vae.stat(Metric.SILHOUETTE).mean(), 1e-12);
        assertEquals(0.2, vae.stat(Metric.SILHOUETTE).std(), 1e-12, "numpy.std([.2,.4,.6], ddof=1)");
        assertEquals(0.3, vae.stat(Metric.ARI).mean(), 1e-12);
        assertEquals(2, vae.stat(Metric.ARI).n(), "the NaN seed is left out");
        assertTrue(Double.isNaN(groups.get(1).stat(Metric.SILHOUETTE).std()), "one seed has no spread");
    }

    @Test
    void repeatsAreOnlyRowsThatDifferInTheSeed() {
        assertFalse(AcrossSeeds.hasRepeats(List.of(run("vae", 1, 0.2, 0.1), run("pca", 2, 0.2, 0.1))));
        assertTrue(AcrossSeeds.hasRepeats(List.of(run("vae", 1, 0.2, 0.1), run("vae", 2, 0.2, 0.1))));
    }

    @Test
    void dbscanWithAKneeEpsIsOneMethodOverItsSeeds() {
        ResultRow first = new ResultRow("hard", "pca", "mfcc", false, "dbscan",
                "eps=knee×1.0 min_samples=5 eps_value=0.4123", 1,
                new ResultRow.Scores(3, 2, 0.9, 0.3, 1, 10, 0.2, 0.5, 0.5, 0.5, 0.5), true, "");
        ResultRow second = new ResultRow("hard", "pca", "mfcc", false, "dbscan",
                "eps=knee×1.0 min_samples=5 eps_value=0.3977", 2,
                new ResultRow.Scores(3, 4, 0.8, 0.3, 1, 10, 0.2, 0.5, 0.5, 0.5, 0.5), true, "");
        List<AcrossSeeds.Group> groups = AcrossSeeds.of(List.of(first, second));
        assertEquals(1, groups.size(), "the fitted eps differs per seed; the setting is the same");
        assertEquals("eps=knee×1.0 min_samples=5", groups.get(0).params());
        assertEquals(0.0, groups.get(0).stat(Metric.SILHOUETTE).std(), "equal values: no spread");
        ResultRow fixed = new ResultRow("hard", "pca", "mfcc", false, "dbscan", "eps=0.5 min_samples=5", 1,
                new ResultRow.Scores(3, 2, 0.9, 0.3, 1, 10, 0.2, 0.5, 0.5, 0.5, 0.5), true, "");
        assertEquals(2, AcrossSeeds.of(List.of(first, fixed)).size(), "a set eps is a different method");
    }

    @Test
    void kChosenFromTheDataIsOneMethodOverSeedsThatChoseDifferently() {
        ResultRow.Scores sc = new ResultRow.Scores(3, 0, 1, 0.3, 1, 10, 0.2, 0.5, 0.5, 0.5, 0.5);
        ResultRow four = new ResultRow("hard", "pca", "mfcc", false, "kmeans", "k=4 n_init=10", 1, sc, true,
                "k=4 from the data (highest silhouette over k=2..20)");
        ResultRow five = new ResultRow("hard", "pca", "mfcc", false, "kmeans", "k=5 n_init=10", 2, sc, true,
                "k=5 from the data (highest silhouette over k=2..20)");
        ResultRow reference = new ResultRow("hard", "pca", "mfcc", false, "kmeans", "k=6 n_init=10", 1, sc, false,
                "k = number of labels, for reference");
        List<AcrossSeeds.Group> groups = AcrossSeeds.of(List.of(four, five, reference));
        assertEquals(2, groups.size(), "seeds that chose k=4 and k=5 from the data are one method");
        assertEquals(2, groups.get(0).seeds());
        assertEquals("k=from the data n_init=10", groups.get(0).params());
        assertEquals("k=6 n_init=10", groups.get(1).params());
        // A k the config sets is a setting: k=3 and k=4 of a sweep stay apart.
        ResultRow three = new ResultRow("medium", "pca", "mfcc", false, "kmeans", "k=3 n_init=10", 1, sc, false, "");
        ResultRow sweepFour = new ResultRow("medium", "pca", "mfcc", false, "kmeans", "k=4 n_init=10", 1, sc, false, "");
        assertEquals(2, AcrossSeeds.of(List.of(three, sweepFour)).size());
    }
}
