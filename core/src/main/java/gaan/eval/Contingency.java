package gaan.eval;

import java.util.Arrays;

/**
 * Counts of points per (true class, predicted cluster). Labels are arbitrary integers, coded to
 * rows and columns in ascending order (numpy's {@code unique}); noise (-1) is an ordinary cluster.
 * A table counted elsewhere (a distributed {@code groupBy(label, cluster).count()}) comes in
 * through {@link #ofCounts}, so the metrics of {@link Metrics} never need the points themselves.
 */
public final class Contingency {
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

    private Contingency(long[][] counts) {
        int cols = counts.length == 0 ? 0 : counts[0].length;
        this.counts = new long[counts.length][];
        rowSums = new long[counts.length];
        colSums = new long[cols];
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != cols) {
                throw new IllegalArgumentException("contingency row " + i + " has " + counts[i].length
                        + " columns, row 0 has " + cols);
            }
            this.counts[i] = counts[i].clone();
            for (int j = 0; j < cols; j++) {
                if (counts[i][j] < 0) {
                    throw new IllegalArgumentException("contingency count [" + i + "][" + j + "] is negative");
                }
                rowSums[i] += counts[i][j];
                colSums[j] += counts[i][j];
            }
            total += rowSums[i];
        }
        n = total;
    }

    /**
     * The table {@code counts[class][cluster]}. Rows and columns that count no point are dropped,
     * as they would not appear among the labels of the points.
     */
    public static Contingency ofCounts(long[][] counts) {
        Contingency full = new Contingency(counts);
        int[] rows = java.util.stream.IntStream.range(0, full.rows()).filter(i -> full.rowSums[i] > 0).toArray();
        int[] cols = java.util.stream.IntStream.range(0, full.cols()).filter(j -> full.colSums[j] > 0).toArray();
        long[][] kept = new long[rows.length][cols.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                kept[i][j] = full.counts[rows[i]][cols[j]];
            }
        }
        return new Contingency(kept);
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
