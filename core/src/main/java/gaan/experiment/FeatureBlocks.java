package gaan.experiment;

import java.util.List;

/**
 * Feature blocks as plain matrices: rows are tracks, columns features, {@code double} precision.
 * Standardisation is per column with the population std (ddof 0); a constant column becomes 0,
 * not NaN. Concatenation scales each standardised block by {@code weight / sqrt(columns)}, so a
 * block's share of squared distances is set by its weight, not by its width (a 128-d lyrics
 * embedding does not drown a 32-d audio latent).
 */
public final class FeatureBlocks {
    private FeatureBlocks() {
    }

    public static double[][] toDouble(float[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = x[i][j];
            }
        }
        return out;
    }

    public static float[][] toFloat(double[][] x) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new float[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = (float) x[i][j];
            }
        }
        return out;
    }

    /** Rows {@code rows[i]} of {@code x}, in that order. */
    public static <T> T[] select(T[] x, int[] rows) {
        T[] out = java.util.Arrays.copyOf(x, rows.length);
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return out;
    }

    public static boolean[] select(boolean[] x, int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return out;
    }

    /** Column-standardised copy (mean 0, population std 1; constant columns 0). */
    public static double[][] standardize(double[][] x) {
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                double c = row[j] - mean[j];
                sd[j] += c * c;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j] / n);
        }
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = sd[j] > 1e-12 ? (x[i][j] - mean[j]) / sd[j] : 0.0;
            }
        }
        return out;
    }

    /** Standardises each block, scales it by {@code weight / sqrt(columns)} and concatenates the columns. */
    public static double[][] concat(List<double[][]> blocks, List<Double> weights) {
        int n = blocks.get(0).length;
        int width = blocks.stream().mapToInt(b -> b.length == 0 ? 0 : b[0].length).sum();
        double[][] out = new double[n][width];
        int offset = 0;
        for (int b = 0; b < blocks.size(); b++) {
            double[][] z = standardize(blocks.get(b));
            int d = z.length == 0 ? 0 : z[0].length;
            double scale = weights.get(b) / Math.sqrt(Math.max(1, d));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    out[i][offset + j] = z[i][j] * scale;
                }
            }
            offset += d;
        }
        return out;
    }

    /** Replaces the rows where {@code present} is false by the mean of the present rows. */
    public static double[][] imputeMean(double[][] x, boolean[] present) {
        int d = x.length == 0 ? 0 : x[0].length;
        double[] mean = new double[d];
        int count = 0;
        for (int i = 0; i < x.length; i++) {
            if (present[i]) {
                count++;
                for (int j = 0; j < d; j++) {
                    mean[j] += x[i][j];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] = count == 0 ? 0 : mean[j] / count;
        }
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = present[i] ? x[i].clone() : mean.clone();
        }
        return out;
    }
}
