package gaan.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import gaan.eval.ClusterFixture;

class PcaTest {
    @Test
    void explainedVarianceRatiosMatchScikitLearn() {
        Pca.Model m = new Pca(3, 2).fit(ClusterFixture.x());
        JsonNode expected = ClusterFixture.expected("pca3").get("explained_variance_ratio");
        for (int c = 0; c < 3; c++) {
            assertEquals(expected.get(c).asDouble(), m.explainedVarianceRatio()[c], 1e-12);
        }
    }

    @Test
    void projectionIsCentredWithVarianceOfEachComponent() {
        double[][] x = ClusterFixture.x();
        Pca.Model m = new Pca(2, 1).fit(x);
        double[][] z = m.transform(x);
        for (int c = 0; c < 2; c++) {
            double mean = 0;
            double sq = 0;
            for (double[] row : z) {
                mean += row[c];
                sq += row[c] * row[c];
            }
            assertEquals(0, mean / x.length, 1e-10);
            assertEquals(m.explainedVariance()[c], sq / (x.length - 1), 1e-9);
        }
    }

    @Test
    void constantFeatureAddsNoVariance() {
        double[][] x = {{1, 5}, {2, 5}, {3, 5}, {4, 5}};
        Pca.Model m = new Pca(2, 1).fit(x);
        assertEquals(1.0, m.explainedVarianceRatio()[0], 1e-15);
        assertEquals(0.0, m.explainedVarianceRatio()[1], 1e-15);
    }

    @Test
    void moreComponentsThanFeaturesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Pca(3, 1).fit(new double[][] {{1, 2}, {3, 4}}));
    }
}
