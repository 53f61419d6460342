package gaan.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import gaan.eval.Metrics;

class HdbscanTest {
    @Test
    void findsSeparatedBlobsAndLeavesScatteredPointsAsNoise() {
        Blobs b = Blobs.make(600, 2, 4, 0.4, 11).withUniformNoise(40, 12);
        Partition p = new Hdbscan(15, 5, 2).fit(b.x());
        assertEquals(4, p.clusters());
        int[] truthOfBlobs = java.util.Arrays.copyOf(b.y(), 600);
        int[] labelsOfBlobs = java.util.Arrays.copyOf(p.labels(), 600);
        assertTrue(Metrics.adjustedRand(truthOfBlobs, labelsOfBlobs) > 0.95);
        int noiseAmongScattered = 0;
        for (int i = 600; i < 640; i++) {
            noiseAmongScattered += p.labels()[i] == -1 ? 1 : 0;
        }
        assertTrue(noiseAmongScattered >= 25, "scattered points labelled noise: " + noiseAmongScattered);
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        Blobs b = Blobs.make(300, 3, 3, 1.0, 4);
        assertArrayEquals(new Hdbscan(10, 5, 1).fit(b.x()).labels(), new Hdbscan(10, 5, 3).fit(b.x()).labels());
    }

    @Test
    void duplicatePointsFormAFiniteStableCluster() {
        double[][] x = new double[40][];
        for (int i = 0; i < 40; i++) {
            x[i] = i < 20 ? new double[] {1, 1} : new double[] {20 + i * 0.01, 5};
        }
        Partition p = new Hdbscan(5, 3, 1).fit(x);
        assertEquals(2, p.clusters());
        assertEquals(p.labels()[0], p.labels()[19]);
        assertTrue(p.labels()[0] != p.labels()[30]);
    }
}
