package gaan.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SymmetricEigenTest {
    /** Checks A·v = λ·v for every pair and that the vectors are orthonormal. */
    private static void assertDecomposes(double[][] a) {
        int n = a.length;
        double[][] v = new double[n][n];
        double[] values = SymmetricEigen.decompose(a, v);
        double norm = 0;
        for (double[] row : a) {
            for (double x : row) {
                norm = Math.max(norm, Math.abs(x));
            }
        }
        double tol = 1e-12 * Math.max(1, norm) * n;
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int j = 0; j < n; j++) {
                    av += a[i][j] * v[c][j];
                }
                assertEquals(values[c] * v[c][i], av, tol, "A·v = λ·v, vector " + c + " row " + i);
            }
            for (int c2 = 0; c2 < n; c2++) {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += v[c][j] * v[c2][j];
                }
                assertEquals(c == c2 ? 1 : 0, dot, 1e-12 * n);
            }
        }
    }

    @Test
    void decomposesRandomSymmetricMatrices() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n : new int[] {1, 2, 3, 10, 57}) {
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    a[i][j] = r.nextGaussian();
                    a[j][i] = a[i][j];
                }
            }
            assertDecomposes(a);
        }
    }

    @Test
    void handlesRepeatedZeroAndDiagonalSpectra() {
        assertDecomposes(new double[4][4]);
        assertDecomposes(new double[][] {{2, 0, 0}, {0, 2, 0}, {0, 0, 5}});
        double[][] ones = new double[6][6];
        for (double[] row : ones) {
            java.util.Arrays.fill(row, 1);
        }
        assertDecomposes(ones);
    }

    @Test
    void descendingPairsReconstructTheMatrix() {
        double[][] m = {{4, 1, 2}, {1, 3, 0.5}, {2, 0.5, 5}};
        SymmetricEigen.Pairs e = SymmetricEigen.descending(m);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int c = 0; c < 3; c++) {
                    s += e.vectors()[c][i] * e.values()[c] * e.vectors()[c][j];
                }
                assertEquals(m[i][j], s, 1e-12);
            }
        }
        assertEquals(4 + 3 + 5, e.values()[0] + e.values()[1] + e.values()[2], 1e-12);
        assertTrue(e.values()[0] >= e.values()[1] && e.values()[1] >= e.values()[2], "descending");
    }
}
