package gaan.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import gaan.data.Npy;
import gaan.testutil.Fixtures;

class ProjectionTest {

    /** {@code perBlob} points around each of {@code blobs} centres 10 apart in 10-D, unit noise. */
    static double[][] blobs(int blobs, int perBlob, int[] labels, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[blobs * perBlob][10];
        for (int b = 0; b < blobs; b++) {
            for (int i = 0; i < perBlob; i++) {
                int row = b * perBlob + i;
                labels[row] = b;
                for (int f = 0; f < 10; f++) {
                    x[row][f] = (f == b ? 10 : 0) + r.nextGaussian();
                }
            }
        }
        return x;
    }

    /** Share of points whose 5 nearest neighbours in the map mostly carry their own label. */
    static double knnAgreement(double[][] y, int[] labels) {
        int n = y.length;
        int agree = 0;
        for (int i = 0; i < n; i++) {
            double[] d = new double[n];
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                d[j] = j == i ? Double.POSITIVE_INFINITY
                        : Math.hypot(y[i][0] - y[j][0], y[i][1] - y[j][1]);
                order[j] = j;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
            int same = 0;
            for (int k = 0; k < 5; k++) {
                same += labels[order[k]] == labels[i] ? 1 : 0;
            }
            agree += same >= 3 ? 1 : 0;
        }
        return agree / (double) n;
    }

    @Test
    void tsneKeepsSeparatedBlobsSeparated() {
        int[] labels = new int[120];
        double[][] x = blobs(4, 30, labels, 3);
        double[][] y = Projection.tsne(x, 30, 500);
        assertEquals(120, y.length);
        double agreement = knnAgreement(y, labels);
        assertTrue(agreement >= 0.9, "kNN agreement in the t-SNE map " + agreement);
        double spread = java.util.Arrays.stream(y).mapToDouble(p -> Math.abs(p[0])).max().orElse(0);
        assertTrue(spread > 1, "the map grew from its 1e-4 initialisation: " + spread);
    }

    @Test
    void tsneIsDeterministic() {
        int[] labels = new int[60];
        double[][] x = blobs(3, 20, labels, 5);
        double[][] a = Projection.tsne(x, 30, 300);
        double[][] b = Projection.tsne(x, 30, 300);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i]);
        }
    }

    @Test
    void pcaFindsTheDirectionOfLargestVariance() {
        Random r = new Random(1);
        double[][] x = new double[200][3];
        for (double[] row : x) {
            double t = r.nextGaussian();
            // variance 25 along (1, 1, 0)/√2, 1 along z, 0.01 along (1, -1, 0)/√2
            double s = 0.1 * r.nextGaussian();
            row[0] = 5 * t / Math.sqrt(2) + s / Math.sqrt(2);
            row[1] = 5 * t / Math.sqrt(2) - s / Math.sqrt(2);
            row[2] = r.nextGaussian();
        }
        double[][] scores = Projection.pca(x, 2);
        double var0 = 0;
        double var1 = 0;
        double corr = 0;
        for (int i = 0; i < x.length; i++) {
            var0 += scores[i][0] * scores[i][0];
            var1 += scores[i][1] * scores[i][1];
            corr += scores[i][0] * (x[i][0] + x[i][1]);
        }
        assertEquals(25, var0 / 199, 5);
        assertEquals(1, var1 / 199, 0.3);
        assertTrue(corr > 0, "sign convention: the largest loading is positive");
        double cross = 0;
        for (double[] s : scores) {
            cross += s[0] * s[1];
        }
        assertEquals(0, cross / 199, 1e-6, "components are orthogonal");
    }

    @Test
    void pcaExplainedVarianceMatchesScikitLearn() {
        double[][] x = Npy.read(Fixtures.cluster("X.npy")).toMatrix();
        double[] expected = Npy.read(Fixtures.cluster("pca3_explained_variance_ratio.npy")).values();
        double[][] scores = Projection.pca(x, 3);
        double total = 0;
        for (int j = 0; j < x[0].length; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j];
            }
            mean /= x.length;
            for (double[] row : x) {
                total += (row[j] - mean) * (row[j] - mean);
            }
        }
        for (int m = 0; m < 3; m++) {
            double var = 0;
            for (double[] s : scores) {
                var += s[m] * s[m];
            }
            assertEquals(expected[m], var / total, 1e-9, "explained variance ratio of component " + m);
        }
    }

    @Test
    void tsneKeepsNeighbourhoodsOfTheScikitLearnBlobs() {
        double[][] x = Npy.read(Fixtures.cluster("X.npy")).toMatrix();
        int[] y = Npy.read(Fixtures.cluster("y.npy")).toInts();
        double[][] map = Projection.map(x).points();
        double inMap = knnAgreement(map, y);
        assertTrue(inMap >= 0.9, "kNN label agreement in the 2-D map of 6 blobs: " + inMap);
    }

    @Test
    void mapUsesBarnesHutAboveTheExactLimitAndKeepsBlobsApart() {
        int perBlob = (Projection.EXACT_TSNE_MAX_N + 500) / 5;
        int[] labels = new int[5 * perBlob];
        double[][] x = blobs(5, perBlob, labels, 7);
        Projection.Map2d m = Projection.map(x);
        assertEquals("Barnes-Hut t-SNE", m.method());
        assertEquals(x.length, m.points().length);
        double agreement = knnAgreement(m.points(), labels);
        assertTrue(agreement >= 0.95, "kNN label agreement in the Barnes-Hut map: " + agreement);
        double preserved = neighbourPreservation(x, m.points(), 10);
        assertTrue(preserved >= 0.3, "share of each point's 10 nearest input neighbours kept in the map: " + preserved);
    }

    @Test
    void barnesHutGivesTheSameMapOnOneThreadAndOnTwo() {
        int[] labels = new int[600];
        double[][] x = blobs(4, 150, labels, 9);
        double[][] one = new BarnesHutTsne(30, 300, 0.5, 1).fit(x);
        double[][] two = new BarnesHutTsne(30, 300, 0.5, 2).fit(x);
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(one[i], two[i], "point " + i);
        }
    }

    @Test
    void barnesHutRejectsAnAngleThatWouldSummariseAPointsOwnCell() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new BarnesHutTsne(30, 10, 0.8, 1));
        assertTrue(e.getMessage().contains("theta"), e.getMessage());
    }

    /** Mean share of each point's {@code k} nearest neighbours in {@code x} that are also among its {@code k} nearest in {@code y}. */
    static double neighbourPreservation(double[][] x, double[][] y, int k) {
        double kept = 0;
        for (int i = 0; i < x.length; i++) {
            java.util.Set<Integer> inX = new java.util.HashSet<>(nearest(x, i, k));
            kept += nearest(y, i, k).stream().filter(inX::contains).count() / (double) k;
        }
        return kept / x.length;
    }

    private static java.util.List<Integer> nearest(double[][] x, int i, int k) {
        double[] d = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            double s = 0;
            for (int f = 0; f < x[i].length; f++) {
                s += (x[i][f] - x[j][f]) * (x[i][f] - x[j][f]);
            }
            d[j] = j == i ? Double.POSITIVE_INFINITY : s;
        }
        return java.util.stream.IntStream.range(0, x.length).boxed()
                .sorted((a, b) -> Double.compare(d[a], d[b])).limit(k).toList();
    }

    @Test
    void mapFallsBackToPcaForTinyInputs() {
        Projection.Map2d m = Projection.map(new double[][] {{0, 1}, {1, 0}, {2, 2}});
        assertEquals("PCA", m.method());
        assertEquals(3, m.points().length);
        assertEquals(2, m.points()[0].length);
    }
}
