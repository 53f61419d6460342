package gaan.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BlockLanczosTest {
    /** A dense symmetric matrix as an operator. */
    private record Dense(double[][] a) implements BlockLanczos.Operator {
        @Override
        public int size() {
            return a.length;
        }

        @Override
        public void apply(double[] x, double[] y) {
            for (int i = 0; i < a.length; i++) {
                double s = 0;
                for (int j = 0; j < a.length; j++) {
                    s += a[i][j] * x[j];
                }
                y[i] = s;
            }
        }
    }

    /** Q·diag(values)·Qᵀ for a random orthogonal Q (Gram-Schmidt of Gaussian columns). */
    private static double[][] withSpectrum(double[] values, long seed) {
        int n = values.length;
        SplittableRandom r = new SplittableRandom(seed);
        double[][] q = new double[n][n];
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < n; i++) {
                q[c][i] = r.nextGaussian();
            }
            for (int b = 0; b < c; b++) {
                double p = 0;
                for (int i = 0; i < n; i++) {
                    p += q[c][i] * q[b][i];
                }
                for (int i = 0; i < n; i++) {
                    q[c][i] -= p * q[b][i];
                }
            }
            double norm = Math.sqrt(Arrays.stream(q[c]).map(v -> v * v).sum());
            for (int i = 0; i < n; i++) {
                q[c][i] /= norm;
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < n; c++) {
                    s += q[c][i] * values[c] * q[c][j];
                }
                a[i][j] = s;
            }
        }
        return a;
    }

    @Test
    void findsTheLargestEigenpairsIncludingARepeatedEigenvalue() {
        int n = 300;
        double[] values = new double[n];
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < n; i++) {
            values[i] = r.nextDouble(-1, 0.9);
        }
        values[0] = 1;
        values[1] = 1;
        values[2] = 1;
        values[3] = 0.95;
        double[][] a = withSpectrum(values, 7);
        SymmetricEigen.Pairs e = new BlockLanczos(4, 1e-10, 3).largest(new Dense(a));
        assertEquals(1, e.values()[0], 1e-12);
        assertEquals(1, e.values()[2], 1e-12);
        assertEquals(0.95, e.values()[3], 1e-12);
        double[] av = new double[n];
        for (int t = 0; t < 4; t++) {
            new Dense(a).apply(e.vectors()[t], av);
            for (int i = 0; i < n; i++) {
                assertEquals(e.values()[t] * e.vectors()[t][i], av[i], 1e-9, "A·v = λ·v, vector " + t);
            }
            for (int s = 0; s <= t; s++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += e.vectors()[t][i] * e.vectors()[s][i];
                }
                assertEquals(s == t ? 1 : 0, dot, 1e-10, "orthonormal " + s + "," + t);
            }
        }
    }

    @Test
    void moreEigenvectorsThanRowsIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BlockLanczos(5, 1e-8, 0).largest(new Dense(new double[3][3])));
        assertEquals("cannot find 5 eigenvectors of a 3 × 3 operator", e.getMessage());
    }
}
