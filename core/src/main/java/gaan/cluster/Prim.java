package gaan.cluster;

import java.util.Arrays;

import gaan.linalg.Parallel;
import gaan.linalg.Points;

/**
 * Prim's minimum spanning tree over all pairs in O(n²) time and O(n) memory, distances computed
 * on the fly. With core distances it spans the mutual reachability graph of HDBSCAN,
 * max(core(a), core(b), ‖a − b‖). Starts from point 0 and picks the lowest index on ties.
 * Distances that cannot lower a key (the core distances or a partial sum already reach it) are
 * not finished.
 */
final class Prim {
    /** Below this many values per step, handing the step to threads costs more than it saves. */
    private static final int PARALLEL_UPDATE = 1 << 18;

    /**
     * Edge {@code e} adds point {@code added[e]} at {@code weight[e]}; {@code source[e]} is its
     * nearest tree point and {@code previous[e]} the point added just before it (scikit-learn's
     * single linkage records that one).
     */
    record Tree(int[] source, int[] previous, int[] added, double[] weight) {
    }

    private Prim() {
    }

    static Tree span(Points points, double[] core, Parallel parallel) {
        int n = points.size();
        int dim = points.dim();
        double[] v = points.values();
        double[] key = new double[n];
        int[] from = new int[n];
        boolean[] inTree = new boolean[n];
        Arrays.fill(key, Double.POSITIVE_INFINITY);
        int[] source = new int[n - 1];
        int[] previous = new int[n - 1];
        int[] added = new int[n - 1];
        double[] weight = new double[n - 1];
        int[] remaining = new int[n];
        for (int i = 0; i < n; i++) {
            remaining[i] = i;
        }
        int remainingCount = n;
        int current = 0;
        int threads = parallel.threads();
        int[] bestIndex = new int[threads];
        double[] bestKey = new double[threads];
        for (int e = 0; e < n - 1; e++) {
            inTree[current] = true;
            int at = Arrays.binarySearch(remaining, 0, remainingCount, current);
            System.arraycopy(remaining, at + 1, remaining, at, remainingCount - at - 1);
            remainingCount--;
            int c = current;
            int count = remainingCount;
            Parallel.WorkerRange update = (w, lo, hi) -> {
                int best = -1;
                double bestValue = Double.POSITIVE_INFINITY;
                double coreC = core == null ? 0 : core[c];
                for (int p = lo; p < hi; p++) {
                    int j = remaining[p];
                    double kj = key[j];
                    // Mutual reachability is at least both core distances: no distance can help then.
                    if (core == null || Math.max(coreC, core[j]) < kj) {
                        double limit = kj == Double.POSITIVE_INFINITY ? kj : kj * kj * (1 + 1e-12);
                        double sq = Points.scaledSqDistBounded(v, c * dim, v, j * dim, dim, 1.0, limit);
                        if (sq <= limit) {
                            double dist = Math.sqrt(sq);
                            if (core != null) {
                                dist = Math.max(dist, Math.max(coreC, core[j]));
                            }
                            if (dist < kj) {
                                key[j] = dist;
                                from[j] = c;
                            }
                        }
                    }
                    if (key[j] < bestValue) {
                        bestValue = key[j];
                        best = j;
                    }
                }
                bestIndex[w] = best;
                bestKey[w] = bestValue;
            };
            Arrays.fill(bestIndex, -1);
            if ((long) count * dim < PARALLEL_UPDATE) {
                update.run(0, 0, count);
            } else {
                parallel.forSlices(count, 1024, update);
            }
            int next = -1;
            double nextKey = Double.POSITIVE_INFINITY;
            for (int w = 0; w < threads; w++) {
                if (bestIndex[w] >= 0 && (next < 0 || bestKey[w] < nextKey)) {
                    next = bestIndex[w];
                    nextKey = bestKey[w];
                }
            }
            source[e] = from[next];
            previous[e] = current;
            added[e] = next;
            weight[e] = nextKey;
            current = next;
        }
        return new Tree(source, previous, added, weight);
    }
}
