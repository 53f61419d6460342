package gaan.text;

import java.util.Random;

import gaan.linalg.SymmetricEigen;

/**
 * Truncated SVD of a sparse matrix by randomised subspace iteration (Halko, Martinsson and Tropp
 * 2011, algorithms 4.4 and 5.1), the method behind scikit-learn's {@code TruncatedSVD}.
 *
 * <p>With {@code A} of shape {@code n × m} and {@code l = min(k + oversampling, n, m)}: a seeded
 * Gaussian sketch {@code Ω} ({@code m × l}, {@link Random#nextGaussian} in row order),
 * {@code Q = orth(AΩ)}, then {@code powerIterations} times {@code Q = orth(A(AᵀQ))}; finally the
 * small matrix {@code B = QᵀA} is decomposed exactly through the eigenvectors {@code W} of
 * {@code BBᵀ} ({@link SymmetricEigen}), and {@code V = AᵀQWΣ⁻¹}. Components whose singular value is below {@code 1e-6 · σ₁} (duplicate or
 * dependent rows) are dropped, so
 * the rank caps the result. Each right singular vector's sign is fixed so that its entry of
 * largest magnitude is positive (scikit-learn's {@code svd_flip} convention).
 *
 * @param singularValues descending, length {@code d ≤ k}
 * @param components     right singular vectors by column: {@code m × d}
 */
record TruncatedSvd(double[] singularValues, double[][] components) {
    private static final double RELATIVE_TOLERANCE = 1e-6;

    static TruncatedSvd compute(SparseRows a, int k, int oversampling, int powerIterations, long seed) {
        int l = Math.min(k + oversampling, Math.min(a.rows(), a.cols()));
        if (l == 0) {
            return new TruncatedSvd(new double[0], new double[a.cols()][0]);
        }
        SparseRows at = a.transpose();
        Random random = new Random(seed);
        double[][] omega = new double[a.cols()][l];
        for (double[] row : omega) {
            for (int j = 0; j < l; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[][] q = orthonormalize(a.times(omega));
        for (int it = 0; it < powerIterations; it++) {
            q = orthonormalize(a.times(at.times(q)));
        }
        // B·Bᵀ = Qᵀ·A·(Aᵀ·Q): two sparse products and an n × l² one, never an m × l² one.
        double[][] aatq = a.times(at.times(q));
        double[][] gram = new double[l][l];
        for (int r = 0; r < q.length; r++) {
            for (int i = 0; i < l; i++) {
                double qi = q[r][i];
                for (int j = 0; j < l; j++) {
                    gram[i][j] += qi * aatq[r][j];
                }
            }
        }
        for (int i = 0; i < l; i++) {
            for (int j = 0; j < i; j++) {
                gram[i][j] = gram[j][i] = (gram[i][j] + gram[j][i]) / 2;
            }
        }
        SymmetricEigen.Pairs eig = SymmetricEigen.descending(gram);
        double top = Math.sqrt(Math.max(eig.values()[0], 0));
        int d = 0;
        while (d < Math.min(k, l) && Math.sqrt(Math.max(eig.values()[d], 0)) > RELATIVE_TOLERANCE * top) {
            d++;
        }
        double[] sigma = new double[d];
        for (int c = 0; c < d; c++) {
            sigma[c] = Math.sqrt(eig.values()[c]);
        }
        // U = Q·W (n × d); V = Aᵀ·U·Σ⁻¹, since B = QᵀA = W·Σ·Vᵀ.
        double[][] u = new double[q.length][d];
        for (int r = 0; r < q.length; r++) {
            for (int c = 0; c < d; c++) {
                double s = 0;
                for (int j = 0; j < l; j++) {
                    s += q[r][j] * eig.vectors()[c][j];
                }
                u[r][c] = s / sigma[c];
            }
        }
        double[][] v = at.times(u);
        for (int c = 0; c < d; c++) {
            flipSign(v, c);
        }
        return new TruncatedSvd(sigma, v);
    }

    private static void flipSign(double[][] v, int c) {
        double largest = 0;
        for (double[] row : v) {
            if (Math.abs(row[c]) > Math.abs(largest)) {
                largest = row[c];
            }
        }
        if (largest < 0) {
            for (double[] row : v) {
                row[c] = -row[c];
            }
        }
    }

    /**
     * Orthonormal columns spanning those of {@code y} (modified Gram-Schmidt, applied twice for
     * stability). A column that vanishes (rank deficiency) is left as zeros.
     */
    static double[][] orthonormalize(double[][] y) {
        int n = y.length;
        int l = n == 0 ? 0 : y[0].length;
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < l; c++) {
                for (int p = 0; p < c; p++) {
                    double dot = 0;
                    for (double[] row : y) {
                        dot += row[c] * row[p];
                    }
                    for (double[] row : y) {
                        row[c] -= dot * row[p];
                    }
                }
                double norm = 0;
                for (double[] row : y) {
                    norm += row[c] * row[c];
                }
                norm = Math.sqrt(norm);
                double scale = norm > 1e-12 ? 1 / norm : 0;
                for (double[] row : y) {
                    row[c] *= scale;
                }
            }
        }
        return y;
    }
}
