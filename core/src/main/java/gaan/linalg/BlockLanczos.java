package gaan.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The largest eigenvalues of a large symmetric operator and their eigenvectors, by block Lanczos
 * with full reorthogonalisation and thick restarts (Golub &amp; Van Loan §10.3; the restart keeps
 * the best Ritz vectors, as in Wu &amp; Simon's thick-restart Lanczos). The operator is only
 * multiplied with vectors, so a sparse matrix costs O(nonzeros) per product. A block of
 * {@code count} vectors finds eigenvalues of multiplicity up to {@code count} (a graph with several
 * components has eigenvalue 1 once per component), which single-vector Lanczos misses.
 *
 * <p>Convergence: every wanted Ritz pair (θ, y) has ‖A·y − θ·y‖ ≤ {@code tol} × max(1, |θ_max|).
 * The start block is drawn uniformly from [-1, 1) with {@code seed}, so results are reproducible.
 */
public final class BlockLanczos {
    /** A symmetric n × n operator. */
    public interface Operator {
        int size();

        /** Writes A·x into y (both of length {@link #size()}). */
        void apply(double[] x, double[] y);
    }

    private static final int MAX_RESTARTS = 1000;

    private final int count;
    private final double tol;
    private final long seed;

    public BlockLanczos(int count, double tol, long seed) {
        if (count < 1 || !(tol > 0)) {
            throw new IllegalArgumentException("BlockLanczos needs count ≥ 1 and tol > 0; got count=" + count
                    + ", tol=" + tol);
        }
        this.count = count;
        this.tol = tol;
        this.seed = seed;
    }

    /**
     * The {@code count} largest eigenpairs of {@code a}, eigenvalues descending.
     *
     * @throws IllegalArgumentException if {@code a} has fewer than {@code count} rows or the
     *     iteration does not converge
     */
    public SymmetricEigen.Pairs largest(Operator a) {
        int n = a.size();
        if (n < count) {
            throw new IllegalArgumentException("cannot find " + count + " eigenvectors of a " + n + " × " + n + " operator");
        }
        int block = count;
        int maxBasis = Math.min(n, Math.max(4 * block, block + 40));
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> q = new ArrayList<>();
        List<double[]> aq = new ArrayList<>();
        List<double[]> next = new ArrayList<>();
        for (int b = 0; b < block; b++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = 2 * random.nextDouble() - 1;
            }
            next.add(v);
        }
        for (int restart = 0; restart < MAX_RESTARTS; restart++) {
            // Grow the basis one block at a time from the products of the newest block.
            while (!next.isEmpty()) {
                int before = q.size();
                for (double[] v : next) {
                    if (q.size() < maxBasis && orthonormalise(v, q, random)) {
                        q.add(v);
                        double[] av = new double[n];
                        a.apply(v, av);
                        aq.add(av);
                    }
                }
                next.clear();
                if (q.size() + block > maxBasis || q.size() == before) {
                    break;
                }
                for (int j = before; j < q.size(); j++) {
                    next.add(aq.get(j).clone());
                }
            }
            int m = q.size();
            double[][] h = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    double s = 0.5 * (dot(q.get(i), aq.get(j)) + dot(q.get(j), aq.get(i)));
                    h[i][j] = s;
                    h[j][i] = s;
                }
            }
            SymmetricEigen.Pairs ritz = SymmetricEigen.descending(h);
            double[] theta = ritz.values();
            double[][] c = ritz.vectors();
            int keep = Math.min(m, Math.min(maxBasis - block, count + block));
            List<double[]> y = new ArrayList<>(keep);
            List<double[]> ay = new ArrayList<>(keep);
            for (int t = 0; t < keep; t++) {
                double[] v = combine(q, c[t], n);
                // A·y afresh rather than combined from the stored products, whose rounding would
                // otherwise pile up over restarts and hold the residuals above the tolerance.
                double[] av = new double[n];
                a.apply(v, av);
                y.add(v);
                ay.add(av);
            }
            double limit = tol * Math.max(1, Math.abs(theta[0]));
            boolean converged = true;
            for (int t = 0; t < count && converged; t++) {
                double r = 0;
                double th = theta[t];
                for (int i = 0; i < n; i++) {
                    double d = ay.get(t)[i] - th * y.get(t)[i];
                    r += d * d;
                }
                converged = Math.sqrt(r) <= limit;
            }
            if (converged || m == n) {
                double[] values = new double[count];
                double[][] vectors = new double[count][];
                for (int t = 0; t < count; t++) {
                    values[t] = theta[t];
                    vectors[t] = y.get(t);
                }
                return new SymmetricEigen.Pairs(values, vectors);
            }
            q = y;
            aq = ay;
            // The products of the best Ritz vectors, once orthogonalised, are their residuals: the
            // directions that improve them.
            for (int t = 0; t < block; t++) {
                next.add(ay.get(t).clone());
            }
        }
        throw new IllegalArgumentException("block Lanczos did not converge to " + count + " eigenvectors within "
                + MAX_RESTARTS + " restarts (tolerance " + tol + "); the leading eigenvalues are too close together");
    }

    /**
     * Makes v orthogonal to the basis and of unit length: Gram-Schmidt passes are repeated while a
     * pass removes more than half the norm (Daniel, Gragg, Kaufman &amp; Stewart's criterion), so a
     * residual that is tiny next to its vector still comes out orthogonal to rounding; a vector
     * that vanishes (it lay in the basis) is replaced by a random one. False when no direction is
     * left (the basis spans the whole space).
     */
    private static boolean orthonormalise(double[] v, List<double[]> basis, SplittableRandom random) {
        int n = v.length;
        if (basis.size() >= n) {
            return false;
        }
        double original = Math.sqrt(dot(v, v));
        for (int pass = 0; pass < 12; pass++) {
            double before = Math.sqrt(dot(v, v));
            for (double[] b : basis) {
                double p = dot(v, b);
                for (int i = 0; i < n; i++) {
                    v[i] -= p * b[i];
                }
            }
            double after = Math.sqrt(dot(v, v));
            if (after > 0.5 * before && after > 0) {
                for (int i = 0; i < n; i++) {
                    v[i] /= after;
                }
                return true;
            }
            if (!(after > 1e-14 * original)) {
                for (int i = 0; i < n; i++) {
                    v[i] = 2 * random.nextDouble() - 1;
                }
                original = Math.sqrt(dot(v, v));
            }
        }
        return false;
    }

    private static double[] combine(List<double[]> vectors, double[] weights, int n) {
        double[] out = new double[n];
        for (int j = 0; j < vectors.size(); j++) {
            double w = weights[j];
            double[] v = vectors.get(j);
            for (int i = 0; i < n; i++) {
                out[i] += w * v[i];
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
