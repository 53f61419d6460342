package gaan.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BagOfFramesTest {
    /**
     * Three sounds far apart in a 4-coefficient space; a frame is one of them plus a little noise.
     * Every coefficient tells some sounds apart, so standardising it does not blow its noise up to
     * unit variance, and the kernel's width (the noise) is far below the distance between sounds.
     */
    private static final double[][] SOUNDS = {{0, 0, 0, 0}, {20, 0, 0, 20}, {0, 20, 20, 0}};

    /** A track of {@code counts[s]} frames of sound {@code s}, in a shuffled order. */
    private static float[][] track(SplittableRandom random, int... counts) {
        int n = Arrays.stream(counts).sum();
        float[][] frames = new float[n][];
        int i = 0;
        for (int s = 0; s < counts.length; s++) {
            for (int c = 0; c < counts[s]; c++) {
                frames[i] = new float[4];
                for (int j = 0; j < 4; j++) {
                    frames[i][j] = (float) (SOUNDS[s][j] + 0.1 * random.nextGaussian());
                }
                i++;
            }
        }
        for (int a = n - 1; a > 0; a--) {
            int b = random.nextInt(a + 1);
            float[] t = frames[a];
            frames[a] = frames[b];
            frames[b] = t;
        }
        return frames;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] sorted(double[] row) {
        double[] s = row.clone();
        Arrays.sort(s);
        return s;
    }

    @Test
    void rowsAreSquareRootsOfEachTracksSoundProportions() {
        SplittableRandom random = new SplittableRandom(5);
        float[][][] frames = {track(random, 40, 0, 0), track(random, 20, 20, 0), track(random, 10, 0, 30),
                track(random, 4, 0, 0)};
        double[][] rows = new BagOfFrames(3, 1, 2).histograms(frames);

        double h = Math.sqrt(0.5);
        assertArrayEquals(new double[] {0, 0, 1}, sorted(rows[0]), 1e-12);
        assertArrayEquals(new double[] {0, h, h}, sorted(rows[1]), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, Math.sqrt(0.75)}, sorted(rows[2]), 1e-12);
        // Proportions, not frame counts: 4 frames of one sound are 40 frames of it.
        assertArrayEquals(rows[0], rows[3], 1e-12);
        // Hellinger by hand: the rows' dot product is the Bhattacharyya coefficient Σ √(p q).
        assertEquals(h, dot(rows[0], rows[1]), 1e-12);
        assertEquals(0.5, dot(rows[0], rows[2]), 1e-12);
        assertEquals(h * 0.5, dot(rows[1], rows[2]), 1e-12);
        for (double[] r : rows) {
            assertEquals(1.0, dot(r, r), 1e-12, "unit length");
        }
    }

    @Test
    void aCodebookLearntFromASampleStillCountsEveryFrame() {
        // 120,000 frames: above the training cap, so the codebook sees a sample of them.
        SplittableRandom random = new SplittableRandom(9);
        float[][][] frames = new float[60][][];
        for (int t = 0; t < frames.length; t++) {
            frames[t] = t % 2 == 0 ? track(random, 2000, 0, 0) : track(random, 500, 1000, 500);
        }
        assertEquals(120_000, Arrays.stream(frames).mapToInt(f -> f.length).sum());
        assertEquals(true, 120_000 > BagOfFrames.MAX_TRAINING_FRAMES);
        double[][] rows = new BagOfFrames(3, 2, 2).histograms(frames);
        assertArrayEquals(new double[] {0, 0, 1}, sorted(rows[0]), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5, Math.sqrt(0.5)}, sorted(rows[1]), 1e-12);
        assertArrayEquals(rows, new BagOfFrames(3, 2, 1).histograms(frames), "the thread count changes nothing");
    }

    @Test
    void aFrameHalfwayBetweenTwoWordsCountsHalfForEach() {
        // Two sounds, and a track of frames halfway between them: a hard count gives each of its
        // frames wholly to one word (row 0, 1), a kernel codebook shares it between both.
        SplittableRandom random = new SplittableRandom(3);
        float[][] halfway = new float[4][];
        for (int i = 0; i < halfway.length; i++) {
            halfway[i] = new float[] {10, 0, 0, 10};
        }
        float[][][] frames = {track(random, 2000, 0), track(random, 0, 2000), halfway};
        double[][] rows = new BagOfFrames(2, 4, 1).histograms(frames);
        double h = Math.sqrt(0.5);
        assertArrayEquals(new double[] {h, h}, rows[2], 0.02);
    }

    @Test
    void aCodebookOfOneWordIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BagOfFrames(1, 0, 1));
        assertEquals(true, e.getMessage().contains("words"), e.getMessage());
    }

    /**
     * Two groups of tracks whose frames differ only in the sign of one coefficient, next to 19
     * coefficients of noise: as one block the noise dims outnumber it and the words mostly cut noise;
     * as two blocks (19 + 1), each of the same total variance, the words follow the sign.
     */
    @Test
    void blocksOfEqualWeightKeepANarrowBlockFromBeingOutvoted() {
        SplittableRandom random = new SplittableRandom(9);
        float[][][] frames = new float[8][300][20];
        for (int t = 0; t < 8; t++) {
            for (float[] f : frames[t]) {
                for (int j = 0; j < 19; j++) {
                    f[j] = (float) random.nextGaussian();
                }
                f[19] = (float) ((t < 4 ? 1 : -1) + 0.3 * random.nextGaussian());
            }
        }
        double oneBlock = groupGap(new BagOfFrames(8, 3, 1).histograms(frames));
        double twoBlocks = groupGap(new BagOfFrames(8, new int[] {19, 1}, 3, 1).histograms(frames));
        assertEquals(groupGap(new BagOfFrames(8, new int[] {20}, 3, 1).histograms(frames)), oneBlock, 1e-12,
                "one block of every value is the default");
        assertTrue(twoBlocks > 0.5, "affinity within groups minus between, two blocks: " + twoBlocks);
        assertTrue(oneBlock < 0.5 * twoBlocks, "one block: " + oneBlock + ", two blocks: " + twoBlocks);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BagOfFrames(8, new int[] {19, 2}, 3, 1).histograms(frames));
        assertTrue(e.getMessage().contains("20 values"), e.getMessage());
    }

    /** Mean Bhattacharyya affinity (row dot product) of tracks 0-3 and 4-7 among themselves minus across. */
    private static double groupGap(double[][] rows) {
        double within = 0;
        double across = 0;
        int nw = 0;
        int na = 0;
        for (int a = 0; a < rows.length; a++) {
            for (int b = a + 1; b < rows.length; b++) {
                if ((a < 4) == (b < 4)) {
                    within += dot(rows[a], rows[b]);
                    nw++;
                } else {
                    across += dot(rows[a], rows[b]);
                    na++;
                }
            }
        }
        return within / nw - across / na;
    }

    /**
     * Read from a source that hands out one reused array a track, over more tracks than one chunk
     * holds, the rows are those of the frames held in memory.
     */
    @Test
    void framesStreamedOneTrackAtATimeGiveTheRowsOfFramesHeldInMemory() {
        SplittableRandom random = new SplittableRandom(4);
        int tracks = BagOfFrames.CHUNK_TRACKS + 77;
        float[][][] frames = new float[tracks][][];
        for (int t = 0; t < tracks; t++) {
            frames[t] = track(random, t % 3 + 1, (t / 3) % 2, 2);
        }
        BagOfFrames.FrameSource streamed = new BagOfFrames.FrameSource() {
            @Override
            public int tracks() {
                return tracks;
            }

            @Override
            public void forEach(java.util.function.ObjIntConsumer<float[][]> each) {
                float[][] reused = new float[0][];
                for (int t = 0; t < tracks; t++) {
                    if (reused.length != frames[t].length) {
                        reused = new float[frames[t].length][4];
                    }
                    for (int f = 0; f < reused.length; f++) {
                        System.arraycopy(frames[t][f], 0, reused[f], 0, 4);
                    }
                    each.accept(reused, t);
                    for (float[] row : reused) {
                        java.util.Arrays.fill(row, Float.NaN);
                    }
                }
            }
        };
        BagOfFrames bag = new BagOfFrames(3, 6, 2);
        assertArrayEquals(bag.histograms(frames), bag.histograms(streamed));
    }
}
