package gaan.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class MfccSampledFramesTest {
    /** Two coefficients over 10 frames (the last 2 columns stale buffer space): value = 10 k + t. */
    private static final float[][] MFCC = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1, -1},
            {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, -1, -1}};

    @Test
    void framesAreSpreadEvenlyFromFirstToLast() {
        // 0, 3, 6, 9 of columns 0..9
        assertArrayEquals(new float[][] {{0, 10}, {3, 13}, {6, 16}, {9, 19}}, Mfcc.sampledFrames(MFCC, 10, 4));
    }

    @Test
    void aShortTrackRepeatsItsFramesAndNeverReadsPastTheLast() {
        // 0, 0.5, 1, 1.5, 2 of columns 0..2, halves rounded up
        float[][] out = Mfcc.sampledFrames(MFCC, 3, 5);
        assertArrayEquals(new float[][] {{0, 10}, {1, 11}, {1, 11}, {2, 12}, {2, 12}}, out);
    }
}
