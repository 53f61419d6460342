package gaan.experiment;

import java.util.List;

/**
 * Feature blocks as plain matrices: rows are tracks, columns features, {@code double} precision.
 * Standardisation is per column with the population std (ddof 0); a constant column becomes 0,
 * not NaN.
 *
 * <p>{@link #weigh} is the one place where blocks of different widths and kinds are brought to a
 * common scale before they are clustered or fed to a VAE: each {@link Block} ends with total
 * variance (sum of its column variances) proportional to its weight squared, so a block's share of
 * squared distances is set by its weight, not by its width (128 log-mel means do not drown 6
 * spectral shape values; a 128-d lyrics embedding does not drown a 32-d audio latent). Inside a
 * block scaled {@link Scaling#COLUMNS}, each named group of columns gets an equal share. The
 * result is rescaled as a whole so its mean variance over non-constant columns is 1, the scale of
 * standardised data (a single {@link Scaling#COLUMNS} block comes out exactly column-standardised,
 * so fixed DBSCAN radii keep their meaning).
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

    /** How a block's own columns are put on one scale before the block is weighted. */
    public enum Scaling {
        /**
         * Measurements in different units (MFCC, spectral descriptors): every column standardised,
         * then each group of columns scaled to an equal share of the block.
         */
        COLUMNS,
        /**
         * An embedding or indicator block (lyrics, genres, a VAE latent): centred and divided by the
         * square root of its total variance, never per column, so noise dimensions stay as small
         * as they are next to the signal ones.
         */
        WHOLE
    }

    /**
     * One block of a weighted concatenation.
     *
     * @param x       N×D values
     * @param scaling how its columns are put on one scale
     * @param groups  group name of each column (equal shares within a {@link Scaling#COLUMNS}
     *                block), or null for one group
     * @param weight  the block's total weight (its share of squared distances goes with weight²)
     */
    public record Block(double[][] x, Scaling scaling, String[] groups, double weight) {
        int width() {
            return x.length == 0 ? 0 : x[0].length;
        }
    }

    /** How an input's columns are scaled when it is weighted against other blocks. */
    public static Scaling scalingOf(gaan.config.Modality m) {
        return switch (m) {
            case MFCC, LOGMEL -> Scaling.COLUMNS;
            case LYRICS, GENRE -> Scaling.WHOLE;
        };
    }

    /** Blocks scaled and concatenated column-wise as the class comment describes. */
    public static double[][] weigh(List<Block> blocks) {
        int n = blocks.get(0).x().length;
        int width = blocks.stream().mapToInt(Block::width).sum();
        double[][] out = new double[n][width];
        int offset = 0;
        double totalVariance = 0;
        int live = 0;
        for (Block b : blocks) {
            double[][] z = b.scaling() == Scaling.COLUMNS ? standardize(b.x()) : center(b.x());
            double[] columnScale = b.scaling() == Scaling.COLUMNS ? groupScales(z, b.groups())
                    : wholeScale(z);
            for (int j = 0; j < b.width(); j++) {
                double s = columnScale[j] * b.weight();
                for (int i = 0; i < n; i++) {
                    out[i][offset + j] = z[i][j] * s;
                }
            }
            for (int j = offset; j < offset + b.width(); j++) {
                double v = variance(out, j, 1);
                totalVariance += v;
                live += v > 0 ? 1 : 0;
            }
            offset += b.width();
        }
        double rescale = totalVariance > 1e-300 ? Math.sqrt(live / totalVariance) : 1.0;
        for (double[] row : out) {
            for (int j = 0; j < width; j++) {
                row[j] *= rescale;
            }
        }
        return out;
    }

    /** Per column of a standardised block: 1 / sqrt(groups × non-constant columns of its group). */
    private static double[] groupScales(double[][] z, String[] groups) {
        int d = z.length == 0 ? 0 : z[0].length;
        java.util.Map<String, Integer> live = new java.util.HashMap<>();
        for (int j = 0; j < d; j++) {
            String g = groups == null ? "" : groups[j];
            live.merge(g, variance(z, j, 1) > 0 ? 1 : 0, Integer::sum);
        }
        long liveGroups = live.values().stream().filter(c -> c > 0).count();
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            int c = live.get(groups == null ? "" : groups[j]);
            scale[j] = c == 0 ? 0 : 1 / Math.sqrt((double) c * liveGroups);
        }
        return scale;
    }

    /** The same factor for every column of a centred block: 1 / sqrt(its total variance). */
    private static double[] wholeScale(double[][] centred) {
        int d = centred.length == 0 ? 0 : centred[0].length;
        double total = variance(centred, 0, d);
        double[] scale = new double[d];
        java.util.Arrays.fill(scale, total > 1e-300 ? 1 / Math.sqrt(total) : 0);
        return scale;
    }

    /** Sum of the population variances of columns {@code from .. from + count - 1}. */
    private static double variance(double[][] x, int from, int count) {
        int n = x.length;
        double total = 0;
        for (int j = from; j < from + count; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j] / n;
            }
            double ss = 0;
            for (double[] row : x) {
                ss += (row[j] - mean) * (row[j] - mean);
            }
            total += ss / n;
        }
        return total;
    }

    private static double[][] center(double[][] x) {
        int d = x.length == 0 ? 0 : x[0].length;
        double[] mean = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        double[][] out = new double[x.length][d];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = x[i][j] - mean[j];
            }
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
