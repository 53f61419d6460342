package gaan.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import gaan.eval.ClusterFixture;
import gaan.eval.Metrics;

class AgglomerativeTest {
    @ParameterizedTest
    @EnumSource(Agglomerative.Linkage.class)
    void partitionEqualsScikitLearn(Agglomerative.Linkage linkage) {
        int[] expected = ClusterFixture.labels("agglo_" + linkage.id() + "_labels.npy");
        Partition p = new Agglomerative(6, linkage, 2).fit(ClusterFixture.x());
        assertEquals(6, p.clusters());
        assertEquals(1.0, Metrics.adjustedRand(expected, p.labels()), 0.0, linkage.id());
        ClusterFixture.assertScoresMatch("agglo_" + linkage.id(),
                new Metrics(2).score(ClusterFixture.x(), p, ClusterFixture.labels("y.npy")));
    }

    @ParameterizedTest
    @EnumSource(Agglomerative.Linkage.class)
    void labelsNumberClustersByFirstPoint(Agglomerative.Linkage linkage) {
        double[][] x = {{10, 0}, {0, 0}, {10, 0.5}, {0, 0.4}, {20, 20}};
        assertArrayEquals(new int[] {0, 1, 0, 1, 2}, new Agglomerative(3, linkage, 1).fit(x).labels());
    }

    @Test
    void wardDoesNotDependOnThreadCount() {
        double[][] x = ClusterFixture.x();
        assertArrayEquals(new Agglomerative(4, Agglomerative.Linkage.WARD, 1).fit(x).labels(),
                new Agglomerative(4, Agglomerative.Linkage.WARD, 3).fit(x).labels());
    }

    @Test
    void singleLinkageSplitsItsSpanningTreeOverThreadsWithoutChangingIt() {
        double[][] x = Blobs.make(1000, 300, 5, 3.0, 8).x(); // wide enough to split each step
        assertArrayEquals(new Agglomerative(5, Agglomerative.Linkage.SINGLE, 1).fit(x).labels(),
                new Agglomerative(5, Agglomerative.Linkage.SINGLE, 2).fit(x).labels());
    }

    @Test
    void wardOnSeparatedBlobsRecoversThem() {
        Blobs b = Blobs.make(3000, 16, 8, 1.0, 2);
        Partition p = new Agglomerative(8, Agglomerative.Linkage.WARD, 2).fit(b.x());
        assertEquals(1.0, Metrics.adjustedRand(b.y(), p.labels()), 1e-12);
    }

    @Test
    void duplicatePointsMergeFirst() {
        double[][] x = {{1, 1}, {5, 5}, {1, 1}, {5, 5}, {1, 1}};
        for (Agglomerative.Linkage linkage : Agglomerative.Linkage.values()) {
            assertArrayEquals(new int[] {0, 1, 0, 1, 0}, new Agglomerative(2, linkage, 1).fit(x).labels());
        }
    }

    @Test
    void moreClustersThanPointsIsAClearError() {
        assertThrows(IllegalArgumentException.class,
                () -> new Agglomerative(3, Agglomerative.Linkage.WARD, 1).fit(new double[][] {{0}, {1}}));
    }

    @Test
    void averageAndCompleteLinkageAreSkippedWhenTheirMatrixExceedsTheLimit() {
        double[][] x = Blobs.make(100, 2, 3, 0.5, 1).x();
        long limit = 8L * 100 * 99 / 2 - 1;
        for (Agglomerative.Linkage l : new Agglomerative.Linkage[] {Agglomerative.Linkage.AVERAGE,
                Agglomerative.Linkage.COMPLETE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Agglomerative(3, l, 1, limit).fit(x));
            assertTrue(e.getMessage().startsWith("skipped: " + l.id() + " linkage keeps all 100×100 pair distances"),
                    e.getMessage());
        }
        assertEquals(3, new Agglomerative(3, Agglomerative.Linkage.WARD, 1, limit).fit(x).clusters());
        assertEquals(3, new Agglomerative(3, Agglomerative.Linkage.AVERAGE, 1, limit + 1).fit(x).clusters());
    }

    @Test
    void oneTreeCutAtEachKGivesWhatFitGivesForThatK() {
        double[][] x = ClusterFixture.x();
        var all = new Agglomerative(2, Agglomerative.Linkage.WARD, 1).fitEachK(x, new int[] {2, 6, 9});
        int[] ks = {2, 6, 9};
        for (int i = 0; i < ks.length; i++) {
            Partition one = new Agglomerative(ks[i], Agglomerative.Linkage.WARD, 1).fit(x);
            assertArrayEquals(one.labels(), all.get(i).labels());
            assertEquals(one.method(), all.get(i).method());
        }
    }
}
