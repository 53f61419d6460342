package gaan.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogMelPatchesTest {
    /** A (bands, frames) matrix whose value is the frame index, so a patch shows where it starts. */
    private static float[][] frameIndex(int bands, int frames) {
        float[][] m = new float[bands][frames];
        for (float[] row : m) {
            for (int t = 0; t < frames; t++) {
                row[t] = t;
            }
        }
        return m;
    }

    @Test
    void onePatchComesFromTheMiddle() {
        LogMelPatches p = LogMelPatches.of(frameIndex(4, 300), 128, 1);
        assertFalse(p.padded());
        assertEquals(86f, p.patches()[0][2][0]);
        assertEquals(86f + 127, p.patches()[0][2][127]);
    }

    @Test
    void severalPatchesAreEvenlySpaced() {
        LogMelPatches p = LogMelPatches.of(frameIndex(4, 300), 128, 3);
        assertEquals(28f, p.patches()[0][0][0]);
        assertEquals(86f, p.patches()[1][0][0]);
        assertEquals(143f, p.patches()[2][0][0]);
    }

    @Test
    void shortTrackIsPaddedWithItsMinimumAndMarked() {
        float[][] m = frameIndex(2, 50);
        m[1][10] = -80f;
        LogMelPatches p = LogMelPatches.of(m, 128, 2);
        assertTrue(p.padded());
        assertEquals(49f, p.patches()[0][0][49]);
        assertEquals(-80f, p.patches()[0][0][50]);
        assertEquals(-80f, p.patches()[1][1][127]);
    }
}
