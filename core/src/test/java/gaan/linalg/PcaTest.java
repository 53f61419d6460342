package gaan.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    @Test
    void moreFeaturesThanPointsGoesThroughTheGramMatrixWithTheSameResult() {
        java.util.Random r = new java.util.Random(4);
        int n = 12;
        int dim = 40;
        double[][] x = new double[n][dim];
        for (double[] row : x) {
            for (int j = 0; j < dim; j++) {
                row[j] = r.nextGaussian() * (1 + j % 5);
            }
        }
        Pca pca = new Pca(5, 2);
        Points p = Points.of(x);
        double[] mean = new double[dim];
        for (double[] row : x) {
            for (int j = 0; j < dim; j++) {
                mean[j] += row[j] / n;
            }
        }
        Pca.Model cov = pca.fitByCovariance(p.values(), n, dim, mean);
        Pca.Model gram = pca.fitByGram(p.values(), n, dim, mean);
        assertArrayEquals(cov.explainedVarianceRatio(), gram.explainedVarianceRatio(), 1e-9);
        double[][] a = cov.transform(x);
        double[][] b = gram.transform(x);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(a[i], b[i], 1e-7, "projections agree, signs oriented alike");
        }
        assertEquals(5, pca.fit(x).components().length, "fit takes the Gram route for dim > n");
    }
}
