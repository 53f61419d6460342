package gaan.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;


class TruncatedSvdTest {

    /** A = U·diag(s)·Vᵀ built from random orthonormal U (40×6) and V (30×6). */
    private static final double[] S = {9, 5, 3, 2, 1, 0.5};

    @Test
    void recoversKnownSingularValuesAndVectors() {
        Random r = new Random(7);
        double[][] u = TruncatedSvd.orthonormalize(gaussian(r, 40, S.length));
        double[][] v = TruncatedSvd.orthonormalize(gaussian(r, 30, S.length));
        SparseRows a = sparse(product(u, v));
        TruncatedSvd svd = TruncatedSvd.compute(a, 4, 2, 3, 11);
        assertArrayEquals(new double[] {9, 5, 3, 2}, svd.singularValues(), 1e-9);
        for (int c = 0; c < 4; c++) {
            double dot = 0;
            for (int i = 0; i < 30; i++) {
                dot += svd.components()[i][c] * v[i][c];
            }
            assertEquals(1.0, Math.abs(dot), 1e-9, "component " + c);
        }
    }

    @Test
    void rankCapsTheNumberOfComponents() {
        Random r = new Random(3);
        double[][] u = TruncatedSvd.orthonormalize(gaussian(r, 20, S.length));
        double[][] v = TruncatedSvd.orthonormalize(gaussian(r, 25, S.length));
        TruncatedSvd svd = TruncatedSvd.compute(sparse(product(u, v)), 10, 10, 2, 5);
        assertEquals(S.length, svd.singularValues().length);
        assertArrayEquals(S, svd.singularValues(), 1e-9);
    }

    private static double[][] gaussian(Random r, int rows, int cols) {
        double[][] x = new double[rows][cols];
        for (double[] row : x) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return x;
    }

    private static double[][] product(double[][] u, double[][] v) {
        double[][] a = new double[u.length][v.length];
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < v.length; j++) {
                for (int c = 0; c < S.length; c++) {
                    a[i][j] += u[i][c] * S[c] * v[j][c];
                }
            }
        }
        return a;
    }

    private static SparseRows sparse(double[][] a) {
        List<Integer> cols = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        int[] rowStart = new int[a.length + 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                if (a[i][j] != 0) {
                    cols.add(j);
                    vals.add(a[i][j]);
                }
            }
            rowStart[i + 1] = cols.size();
        }
        return new SparseRows(a.length, a[0].length, rowStart,
                cols.stream().mapToInt(Integer::intValue).toArray(),
                vals.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
