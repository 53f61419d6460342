package gaan.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        double[][] x = FeatureBlocks.concat(List.of(narrow, wide), List.of(1.0, 1.0));
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
        double[][] heavier = FeatureBlocks.concat(List.of(narrow, wide), List.of(2.0, 1.0));
        assertEquals(4 * x[0][0] * x[0][0], heavier[0][0] * heavier[0][0], 1e-12, "weight 2 → 4× the share");
    }

    @Test
    void imputeMeanFillsAbsentRowsWithTheMeanOfPresentOnes() {
        double[][] x = FeatureBlocks.imputeMean(new double[][] {{1, 2}, {0, 0}, {3, 6}}, new boolean[] {true, false, true});
        assertArrayEquals(new double[] {2, 4}, x[1]);
        assertArrayEquals(new double[] {1, 2}, x[0]);
    }
}
