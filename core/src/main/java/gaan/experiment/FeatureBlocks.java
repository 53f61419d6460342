package gaan.experiment;

import java.util.List;

import gaan.config.Modality;

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
 * block scaled per column ({@link Scaling#COLUMNS}, {@link Scaling#RANKS}), each named group of columns gets an equal share. The
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
         * Measurements with skewed or heavy-tailed columns (the MIR descriptor vector: tempo,
         * flatness, contrast): each column replaced by the normal quantile of its rank
         * (Φ⁻¹((rank − 0.5) / n), ties averaged; scikit-learn's {@code QuantileTransformer(
         * output_distribution='normal')} with one quantile per track), then treated as
         * {@link #COLUMNS}. Only the order within a column matters, so one extreme track no longer
         * squeezes the others together.
         */
        RANKS,
        /**
         * An embedding, indicator or histogram block (lyrics, genres, a VAE latent, codebook
         * histograms): centred and divided by the square root of its total variance, never per
         * column, so noise dimensions (rare words) stay as small as they are next to the signal ones.
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
    public static Scaling scalingOf(Modality m) {
        return switch (m) {
            case MFCC, LOGMEL -> Scaling.COLUMNS;
            case DESCRIPTORS -> Scaling.RANKS;
            case LYRICS, GENRE, CODEBOOK -> Scaling.WHOLE;
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
            double[][] z = switch (b.scaling()) {
                case COLUMNS -> standardize(b.x());
                case RANKS -> standardize(normalScores(b.x()));
                case WHOLE -> center(b.x());
            };
            double[] columnScale = b.scaling() == Scaling.WHOLE ? wholeScale(z) : groupScales(z, b.groups());
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

    /** Per column, Φ⁻¹((rank − 0.5) / n) with tied values sharing their mean rank (1-based). */
    static double[][] normalScores(double[][] x) {
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        double[][] out = new double[n][d];
        Integer[] order = new Integer[n];
        for (int j = 0; j < d; j++) {
            final int col = j;
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> x[i][col]));
            for (int start = 0; start < n; ) {
                int end = start;
                while (end + 1 < n && x[order[end + 1]][col] == x[order[start]][col]) {
                    end++;
                }
                double rank = (start + end) / 2.0 + 1;
                double z = normalQuantile((rank - 0.5) / n);
                for (int t = start; t <= end; t++) {
                    out[order[t]][col] = z;
                }
                start = end + 1;
            }
        }
        return out;
    }

    /**
     * Φ⁻¹(p) for 0 &lt; p &lt; 1: P. J. Acklam's rational approximation (relative error below
     * 1.2e-9), which is ample for ranks of a few thousand tracks.
     */
    static double normalQuantile(double p) {
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        final double[] e = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((e[0] * q + e[1]) * q + e[2]) * q + e[3]) * q + 1);
        }
        if (p > 1 - low) {
            return -normalQuantile(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
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
