package gaan.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import gaan.eval.ClusterFixture;
import gaan.eval.Metrics;

class KMeansTest {
    @Test
    void findsScikitLearnPartitionAndInertia() {
        Partition p = new KMeans(6, 10, 300, 1e-4, 0, 2).fit(ClusterFixture.x());
        assertEquals(1.0, Metrics.adjustedRand(ClusterFixture.labels("kmeans_labels.npy"), p.labels()), 1e-15);
        double expected = ClusterFixture.expected("kmeans").get("inertia").asDouble();
        assertEquals(expected, p.inertia(), 1e-6 * expected);
        assertEquals(6, p.clusters());
        assertTrue(Double.isNaN(p.bic()));
        assertEquals("kmeans(k=6, n_init=10, max_iter=300, tol=1.0E-4, seed=0)", p.method().toString());
        ClusterFixture.assertScoresMatch("kmeans", new Metrics(2).score(ClusterFixture.x(), p, ClusterFixture.labels("y.npy")));
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        double[][] x = ClusterFixture.x();
        Partition one = new KMeans(8, 4, 300, 1e-4, 3, 1).fit(x);
        Partition two = new KMeans(8, 4, 300, 1e-4, 3, 2).fit(x);
        assertArrayEquals(one.labels(), two.labels());
        assertEquals(one.inertia(), two.inertia());
    }

    @Test
    void singleRestartSplitOverThreadsGivesTheSamePartition() {
        double[][] x = Blobs.make(12000, 8, 7, 2.0, 5).x();
        Partition one = new KMeans(7, 1, 300, 1e-4, 9, 1).fit(x);
        Partition two = new KMeans(7, 1, 300, 1e-4, 9, 2).fit(x);
        assertArrayEquals(one.labels(), two.labels());
        assertEquals(one.inertia(), two.inertia());
    }

    @Test
    void fewerPointsThanClustersIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new KMeans(5, 1, 10, 1e-4, 0, 1).fit(new double[][] {{0}, {1}, {2}}));
        assertTrue(e.getMessage().contains("k=5"), e.getMessage());
    }

    @Test
    void duplicatePointsGiveAsManyClustersAsDistinctPoints() {
        double[][] x = {{0, 0}, {0, 0}, {0, 0}, {5, 5}, {5, 5}};
        Partition p = new KMeans(3, 3, 50, 1e-4, 1, 1).fit(x);
        assertEquals(0.0, p.inertia(), 0.0);
        assertEquals(p.labels()[0], p.labels()[1]);
        assertTrue(p.labels()[0] != p.labels()[3]);
        assertTrue(p.clusters() <= 3);
    }

    @Test
    void constantFeatureDoesNotDisturbClustering() {
        double[][] x = ClusterFixture.x();
        double[][] padded = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            padded[i] = java.util.Arrays.copyOf(x[i], x[i].length + 1);
            padded[i][x[i].length] = 42.0;
        }
        Partition p = new KMeans(6, 10, 300, 1e-4, 0, 2).fit(padded);
        assertEquals(1.0, Metrics.adjustedRand(ClusterFixture.labels("kmeans_labels.npy"), p.labels()), 1e-15);
    }

    @Test
    void nanInputNamesTheRow() {
        double[][] x = {{0, 0}, {1, 1}, {Double.POSITIVE_INFINITY, 2}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new KMeans(2, 1, 10, 1e-4, 0, 1).fit(x));
        assertTrue(e.getMessage().contains("row 2"), e.getMessage());
    }
}
