package gaan.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TimbreFramesTest {
    /** Two coefficients over 10 frames (the last 2 columns stale buffer space): value = 10 k + t. */
    private static final float[][] MFCC = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1, -1},
            {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, -1, -1}};
    /** One contrast band over the same frames: value = 100 + t. */
    private static final float[][] CONTRAST = {{100, 101, 102, 103, 104, 105, 106, 107, 108, 109, -1, -1}};

    @Test
    void framesAreSpreadEvenlyFromFirstToLastWithTheMfccsThenTheContrast() {
        // 0, 3, 6, 9 of columns 0..9
        assertArrayEquals(new float[][] {{0, 10, 100}, {3, 13, 103}, {6, 16, 106}, {9, 19, 109}},
                TimbreFrames.sample(MFCC, CONTRAST, 10, 4));
    }

    @Test
    void aShortTrackRepeatsItsFramesAndNeverReadsPastTheLast() {
        // 0, 0.5, 1, 1.5, 2 of columns 0..2, halves rounded up
        float[][] out = TimbreFrames.sample(MFCC, CONTRAST, 3, 5);
        assertArrayEquals(new float[][] {{0, 10, 100}, {1, 11, 101}, {1, 11, 101}, {2, 12, 102}, {2, 12, 102}}, out);
    }

    @Test
    void aFrameOfTwentyMfccsHasBlocksOfTwentyAndSeven() {
        assertArrayEquals(new int[] {20, 7}, TimbreFrames.blocks(TimbreFrames.width(20)));
        assertThrows(IllegalArgumentException.class, () -> TimbreFrames.blocks(7));
    }
}
