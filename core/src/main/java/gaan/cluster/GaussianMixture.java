package gaan.cluster;

import java.util.Locale;

import gaan.linalg.Parallel;
import gaan.linalg.Points;

/**
 * Gaussian mixture fitted by EM as scikit-learn's {@code GaussianMixture}: responsibilities
 * initialised from one K-Means run, {@code regCovar} added to every variance, iterations until the
 * mean log-likelihood per point changes by less than {@code tol}, labels from a final E-step, and
 * BIC = −2·n·(mean log-likelihood) + (free parameters)·ln n (lower is better). Natural logs.
 * The E-step runs on {@code threads} threads; sums are serial, so results do not depend on it.
 */
public final class GaussianMixture implements Clusterer {
    /** Shape of each component's covariance matrix. */
    public enum Covariance {
        FULL, DIAG;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final int k;
    private final Covariance covariance;
    private final int maxIter;
    private final double tol;
    private final double regCovar;
    private final long seed;
    private final int threads;

    public GaussianMixture(int k, Covariance covariance, int maxIter, double tol, double regCovar, long seed,
            int threads) {
        if (k < 1 || maxIter < 1 || tol < 0 || regCovar < 0 || threads < 1) {
            throw new IllegalArgumentException("GaussianMixture needs k, maxIter, threads ≥ 1 and tol, regCovar ≥ 0");
        }
        this.k = k;
        this.covariance = covariance;
        this.maxIter = maxIter;
        this.tol = tol;
        this.regCovar = regCovar;
        this.seed = seed;
        this.threads = threads;
    }

    /** scikit-learn's defaults: 100 iterations, tol 1e-3, regCovar 1e-6. */
    public GaussianMixture(int k, Covariance covariance, long seed, int threads) {
        this(k, covariance, 100, 1e-3, 1e-6, seed, threads);
    }

    @Override
    public Method method() {
        return Method.of("gmm", "k", k, "covariance", covariance.id(), "max_iter", maxIter, "tol", tol,
                "reg_covar", regCovar, "seed", seed);
    }

    @Override
    public Partition fit(double[][] x) {
        Points p = Points.of(x);
        int n = p.size();
        int dim = p.dim();
        if (n < k || n < 2) {
            throw new IllegalArgumentException("a mixture of k=" + k + " components needs at least "
                    + Math.max(k, 2) + " points, got " + n);
        }
        double[] v = p.values();
        int[] init = new KMeans(k, 1, 300, 1e-4, seed, threads).fit(x).labels();
        double[] resp = new double[n * k];
        for (int i = 0; i < n; i++) {
            resp[i * k + init[i]] = 1;
        }
        Model model = mStep(v, n, dim, resp);
        double lowerBound = Double.NEGATIVE_INFINITY;
        try (Parallel par = new Parallel(threads)) {
            for (int iter = 0; iter < maxIter; iter++) {
                double previous = lowerBound;
                lowerBound = eStep(v, n, dim, model, resp, par);
                model = mStep(v, n, dim, resp);
                if (Math.abs(lowerBound - previous) < tol) {
                    break;
                }
            }
            double meanLogLikelihood = eStep(v, n, dim, model, resp, par);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (resp[i * k + c] > resp[i * k + best]) {
                        best = c;
                    }
                }
                labels[i] = best;
            }
            double covParams = covariance == Covariance.FULL ? k * dim * (dim + 1) / 2.0 : (double) k * dim;
            double freeParams = covParams + (double) k * dim + k - 1;
            double bic = -2 * meanLogLikelihood * n + freeParams * Math.log(n);
            int[] compact = KMeans.compact(labels);
            return new Partition(method(), compact, Partition.countClusters(compact), Double.NaN, bic);
        }
    }

    /**
     * Mixture parameters. {@code factor} holds per component the lower Cholesky factor of the
     * covariance (FULL, dim × dim row-major) or the variances (DIAG); {@code logNorm} the log
     * weight minus half the log-determinant of the covariance minus dim·½ln 2π.
     */
    private record Model(double[] means, double[] factor, double[] logNorm) {
    }

    private Model mStep(double[] v, int n, int dim, double[] resp) {
        double eps10 = 10 * Math.ulp(1.0);
        double[] nk = new double[k];
        double[] means = new double[k * dim];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double r = resp[i * k + c];
                nk[c] += r;
                for (int j = 0; j < dim; j++) {
                    means[c * dim + j] += r * v[i * dim + j];
                }
            }
        }
        for (int c = 0; c < k; c++) {
            nk[c] += eps10;
            for (int j = 0; j < dim; j++) {
                means[c * dim + j] /= nk[c];
            }
        }
        int block = covariance == Covariance.FULL ? dim * dim : dim;
        double[] factor = new double[k * block];
        double[] logNorm = new double[k];
        double[] diff = new double[dim];
        for (int c = 0; c < k; c++) {
            int base = c * block;
            for (int i = 0; i < n; i++) {
                double r = resp[i * k + c];
                if (r == 0) {
                    continue;
                }
                for (int j = 0; j < dim; j++) {
                    diff[j] = v[i * dim + j] - means[c * dim + j];
                }
                if (covariance == Covariance.FULL) {
                    for (int a = 0; a < dim; a++) {
                        for (int b = 0; b <= a; b++) {
                            factor[base + a * dim + b] += r * diff[a] * diff[b];
                        }
                    }
                } else {
                    for (int j = 0; j < dim; j++) {
                        factor[base + j] += r * diff[j] * diff[j];
                    }
                }
            }
            double halfLogDet = 0;
            if (covariance == Covariance.FULL) {
                for (int a = 0; a < dim; a++) {
                    for (int b = 0; b <= a; b++) {
                        factor[base + a * dim + b] = factor[base + a * dim + b] / nk[c] + (a == b ? regCovar : 0);
                    }
                }
                halfLogDet = cholesky(factor, base, dim, c);
            } else {
                for (int j = 0; j < dim; j++) {
                    double var = factor[base + j] / nk[c] + regCovar;
                    if (!(var > 0)) {
                        throw illDefined(c);
                    }
                    factor[base + j] = var;
                    halfLogDet += 0.5 * Math.log(var);
                }
            }
            logNorm[c] = Math.log(nk[c] / n) - halfLogDet - dim * HALF_LOG_TWO_PI;
        }
        return new Model(means, factor, logNorm);
    }

    /** In-place lower Cholesky factor of the covariance at {@code base}; returns ½ ln det. */
    private double cholesky(double[] a, int base, int dim, int component) {
        double halfLogDet = 0;
        for (int j = 0; j < dim; j++) {
            double s = a[base + j * dim + j];
            for (int t = 0; t < j; t++) {
                s -= a[base + j * dim + t] * a[base + j * dim + t];
            }
            if (!(s > 0)) {
                throw illDefined(component);
            }
            double d = Math.sqrt(s);
            a[base + j * dim + j] = d;
            halfLogDet += Math.log(d);
            for (int i = j + 1; i < dim; i++) {
                double u = a[base + i * dim + j];
                for (int t = 0; t < j; t++) {
                    u -= a[base + i * dim + t] * a[base + j * dim + t];
                }
                a[base + i * dim + j] = u / d;
            }
        }
        return halfLogDet;
    }

    private IllegalArgumentException illDefined(int component) {
        return new IllegalArgumentException("Gaussian mixture component " + component
                + " has a singular covariance (collapsed onto too few or duplicate points); "
                + "use fewer components, diagonal covariance, or a larger regCovar than " + regCovar);
    }

    /** Fills responsibilities and returns the mean log-likelihood per point. */
    private double eStep(double[] v, int n, int dim, Model m, double[] resp, Parallel par) {
        double[] rowLog = new double[n];
        par.forChunks(n, 256, (from, to) -> {
            double[] z = new double[dim];
            double[] logp = new double[k];
            for (int i = from; i < to; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    logp[c] = m.logNorm[c] - 0.5 * mahalanobis(v, i * dim, m, c, dim, z);
                    max = Math.max(max, logp[c]);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    sum += Math.exp(logp[c] - max);
                }
                double norm = max + Math.log(sum);
                for (int c = 0; c < k; c++) {
                    resp[i * k + c] = Math.exp(logp[c] - norm);
                }
                rowLog[i] = norm;
            }
        });
        double total = 0;
        for (double r : rowLog) {
            total += r;
        }
        return total / n;
    }

    private double mahalanobis(double[] v, int off, Model m, int c, int dim, double[] z) {
        double s = 0;
        if (covariance == Covariance.FULL) {
            int base = c * dim * dim;
            for (int a = 0; a < dim; a++) {
                double u = v[off + a] - m.means[c * dim + a];
                for (int t = 0; t < a; t++) {
                    u -= m.factor[base + a * dim + t] * z[t];
                }
                z[a] = u / m.factor[base + a * dim + a];
                s += z[a] * z[a];
            }
        } else {
            for (int j = 0; j < dim; j++) {
                double d = v[off + j] - m.means[c * dim + j];
                s += d * d / m.factor[c * dim + j];
            }
        }
        return s;
    }
}
