package gaan.linalg;

import java.util.Arrays;

/**
 * Eigen-decomposition of a real symmetric matrix: Householder reduction to tridiagonal form,
 * then the implicit QL method with Wilkinson-style shifts (the EISPACK tred2/tql2 pair, as in
 * Golub &amp; Van Loan §8.3). O(d³) time; accurate to rounding. gaan's one eigen-solver: PCA, the
 * lyrics SVD and the 2-D maps all use it.
 */
public final class SymmetricEigen {
    /**
     * Eigenpairs in order of decreasing eigenvalue (ties keep the solver's order).
     *
     * @param values  eigenvalues, descending
     * @param vectors unit eigenvectors as rows: {@code vectors[c]} belongs to {@code values[c]}
     */
    public record Pairs(double[] values, double[][] vectors) {
    }

    private SymmetricEigen() {
    }

    /** The eigenpairs of symmetric {@code a} (d × d, not modified), eigenvalues descending. */
    public static Pairs descending(double[][] a) {
        int n = a.length;
        double[][] vectors = new double[n][n];
        double[] values = decompose(a, vectors);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        double[] sortedValues = new double[n];
        double[][] sortedVectors = new double[n][];
        for (int c = 0; c < n; c++) {
            sortedValues[c] = values[order[c]];
            sortedVectors[c] = vectors[order[c]];
        }
        return new Pairs(sortedValues, sortedVectors);
    }

    /**
     * Returns the eigenvalues of symmetric {@code a} (d × d, not modified) in no particular order,
     * and writes the matching unit eigenvectors as the rows of {@code vectors}.
     */
    public static double[] decompose(double[][] a, double[][] vectors) {
        int n = a.length;
        double[][] v = new double[n][];
        for (int i = 0; i < n; i++) {
            v[i] = a[i].clone();
        }
        double[] d = new double[n];
        double[] e = new double[n];
        if (n == 0) {
            return d;
        }
        tridiagonalize(v, d, e);
        // QL sweeps update pairs of eigenvector columns; rows of the transpose keep that contiguous.
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                vectors[i][j] = v[j][i];
            }
        }
        ql(vectors, d, e);
        return d;
    }

    /** Householder reduction: on return d holds the diagonal, e the subdiagonal (e[0] = 0), v the transform. */
    private static void tridiagonalize(double[][] v, double[] d, double[] e) {
        int n = d.length;
        System.arraycopy(v[n - 1], 0, d, 0, n);
        for (int i = n - 1; i > 0; i--) {
            double scale = 0;
            double h = 0;
            for (int k = 0; k < i; k++) {
                scale += Math.abs(d[k]);
            }
            if (scale == 0) {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++) {
                    d[j] = v[i - 1][j];
                    v[i][j] = 0;
                    v[j][i] = 0;
                }
            } else {
                for (int k = 0; k < i; k++) {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }
                double f = d[i - 1];
                double g = Math.sqrt(h);
                if (f > 0) {
                    g = -g;
                }
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                for (int j = 0; j < i; j++) {
                    e[j] = 0;
                }
                for (int j = 0; j < i; j++) {
                    f = d[j];
                    v[j][i] = f;
                    g = e[j] + v[j][j] * f;
                    for (int k = j + 1; k <= i - 1; k++) {
                        g += v[k][j] * d[k];
                        e[k] += v[k][j] * f;
                    }
                    e[j] = g;
                }
                f = 0;
                for (int j = 0; j < i; j++) {
                    e[j] /= h;
                    f += e[j] * d[j];
                }
                double hh = f / (h + h);
                for (int j = 0; j < i; j++) {
                    e[j] -= hh * d[j];
                }
                for (int j = 0; j < i; j++) {
                    f = d[j];
                    g = e[j];
                    for (int k = j; k <= i - 1; k++) {
                        v[k][j] -= f * e[k] + g * d[k];
                    }
                    d[j] = v[i - 1][j];
                    v[i][j] = 0;
                }
            }
            d[i] = h;
        }
        // Accumulate the transformations.
        for (int i = 0; i < n - 1; i++) {
            v[n - 1][i] = v[i][i];
            v[i][i] = 1;
            double h = d[i + 1];
            if (h != 0) {
                for (int k = 0; k <= i; k++) {
                    d[k] = v[k][i + 1] / h;
                }
                for (int j = 0; j <= i; j++) {
                    double g = 0;
                    for (int k = 0; k <= i; k++) {
                        g += v[k][i + 1] * v[k][j];
                    }
                    for (int k = 0; k <= i; k++) {
                        v[k][j] -= g * d[k];
                    }
                }
            }
            for (int k = 0; k <= i; k++) {
                v[k][i + 1] = 0;
            }
        }
        for (int j = 0; j < n; j++) {
            d[j] = v[n - 1][j];
            v[n - 1][j] = 0;
        }
        v[n - 1][n - 1] = 1;
        e[0] = 0;
    }

    /** Implicit QL on the tridiagonal (d, e); rows of w are rotated along (w holds vectors as rows). */
    private static void ql(double[][] w, double[] d, double[] e) {
        int n = d.length;
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        e[n - 1] = 0;
        double f = 0;
        double tst1 = 0;
        double eps = Math.ulp(1.0);
        for (int l = 0; l < n; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n - 1 && Math.abs(e[m]) > eps * tst1) {
                m++;
            }
            if (m > l) {
                do {
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2 * e[l]);
                    double r = Math.hypot(p, 1);
                    if (p < 0) {
                        r = -r;
                    }
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) {
                        d[i] -= h;
                    }
                    f += h;
                    p = d[m];
                    double c = 1;
                    double c2 = c;
                    double c3 = c;
                    double el1 = e[l + 1];
                    double s = 0;
                    double s2 = 0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Math.hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        double[] wi = w[i];
                        double[] wi1 = w[i + 1];
                        for (int k = 0; k < n; k++) {
                            double t = wi1[k];
                            wi1[k] = s * wi[k] + c * t;
                            wi[k] = c * wi[k] - s * t;
                        }
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > eps * tst1);
            }
            d[l] += f;
            e[l] = 0;
        }
    }
}
