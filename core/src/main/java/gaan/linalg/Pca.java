package gaan.linalg;

import gaan.linalg.SymmetricEigen;

/**
 * Principal component analysis: the data are centred, the covariance matrix (ddof = 1) is
 * diagonalised (Householder tridiagonalisation and QL, O(dim³)), and components are kept in order of decreasing
 * variance. With more features than points (a flattened 128×128 log-mel patch per track) the n×n
 * Gram matrix of the centred points is diagonalised instead (O(n²·dim + n³)): its eigenvectors u
 * map to the components Xᵀu / ‖Xᵀu‖ with the same variances. Explained variance ratios are over the total variance (all components), as in
 * scikit-learn. Signs follow scikit-learn's {@code svd_flip}: in each component's projection of
 * the fitted data, the entry of largest magnitude is positive.
 */
public final class Pca {
    private final int components;
    private final int threads;

    /**
     * @param components number of components to keep (at most the number of features)
     */
    public Pca(int components, int threads) {
        if (components < 1) {
            throw new IllegalArgumentException("PCA needs at least 1 component, got " + components);
        }
        this.components = components;
        this.threads = threads;
    }

    /**
     * A fitted projection.
     *
     * @param mean feature means of the fitted data
     * @param components one unit vector per row, in order of decreasing variance
     * @param explainedVariance variance along each component (ddof = 1)
     * @param explainedVarianceRatio that variance over the total variance of the data
     */
    public record Model(double[] mean, double[][] components, double[] explainedVariance,
            double[] explainedVarianceRatio) {
        /** Projects rows of {@code x} onto the components: n × components. */
        public double[][] transform(double[][] x) {
            double[][] out = new double[x.length][components.length];
            for (int i = 0; i < x.length; i++) {
                if (x[i].length != mean.length) {
                    throw new IllegalArgumentException("row " + i + " has " + x[i].length
                            + " features; the PCA was fitted on " + mean.length);
                }
                for (int c = 0; c < components.length; c++) {
                    double s = 0;
                    for (int j = 0; j < mean.length; j++) {
                        s += (x[i][j] - mean[j]) * components[c][j];
                    }
                    out[i][c] = s;
                }
            }
            return out;
        }
    }

    public Model fit(double[][] x) {
        Points p = Points.of(x);
        int n = p.size();
        int dim = p.dim();
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 points, got " + n);
        }
        if (components > dim) {
            throw new IllegalArgumentException("PCA asked for " + components + " components of "
                    + dim + "-dimensional data");
        }
        double[] v = p.values();
        double[] mean = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                mean[j] += v[i * dim + j];
            }
        }
        for (int j = 0; j < dim; j++) {
            mean[j] /= n;
        }
        return dim > n ? fitByGram(v, n, dim, mean) : fitByCovariance(v, n, dim, mean);
    }

    Model fitByCovariance(double[] v, int n, int dim, double[] mean) {
        SymmetricEigen.Pairs pairs = SymmetricEigen.descending(covariance(v, n, dim, mean));
        return model(pairs.values(), pairs.vectors(), v, n, dim, mean);
    }

    /** Components from the eigenvectors of the centred Gram matrix X Xᵀ / (n − 1), for dim &gt; n. */
    Model fitByGram(double[] v, int n, int dim, double[] mean) {
        if (components > n) {
            throw new IllegalArgumentException("PCA asked for " + components + " components of " + n + " points");
        }
        double[] centred = new double[n * dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                centred[i * dim + j] = v[i * dim + j] - mean[j];
            }
        }
        double[][] gram = new double[n][n];
        try (Parallel par = new Parallel(threads)) {
            par.forChunks(n, 4, (from, to) -> {
                for (int a = from; a < to; a++) {
                    for (int b = a; b < n; b++) {
                        double s = 0;
                        for (int j = 0; j < dim; j++) {
                            s += centred[a * dim + j] * centred[b * dim + j];
                        }
                        gram[a][b] = s / (n - 1);
                    }
                }
            });
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                gram[a][b] = gram[b][a];
            }
        }
        SymmetricEigen.Pairs pairs = SymmetricEigen.descending(gram);
        double[][] u = pairs.vectors();
        // Only the kept components are mapped back to feature space.
        double[][] vectors = new double[components][dim];
        for (int e = 0; e < components; e++) {
            double norm = 0;
            for (int j = 0; j < dim; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += centred[i * dim + j] * u[e][i];
                }
                vectors[e][j] = s;
                norm += s * s;
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < dim && norm > 0; j++) {
                vectors[e][j] /= norm;
            }
        }
        return model(pairs.values(), vectors, v, n, dim, mean);
    }

    /**
     * The model of the {@link #components} largest eigenpairs: {@code values} descending (all of
     * them, for the total variance), {@code vectors[k]} belonging to {@code values[k]}.
     */
    private Model model(double[] values, double[][] vectors, double[] v, int n, int dim, double[] mean) {
        double total = 0;
        for (double value : values) {
            total += Math.max(0, value);
        }
        double[][] comp = new double[components][dim];
        double[] variance = new double[components];
        double[] ratio = new double[components];
        for (int c = 0; c < components; c++) {
            variance[c] = Math.max(0, values[c]);
            ratio[c] = total == 0 ? 0 : variance[c] / total;
            System.arraycopy(vectors[c], 0, comp[c], 0, dim);
            orientLikeScikitLearn(comp[c], v, n, dim, mean);
        }
        return new Model(mean, comp, variance, ratio);
    }

    private double[][] covariance(double[] v, int n, int dim, double[] mean) {
        double[][][] partial = new double[threads][dim][dim];
        try (Parallel par = new Parallel(threads)) {
            par.forSlices(n, 256, (w, from, to) -> {
                double[][] acc = partial[w];
                double[] row = new double[dim];
                for (int i = from; i < to; i++) {
                    for (int j = 0; j < dim; j++) {
                        row[j] = v[i * dim + j] - mean[j];
                    }
                    for (int a = 0; a < dim; a++) {
                        double ra = row[a];
                        double[] accA = acc[a];
                        for (int b = a; b < dim; b++) {
                            accA[b] += ra * row[b];
                        }
                    }
                }
            });
        }
        double[][] cov = new double[dim][dim];
        for (int a = 0; a < dim; a++) {
            for (int b = a; b < dim; b++) {
                double s = 0;
                for (double[][] part : partial) {
                    s += part[a][b];
                }
                cov[a][b] = s / (n - 1);
                cov[b][a] = cov[a][b];
            }
        }
        return cov;
    }

    private static void orientLikeScikitLearn(double[] component, double[] v, int n, int dim, double[] mean) {
        double largest = 0;
        double sign = 1;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < dim; j++) {
                s += (v[i * dim + j] - mean[j]) * component[j];
            }
            if (Math.abs(s) > largest) {
                largest = Math.abs(s);
                sign = Math.signum(s);
            }
        }
        if (sign < 0) {
            for (int j = 0; j < dim; j++) {
                component[j] = -component[j];
            }
        }
    }
}
