package gaan.eval;

/** Maximum-weight assignment of rows to columns (Kuhn-Munkres with potentials, O(m²·n)). */
final class Hungarian {
    private Hungarian() {
    }

    /** Largest total weight of a matching of rows to columns, each used at most once. */
    static double maxWeight(double[][] weight) {
        int rows = weight.length;
        int cols = rows == 0 ? 0 : weight[0].length;
        int m = Math.max(rows, cols);
        if (m == 0) {
            return 0;
        }
        // Square cost matrix (1-based, as the potentials method is usually stated); padding costs 0.
        double[][] cost = new double[m + 1][m + 1];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                cost[i + 1][j + 1] = -weight[i][j];
            }
        }
        double[] u = new double[m + 1];
        double[] v = new double[m + 1];
        int[] match = new int[m + 1];
        int[] way = new int[m + 1];
        for (int i = 1; i <= m; i++) {
            match[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            boolean[] used = new boolean[m + 1];
            java.util.Arrays.fill(minv, Double.POSITIVE_INFINITY);
            do {
                used[j0] = true;
                int i0 = match[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = cost[i0][j] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[match[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (match[j0] != 0);
            do {
                int j1 = way[j0];
                match[j0] = match[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        double total = 0;
        for (int j = 1; j <= m; j++) {
            int i = match[j];
            if (i >= 1 && i <= rows && j <= cols) {
                total += weight[i - 1][j - 1];
            }
        }
        return total;
    }
}
