package gaan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BetaScheduleTest {
    @Test
    void linearWarmUpReachesTheTargetAfterTheWarmUpEpochs() {
        assertEquals(0.5, BetaSchedule.LINEAR.beta(2.0, 2, 8), 1e-12);
        assertEquals(2.0, BetaSchedule.LINEAR.beta(2.0, 8, 8), 1e-12);
        assertEquals(2.0, BetaSchedule.LINEAR.beta(2.0, 30, 8), 1e-12);
    }

    @Test
    void cyclicalScheduleRampsOverHalfACycleThenHoldsAndRestarts() {
        double[] expected = {0.25, 0.5, 0.75, 1, 1, 1, 1, 1, 0.25, 0.5};
        for (int epoch = 1; epoch <= expected.length; epoch++) {
            assertEquals(expected[epoch - 1], BetaSchedule.CYCLICAL.beta(1.0, epoch, 8), 1e-12, "epoch " + epoch);
        }
    }

    @Test
    void constantScheduleAndZeroWarmUpUseTheTargetFromTheStart() {
        assertEquals(4.0, BetaSchedule.CONSTANT.beta(4.0, 1, 10), 0);
        assertEquals(4.0, BetaSchedule.LINEAR.beta(4.0, 1, 0), 0);
    }
}
