package gaan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Training on several windows a track: pairs drawn each epoch, the consistency term, the split by track. */
class WindowPairsTest {
    private static final int SIZE = 32;
    private static final int TRACKS = 40;
    private static final int WINDOWS = 4;
    private static final TrainConfig FAST = TrainConfig.defaults().withEpochs(30).withBatchSize(16).withPatience(0)
            .withValidationFraction(0.2).withBetaSchedule(BetaSchedule.LINEAR, 5).withSeed(5).withThreads(1);
    private static final VaeSpec SPEC = VaeSpec.conv(SIZE, SIZE).withHiddenSizes(List.of(8, 16, 32, 64)).withLatentDim(4)
            .withSeed(2);

    /**
     * Each track is a blob whose row is the track's own; each window moves it along the columns at
     * random: the column is what differs between windows of one track, the row what tells tracks apart.
     */
    private static float[][][][] tracksOfWindows(long seed) {
        Random r = new Random(seed);
        float[][][][] tracks = new float[TRACKS][WINDOWS][SIZE][SIZE];
        double width = SIZE / 8.0;
        for (int t = 0; t < TRACKS; t++) {
            double cy = SIZE * (0.2 + 0.6 * r.nextDouble());
            for (int w = 0; w < WINDOWS; w++) {
                double cx = SIZE * (0.2 + 0.6 * r.nextDouble());
                for (int y = 0; y < SIZE; y++) {
                    for (int x = 0; x < SIZE; x++) {
                        double dy = y - cy;
                        double dx = x - cx;
                        tracks[t][w][y][x] = (float) Math.exp(-(dx * dx + dy * dy) / (2 * width * width));
                    }
                }
            }
        }
        return tracks;
    }

    /** Share of the windows' μ variance that lies within tracks (0: a track's windows coincide). */
    private static double withinTrackShare(Vae vae, float[][][][] tracks) {
        float[][][] flat = new float[TRACKS * WINDOWS][][];
        for (int t = 0; t < TRACKS; t++) {
            for (int w = 0; w < WINDOWS; w++) {
                flat[t * WINDOWS + w] = tracks[t][w];
            }
        }
        float[][] mu = vae.encode(VaeInput.patches(flat));
        float[][] trackMean = vae.encode(VaeInput.trackPatches(tracks));
        int d = mu[0].length;
        double[] grand = new double[d];
        for (float[] row : mu) {
            for (int j = 0; j < d; j++) {
                grand[j] += row[j] / mu.length;
            }
        }
        double within = 0;
        double total = 0;
        for (int s = 0; s < mu.length; s++) {
            for (int j = 0; j < d; j++) {
                within += Math.pow(mu[s][j] - trackMean[s / WINDOWS][j], 2);
                total += Math.pow(mu[s][j] - grand[j], 2);
            }
        }
        return within / total;
    }

    @Test
    void theConsistencyTermPullsTheWindowsOfATrackTogether() {
        float[][][][] tracks = tracksOfWindows(11);
        double plain;
        double pulled;
        try (Vae vae = new Trainer(FAST.withWindows(TrainConfig.Windows.pairs(0))).fit(SPEC, VaeInput.trackPatches(tracks))) {
            plain = withinTrackShare(vae, tracks);
        }
        try (Vae vae = new Trainer(FAST.withWindows(TrainConfig.Windows.pairs(50))).fit(SPEC, VaeInput.trackPatches(tracks))) {
            pulled = withinTrackShare(vae, tracks);
            TrainingHistory last = vae.history().get(vae.history().size() - 1);
            assertTrue(last.activeUnits() >= 1, last.toString());
        }
        // Without the term the windows' column spreads μ as much as the tracks' rows do.
        assertTrue(plain > 0.3, "within-track share without the term " + plain);
        assertTrue(pulled < 0.5 * plain, "within-track share " + pulled + " with λ = 50 against " + plain + " without");
    }

    @Test
    void anEpochOfPairsTrainsTwoWindowsOfEveryTrainingTrackAndRepeatsWithTheSeed() {
        float[][][][] tracks = tracksOfWindows(12);
        TrainConfig config = FAST.withEpochs(3).withWindows(TrainConfig.Windows.pairs(1));
        List<TrainingHistory> first;
        try (Vae vae = new Trainer(config).fit(SPEC, VaeInput.trackPatches(tracks))) {
            first = vae.history();
        }
        try (Vae vae = new Trainer(config).fit(SPEC, VaeInput.trackPatches(tracks))) {
            for (int e = 0; e < first.size(); e++) {
                assertEquals(first.get(e).loss(), vae.history().get(e).loss(), 0.0);
                assertEquals(first.get(e).validationLoss(), vae.history().get(e).validationLoss(), 0.0);
            }
        }
        // The objective adds the consistency term to reconstruction + β·KL.
        TrainingHistory last = first.get(first.size() - 1);
        assertTrue(last.loss() > last.reconstruction() + last.beta() * last.kl(), last.toString());
    }

    @Test
    void validationHoldsOutWholeTracks() {
        float[][][][] tracks = tracksOfWindows(13);
        int[][] byTrack = VaeInput.trackPatches(tracks).samplesByTrack();
        Trainer.Split split = Trainer.Split.byTrack(byTrack, 0.2, new Random(1));
        assertEquals(32, split.trainTracks().length);
        assertEquals(8 * WINDOWS, split.validationRows().length);
        java.util.Set<Integer> heldOutTracks = new java.util.HashSet<>();
        for (int s : split.validationRows()) {
            heldOutTracks.add(s / WINDOWS);
        }
        assertEquals(8, heldOutTracks.size(), "validation windows come from 8 whole tracks");
        for (int[] track : split.trainTracks()) {
            assertEquals(WINDOWS, track.length);
            for (int s : track) {
                assertTrue(!heldOutTracks.contains(s / WINDOWS), "window " + s + " of a held-out track is trained on");
            }
        }
        // One sample a track: the split is the old split by row.
        Trainer.Split rows = Trainer.Split.byTrack(VaeInput.patches(Synthetic.blobs(10, 8, 1)).samplesByTrack(), 0.2,
                new Random(1));
        assertEquals(2, rows.validationRows().length);
        assertEquals(8, rows.trainTracks().length);
    }

    @Test
    void pairsNeedSeveralWindowsATrack() {
        float[][][] one = Synthetic.blobs(20, SIZE, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer(
                FAST.withWindows(TrainConfig.Windows.pairs(0))).fit(SPEC, VaeInput.patches(one)));
        assertTrue(e.getMessage().contains("several windows"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig.Windows(false, 1));
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.Windows.pairs(-1));
    }
}
