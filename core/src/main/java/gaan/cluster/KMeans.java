package gaan.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

import gaan.linalg.Parallel;
import gaan.linalg.Points;

/**
 * K-Means as scikit-learn 1.2 runs it: greedy k-means++ seeding (2 + ⌊ln k⌋ candidates per
 * centre, the one lowering the potential most is kept), Lloyd iterations until the labels stop
 * changing or the squared centre shift drops to {@code tol} × the mean feature variance, empty
 * clusters moved to the points farthest from their centres, and {@code nInit} restarts keeping
 * the lowest inertia (the first on ties). Data are centred before fitting, as scikit-learn does,
 * for precision. Restarts run in parallel and each draws from its own seed derived from
 * {@code seed} (a single restart splits its assignment steps over the threads instead), so the
 * result does not depend on {@code threads}.
 *
 * <p>The random stream differs from numpy's, so the partition equals scikit-learn's only when both
 * reach the same optimum (compare by ARI); inertia is then equal to rounding.
 */
public final class KMeans implements Clusterer {
    private final int k;
    private final int nInit;
    private final int maxIter;
    private final double tol;
    private final long seed;
    private final int threads;

    public KMeans(int k, int nInit, int maxIter, double tol, long seed, int threads) {
        if (k < 1 || nInit < 1 || maxIter < 1 || tol < 0 || threads < 1) {
            throw new IllegalArgumentException("KMeans needs k, nInit, maxIter, threads ≥ 1 and tol ≥ 0; got k=" + k
                    + ", nInit=" + nInit + ", maxIter=" + maxIter + ", tol=" + tol + ", threads=" + threads);
        }
        this.k = k;
        this.nInit = nInit;
        this.maxIter = maxIter;
        this.tol = tol;
        this.seed = seed;
        this.threads = threads;
    }

    /** scikit-learn's defaults: 10 restarts, 300 iterations, tol 1e-4. */
    public KMeans(int k, long seed, int threads) {
        this(k, 10, 300, 1e-4, seed, threads);
    }

    /** The same clusterer with {@code restarts} restarts instead of {@code nInit}. */
    public KMeans withRestarts(int restarts) {
        return new KMeans(k, restarts, maxIter, tol, seed, threads);
    }

    @Override
    public Method method() {
        return Method.of("kmeans", "k", k, "n_init", nInit, "max_iter", maxIter, "tol", tol, "seed", seed);
    }

    /** One restart's outcome, in centred coordinates. */
    private record Restart(int[] labels, double[] centers, double inertia) {
    }

    @Override
    public Partition fit(double[][] x) {
        Points p = Points.of(x);
        int n = p.size();
        int dim = p.dim();
        if (n < k) {
            throw new IllegalArgumentException("KMeans with k=" + k + " needs at least " + k
                    + " points, got " + n + "; lower k");
        }
        double[] v = p.values().clone();
        double[] mean = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                mean[j] += v[i * dim + j];
            }
        }
        double varianceSum = 0;
        for (int j = 0; j < dim; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                v[i * dim + j] -= mean[j];
                varianceSum += v[i * dim + j] * v[i * dim + j];
            }
        }
        double absTol = dim == 0 ? 0 : varianceSum / n / dim * tol;
        long[] seeds = new long[nInit];
        SplittableRandom root = new SplittableRandom(seed);
        for (int r = 0; r < nInit; r++) {
            seeds[r] = root.nextLong();
        }
        Restart[] restarts = new Restart[nInit];
        try (Parallel par = new Parallel(threads)) {
            // Restarts on all threads; a single restart splits its assignment steps instead.
            Parallel inner = nInit == 1 ? par : null;
            par.forChunks(nInit, 1, (from, to) -> {
                for (int r = from; r < to; r++) {
                    double[] centers = plusPlus(v, n, dim, new SplittableRandom(seeds[r]));
                    restarts[r] = lloyd(v, n, dim, centers, absTol, inner);
                }
            });
        }
        Restart best = restarts[0];
        for (Restart r : restarts) {
            if (r.inertia < best.inertia) {
                best = r;
            }
        }
        int[] labels = compact(best.labels);
        return new Partition(method(), labels, Partition.countClusters(labels), best.inertia, Double.NaN);
    }

    /**
     * Greedy k-means++: each new centre is the best of several candidates drawn ∝ D². A point
     * whose current centre is at least twice its distance away from a candidate cannot get closer
     * to that candidate (triangle inequality), so its distance is not computed; sums are unchanged.
     */
    private double[] plusPlus(double[] v, int n, int dim, SplittableRandom random) {
        int trials = 2 + (int) Math.log(k);
        double[] centers = new double[k * dim];
        int first = random.nextInt(n);
        System.arraycopy(v, first * dim, centers, 0, dim);
        double[] closest = new double[n];
        int[] owner = new int[n];
        double potential = 0;
        for (int i = 0; i < n; i++) {
            closest[i] = Points.sqDist(v, i * dim, v, first * dim, dim);
            potential += closest[i];
        }
        double[] cumulative = new double[n];
        double[] candidate = new double[n];
        double[] bestDistances = new double[n];
        double[] toCenters = new double[k];
        for (int c = 1; c < k; c++) {
            double running = 0;
            for (int i = 0; i < n; i++) {
                running += closest[i];
                cumulative[i] = running;
            }
            int bestId = -1;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                double target = random.nextDouble() * potential;
                int id = Arrays.binarySearch(cumulative, target);
                id = id >= 0 ? firstAtLeast(cumulative, id) : -id - 1;
                id = Math.min(id, n - 1);
                for (int j = 0; j < c; j++) {
                    toCenters[j] = Points.sqDist(v, id * dim, centers, j * dim, dim);
                }
                double pot = 0;
                for (int i = 0; i < n; i++) {
                    double d = closest[i];
                    if (toCenters[owner[i]] <= 4 * d * (1 + 1e-9)) {
                        d = Math.min(d, Points.sqDist(v, i * dim, v, id * dim, dim));
                    }
                    candidate[i] = d;
                    pot += d;
                }
                if (pot < bestPotential) {
                    bestPotential = pot;
                    bestId = id;
                    System.arraycopy(candidate, 0, bestDistances, 0, n);
                }
            }
            potential = bestPotential;
            for (int i = 0; i < n; i++) {
                if (bestDistances[i] < closest[i]) {
                    closest[i] = bestDistances[i];
                    owner[i] = c;
                }
            }
            System.arraycopy(v, bestId * dim, centers, c * dim, dim);
        }
        return centers;
    }

    /** numpy's searchsorted(side='left') on an exact hit: the first index holding that value. */
    private static int firstAtLeast(double[] sorted, int hit) {
        while (hit > 0 && sorted[hit - 1] == sorted[hit]) {
            hit--;
        }
        return hit;
    }

    /**
     * Lloyd iterations. Assignments use Hamerly's bounds (an upper bound on each point's distance
     * to its centre, a lower bound on the second-nearest, half the gap to the nearest other
     * centre), which skip points that provably keep their centre; the labels are Lloyd's.
     */
    private Restart lloyd(double[] v, int n, int dim, double[] centers, double absTol, Parallel par) {
        int[] labels = new int[n];
        int[] previous = new int[n];
        double[] upper = new double[n];
        double[] lower = new double[n];
        Arrays.fill(previous, -1);
        double[] sums = new double[k * dim];
        long[] counts = new long[k];
        double[] half = new double[k];
        double[] moved = new double[k];
        double[] old = new double[k * dim];
        boolean strict = false;
        Parallel.Range exact = (from, to) -> {
            for (int i = from; i < to; i++) {
                assignExact(v, i, dim, centers, labels, upper, lower);
            }
        };
        Parallel.Range bounded = (from, to) -> {
            for (int i = from; i < to; i++) {
                double bound = Math.max(half[labels[i]], lower[i]);
                if (upper[i] * (1 + 1e-12) < bound) {
                    continue;
                }
                upper[i] = Math.sqrt(Points.sqDist(v, i * dim, centers, labels[i] * dim, dim));
                if (upper[i] * (1 + 1e-12) < bound) {
                    continue;
                }
                assignExact(v, i, dim, centers, labels, upper, lower);
            }
        };
        overPoints(par, n, exact);
        for (int iter = 0; iter < maxIter; iter++) {
            if (iter > 0) {
                halfGaps(centers, dim, half);
                overPoints(par, n, bounded);
            }
            Arrays.fill(sums, 0);
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                int l = labels[i];
                counts[l]++;
                for (int j = 0; j < dim; j++) {
                    sums[l * dim + j] += v[i * dim + j];
                }
            }
            System.arraycopy(centers, 0, old, 0, centers.length);
            relocateEmpty(v, n, dim, centers, labels, sums, counts);
            double shift = 0;
            for (int c = 0; c < k; c++) {
                if (counts[c] != 0) {
                    for (int j = 0; j < dim; j++) {
                        centers[c * dim + j] = sums[c * dim + j] / counts[c];
                    }
                }
                double m = Points.sqDist(centers, c * dim, old, c * dim, dim);
                shift += m;
                moved[c] = Math.sqrt(m);
            }
            if (Arrays.equals(labels, previous)) {
                strict = true;
                break;
            }
            System.arraycopy(labels, 0, previous, 0, n);
            if (shift <= absTol) {
                break;
            }
            loosenBounds(n, labels, upper, lower, moved);
        }
        if (!strict) {
            overPoints(par, n, exact);
        }
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            inertia += Points.sqDist(v, i * dim, centers, labels[i] * dim, dim);
        }
        return new Restart(labels, centers, inertia);
    }

    /** Runs a per-point loop on {@code par}'s threads, or on this thread when {@code par} is null. */
    private static void overPoints(Parallel par, int n, Parallel.Range body) {
        if (par == null) {
            body.run(0, n);
        } else {
            par.forSlices(n, 4096, (w, from, to) -> body.run(from, to));
        }
    }

    /** Nearest centre of point i (lowest index on ties), with exact bounds. */
    private void assignExact(double[] v, int i, int dim, double[] centers, int[] labels, double[] upper,
            double[] lower) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        double second = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double d = Points.sqDist(v, i * dim, centers, c * dim, dim);
            if (d < bestD) {
                second = bestD;
                bestD = d;
                best = c;
            } else if (d < second) {
                second = d;
            }
        }
        labels[i] = best;
        upper[i] = Math.sqrt(bestD);
        lower[i] = Math.sqrt(second);
    }

    /** Half the distance from each centre to its nearest other centre. */
    private void halfGaps(double[] centers, int dim, double[] half) {
        Arrays.fill(half, Double.POSITIVE_INFINITY);
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double d = 0.5 * Math.sqrt(Points.sqDist(centers, a * dim, centers, b * dim, dim));
                half[a] = Math.min(half[a], d);
                half[b] = Math.min(half[b], d);
            }
        }
    }

    /** Moves the bounds by how far the centres moved. */
    private void loosenBounds(int n, int[] labels, double[] upper, double[] lower, double[] moved) {
        int far = 0;
        for (int c = 1; c < k; c++) {
            if (moved[c] > moved[far]) {
                far = c;
            }
        }
        double secondFar = 0;
        for (int c = 0; c < k; c++) {
            if (c != far) {
                secondFar = Math.max(secondFar, moved[c]);
            }
        }
        for (int i = 0; i < n; i++) {
            int l = labels[i];
            upper[i] += moved[l];
            lower[i] -= l == far ? secondFar : moved[far];
        }
    }

    /** Gives each empty cluster the point farthest from its centre, taken from that point's cluster. */
    private void relocateEmpty(double[] v, int n, int dim, double[] centers, int[] labels, double[] sums,
            long[] counts) {
        int empty = 0;
        for (long c : counts) {
            if (c == 0) {
                empty++;
            }
        }
        if (empty == 0) {
            return;
        }
        Integer[] far = new Integer[n];
        double[] dist = new double[n];
        for (int i = 0; i < n; i++) {
            far[i] = i;
            dist[i] = Points.sqDist(v, i * dim, centers, labels[i] * dim, dim);
        }
        Arrays.sort(far, (a, b) -> Double.compare(dist[b], dist[a]));
        int next = 0;
        for (int c = 0; c < k; c++) {
            if (counts[c] != 0) {
                continue;
            }
            int i = far[next++];
            int old = labels[i];
            for (int j = 0; j < dim; j++) {
                sums[old * dim + j] -= v[i * dim + j];
                sums[c * dim + j] = v[i * dim + j];
            }
            counts[old]--;
            counts[c] = 1;
        }
    }

    /** Relabels to 0..m-1 in order of first appearance, dropping labels no point carries. */
    static int[] compact(int[] labels) {
        int max = -1;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        int[] map = new int[max + 1];
        Arrays.fill(map, -1);
        int next = 0;
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l < 0) {
                out[i] = Partition.NOISE;
                continue;
            }
            if (map[l] < 0) {
                map[l] = next++;
            }
            out[i] = map[l];
        }
        return out;
    }
}
