package gaan.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class FeatureBlocksTest {
    @Test
    void standardizeGivesZeroMeanUnitPopulationStdAndZeroForConstantColumns() {
        double[][] z = FeatureBlocks.standardize(new double[][] {{1, 5}, {2, 5}, {3, 5}, {6, 5}});
        double mean = 0;
        double var = 0;
        for (double[] row : z) {
            mean += row[0] / 4;
        }
        for (double[] row : z) {
            var += (row[0] - mean) * (row[0] - mean) / 4;
            assertEquals(0.0, row[1], "constant column becomes 0, not NaN");
        }
        assertEquals(0.0, mean, 1e-12);
        assertEquals(1.0, var, 1e-12, "ddof 0");
    }

    @Test
    void concatWeighsBlocksBySquaredDistanceShareNotByWidth() {
        double[][] narrow = {{0}, {1}, {0}, {1}};
        double[][] wide = new double[4][16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 16; j++) {
                wide[i][j] = i < 2 ? 0 : 1;
            }
        }
        double[][] x = FeatureBlocks.weigh(List.of(columns(narrow, 1), columns(wide, 1)));
        assertEquals(17, x[0].length);
        double narrowShare = 0;
        double wideShare = 0;
        for (int j = 0; j < 17; j++) {
            double d = x[0][j] - x[3][j];
            if (j == 0) {
                narrowShare += d * d;
            } else {
                wideShare += d * d;
            }
        }
        assertEquals(narrowShare, wideShare, 1e-12, "equal weights give equal shares whatever the widths");
        double[][] heavier = FeatureBlocks.weigh(List.of(columns(narrow, 2), columns(wide, 1)));
        double wideHeavier = 0;
        for (int j = 1; j < 17; j++) {
            wideHeavier += (heavier[0][j] - heavier[3][j]) * (heavier[0][j] - heavier[3][j]);
        }
        double narrowHeavier = (heavier[0][0] - heavier[3][0]) * (heavier[0][0] - heavier[3][0]);
        assertEquals(4 * wideHeavier, narrowHeavier, 1e-12, "weight 2 → 4× the share");
    }

    private static FeatureBlocks.Block columns(double[][] x, double weight) {
        return new FeatureBlocks.Block(x, FeatureBlocks.Scaling.COLUMNS, null, weight);
    }

    @Test
    void weighOfOneColumnsBlockIsItsColumnStandardisation() {
        double[][] x = {{1, 5, 0}, {2, 5, 10}, {3, 5, 20}, {6, 5, 70}};
        double[][] z = FeatureBlocks.standardize(x);
        double[][] w = FeatureBlocks.weigh(List.of(columns(x, 3)));
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(z[i], w[i], 1e-12, "same scale as standardised data, so fixed DBSCAN radii keep meaning");
        }
    }

    @Test
    void wholeScalingKeepsSmallNoiseColumnsSmall() {
        // Column 0 carries the structure; columns 1-3 are low-variance noise, as in a lyrics
        // embedding of few texts. Per-column standardisation would blow them up to the signal's size.
        double[][] x = {{-10, 0.1, -0.1, 0.05}, {-10, -0.1, 0.1, -0.05}, {10, 0.1, 0.1, 0.05}, {10, -0.1, -0.1, -0.05}};
        double[][] w = FeatureBlocks.weigh(List.of(new FeatureBlocks.Block(x, FeatureBlocks.Scaling.WHOLE, null, 1)));
        assertEquals(100.0, Math.abs(w[0][0] / w[0][1]), 1e-9, "ratios between columns survive");
        double total = 0;
        for (int j = 0; j < 4; j++) {
            for (double[] row : w) {
                total += row[j] * row[j] / 4;
            }
        }
        assertEquals(4.0, total, 1e-9, "mean column variance 1");
    }

    @Test
    void groupsOfAColumnsBlockGetEqualSharesWhateverTheirWidths() {
        double[][] x = new double[6][9];
        java.util.Random r = new java.util.Random(3);
        for (double[] row : x) {
            for (int j = 0; j < 9; j++) {
                row[j] = r.nextGaussian();
            }
        }
        String[] groups = {"a", "b", "b", "b", "b", "b", "b", "b", "b"};
        double[][] w = FeatureBlocks.weigh(List.of(new FeatureBlocks.Block(x, FeatureBlocks.Scaling.COLUMNS, groups, 1)));
        double a = 0;
        double b = 0;
        for (double[] row : w) {
            for (int j = 0; j < 9; j++) {
                if (j == 0) {
                    a += row[j] * row[j];
                } else {
                    b += row[j] * row[j];
                }
            }
        }
        assertEquals(a, b, 1e-9 * a, "one column of group a weighs as much as eight of group b");
    }

    @Test
    void imputeMeanFillsAbsentRowsWithTheMeanOfPresentOnes() {
        double[][] x = FeatureBlocks.imputeMean(new double[][] {{1, 2}, {0, 0}, {3, 6}}, new boolean[] {true, false, true});
        assertArrayEquals(new double[] {2, 4}, x[1]);
        assertArrayEquals(new double[] {1, 2}, x[0]);
    }

    @Test
    void normalQuantileMatchesScipy() {
        // scipy.stats.norm.ppf
        double[][] pz = {{1e-4, -3.719016485455709}, {0.01, -2.3263478740408408}, {0.3, -0.5244005127080407},
            {0.5, 0.0}, {0.8, 0.8416212335729143}, {0.99, 2.3263478740408408}};
        for (double[] c : pz) {
            assertEquals(c[1], FeatureBlocks.normalQuantile(c[0]), 1e-8 * Math.max(1, Math.abs(c[1])), "p=" + c[0]);
        }
    }

    @Test
    void ranksScalingDependsOnlyOnTheOrderWithinAColumn() {
        double[][] x = {{1, 3}, {2, 3}, {3, 1}, {1000, 2}, {4, 3}};
        double[][] skewed = new double[5][2];
        for (int i = 0; i < 5; i++) {
            skewed[i][0] = Math.log(x[i][0]);
            skewed[i][1] = x[i][1] * x[i][1];
        }
        double[][] a = FeatureBlocks.weigh(List.of(new FeatureBlocks.Block(x, FeatureBlocks.Scaling.RANKS, null, 1)));
        double[][] b = FeatureBlocks.weigh(List.of(new FeatureBlocks.Block(skewed, FeatureBlocks.Scaling.RANKS, null,
                1)));
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(a[i], b[i], 1e-12, "monotone transforms of a column change nothing");
        }
        assertEquals(a[1][1], a[4][1], 1e-12, "ties share their mean rank");
        assertTrue(a[3][0] - a[4][0] < 2 * (a[4][0] - a[2][0]), "the outlier 1000 is one step above 4, no more");
    }
}
