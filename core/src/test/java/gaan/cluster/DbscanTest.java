package gaan.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import gaan.data.Npy;
import gaan.eval.ClusterFixture;
import gaan.testutil.Fixtures;

class DbscanTest {
    @Test
    void labelsEqualScikitLearnExactly() {
        Partition p = new Dbscan(5.5, 5, 2).fit(ClusterFixture.x());
        assertArrayEquals(ClusterFixture.labels("dbscan_labels.npy"), p.labels());
        assertEquals(6, p.clusters());
        assertEquals(202, p.noise());
        ClusterFixture.assertScoresMatch("dbscan", new gaan.eval.Metrics(2).score(ClusterFixture.x(), p,
                ClusterFixture.labels("y.npy")));
    }

    @Test
    void kneeMatchesFixtureCurveIndexAndEps() {
        KneeEps.Knee knee = KneeEps.find(ClusterFixture.x(), 5, 2);
        double[] expectedCurve = Npy.read(Fixtures.cluster("kdist5_sorted.npy")).values();
        for (int i = 0; i < expectedCurve.length; i++) {
            assertEquals(expectedCurve[i], knee.sortedDistances()[i], 1e-12 * expectedCurve[i], "kd[" + i + "]");
        }
        JsonNode e = ClusterFixture.expected("knee");
        assertEquals(e.get("knee_index").asInt(), knee.index());
        assertEquals(e.get("eps").asDouble(), knee.eps(), 1e-12);
    }

    @Test
    void kneeVariantRecordsTheEpsItChose() {
        Partition p = Dbscan.knee(5, 1.0, 1).fit(ClusterFixture.x());
        double chosen = (double) p.method().parameters().get("eps_value");
        assertEquals(ClusterFixture.expected("knee").get("eps").asDouble(), chosen, 1e-12);
        assertArrayEquals(new Dbscan(chosen, 5, 1).fit(ClusterFixture.x()).labels(), p.labels());
    }

    @Test
    void dbscanMarksIsolatedPointsAsNoise() {
        double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {50, 50}, {10, 10}, {10, 11}, {11, 10}};
        Partition p = new Dbscan(1.5, 3, 1).fit(x);
        assertArrayEquals(new int[] {0, 0, 0, 0, -1, 1, 1, 1}, p.labels());
        assertEquals(1 - 1 / 8.0, p.coverage(), 1e-15);
    }

    @Test
    void minSamplesCountsThePointItself() {
        double[][] x = {{0}, {1}, {10}};
        assertArrayEquals(new int[] {0, 0, -1}, new Dbscan(1, 2, 1).fit(x).labels());
        assertArrayEquals(new int[] {-1, -1, -1}, new Dbscan(1, 3, 1).fit(x).labels());
    }

    @Test
    void highDimensionalNeighboursMatchBruteForce() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        double[][] x = new double[400][40];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian();
            }
        }
        Partition p = new Dbscan(7.6, 4, 2).fit(x);
        int[] brute = bruteForceDbscan(x, 7.6, 4);
        assertArrayEquals(brute, p.labels());
        assertTrue(p.clusters() >= 1 && p.noise() > 0, "test radius should give clusters and noise");
    }

    /** The textbook algorithm over all pairs, as the reference for the tree-based one. */
    private static int[] bruteForceDbscan(double[][] x, double eps, int minSamples) {
        int n = x.length;
        boolean[] core = new boolean[n];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int j = 0; j < n; j++) {
                count += dist(x[i], x[j]) <= eps ? 1 : 0;
            }
            core[i] = count >= minSamples;
        }
        int[] labels = new int[n];
        java.util.Arrays.fill(labels, -1);
        int cluster = 0;
        for (int s = 0; s < n; s++) {
            if (labels[s] != -1 || !core[s]) {
                continue;
            }
            java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
            stack.push(s);
            labels[s] = cluster;
            while (!stack.isEmpty()) {
                int i = stack.pop();
                if (!core[i]) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if (labels[j] == -1 && dist(x[i], x[j]) <= eps) {
                        labels[j] = cluster;
                        stack.push(j);
                    }
                }
            }
            cluster++;
        }
        return labels;
    }

    private static double dist(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(s);
    }

    @Test
    void duplicatesAreCoreTogether() {
        double[][] x = {{2, 2}, {2, 2}, {2, 2}, {9, 9}};
        assertArrayEquals(new int[] {0, 0, 0, -1}, new Dbscan(0, 3, 1).fit(x).labels());
    }

    @Test
    void negativeEpsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Dbscan(-1, 5, 1));
    }
}
