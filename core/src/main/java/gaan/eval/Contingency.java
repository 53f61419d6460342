package gaan.eval;

import java.util.Arrays;

/**
 * Counts of points per (true class, predicted cluster). Labels are arbitrary integers, coded to
 * rows and columns in ascending order (numpy's {@code unique}); noise (-1) is an ordinary cluster.
 */
final class Contingency {
    final long[][] counts;
    final long[] rowSums;
    final long[] colSums;
    final long n;

    Contingency(int[] truth, int[] pred) {
        int[] t = dense(truth);
        int[] p = dense(pred);
        int rows = max(t) + 1;
        int cols = max(p) + 1;
        counts = new long[rows][cols];
        rowSums = new long[rows];
        colSums = new long[cols];
        for (int i = 0; i < t.length; i++) {
            counts[t[i]][p[i]]++;
            rowSums[t[i]]++;
            colSums[p[i]]++;
        }
        n = t.length;
    }

    int rows() {
        return rowSums.length;
    }

    int cols() {
        return colSums.length;
    }

    /** Codes {@code 0..m-1} for the distinct values of {@code labels}, in ascending value order. */
    static int[] dense(int[] labels) {
        int[] sorted = Arrays.stream(labels).distinct().sorted().toArray();
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = Arrays.binarySearch(sorted, labels[i]);
        }
        return out;
    }

    private static int max(int[] codes) {
        int m = -1;
        for (int c : codes) {
            m = Math.max(m, c);
        }
        return m;
    }
}
