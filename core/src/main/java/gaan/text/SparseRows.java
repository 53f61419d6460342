package gaan.text;

import java.util.stream.IntStream;

/**
 * A sparse matrix in compressed-row form, {@code rows × cols}, doubles, with the products the
 * randomised SVD needs. Dense operands and results are {@code double[row][col]}. Each result row
 * is summed by one thread in a fixed order, so results do not depend on the thread count.
 */
record SparseRows(int rows, int cols, int[] rowStart, int[] colIndex, double[] values) {

    /** {@code this · x} where {@code x} is {@code cols × l}; returns {@code rows × l}. */
    double[][] times(double[][] x) {
        int l = x.length == 0 ? 0 : x[0].length;
        double[][] out = new double[rows][l];
        IntStream.range(0, rows).parallel().forEach(r -> {
            double[] o = out[r];
            for (int p = rowStart[r]; p < rowStart[r + 1]; p++) {
                double v = values[p];
                double[] xr = x[colIndex[p]];
                for (int j = 0; j < l; j++) {
                    o[j] += v * xr[j];
                }
            }
        });
        return out;
    }

    /** The transpose, {@code cols × rows}, also compressed by row. */
    SparseRows transpose() {
        int[] counts = new int[cols + 1];
        for (int c : colIndex) {
            counts[c + 1]++;
        }
        for (int c = 0; c < cols; c++) {
            counts[c + 1] += counts[c];
        }
        int[] start = counts.clone();
        int[] next = counts.clone();
        int[] idx = new int[colIndex.length];
        double[] val = new double[values.length];
        for (int r = 0; r < rows; r++) {
            for (int p = rowStart[r]; p < rowStart[r + 1]; p++) {
                int q = next[colIndex[p]]++;
                idx[q] = r;
                val[q] = values[p];
            }
        }
        return new SparseRows(cols, rows, start, idx, val);
    }
}
