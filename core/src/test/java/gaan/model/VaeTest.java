package gaan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaeTest {
    private static final TrainConfig FAST = TrainConfig.defaults().withEpochs(25).withBatchSize(32).withPatience(0)
            .withValidationFraction(0.2).withBetaSchedule(BetaSchedule.LINEAR, 5).withSeed(3).withThreads(1);

    @TempDir
    Path dir;

    /** libtorch's gradient mode is per thread and on by default: a Spark executor thread loads and encodes. */
    @Test
    void modelLoadedOnAFreshThreadEncodesAsOnTheTrainingThread() throws Exception {
        float[][] x = Synthetic.clusters(100, 40, 3, 21);
        VaeSpec spec = VaeSpec.mlp(40).withHiddenSizes(List.of(32)).withLatentDim(4);
        float[][] before;
        try (Vae vae = new Trainer(FAST.withEpochs(2)).fit(spec, VaeInput.vectors(x))) {
            before = vae.encode(VaeInput.vectors(x));
            vae.save(dir);
        }
        float[][][] after = new float[1][][];
        Throwable[] failure = new Throwable[1];
        Thread fresh = new Thread(() -> {
            try (Vae loaded = Vae.load(dir)) {
                after[0] = loaded.encode(VaeInput.vectors(x));
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        fresh.start();
        fresh.join();
        if (failure[0] != null) {
            throw new AssertionError("encoding on a fresh thread failed", failure[0]);
        }
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(before[i], after[0][i], 0f);
        }
    }

    @Test
    void mlpVaeBeatsPredictingTheMeanWithoutCollapse() {
        float[][] x = Synthetic.clusters(400, 40, 4, 1);
        VaeSpec spec = VaeSpec.mlp(40).withHiddenSizes(List.of(64, 32)).withLatentDim(8).withSeed(7);
        try (Vae vae = new Trainer(FAST).fit(spec, VaeInput.vectors(x))) {
            TrainingHistory last = vae.history().get(vae.history().size() - 1);
            assertTrue(last.validationLoss() < Synthetic.standardisedVarianceSum(x), last.toString());
            assertTrue(last.activeUnits() >= 2, last.toString());
            assertEquals(25, vae.history().size());
            float[][] mu = vae.encode(VaeInput.vectors(x));
            assertEquals(400, mu.length);
            assertEquals(8, mu[0].length);
        }
    }

    @Test
    void savedModelEncodesIdenticallyAfterLoad() {
        float[][] x = Synthetic.clusters(200, 40, 3, 2);
        VaeSpec spec = VaeSpec.mlp(40).withHiddenSizes(List.of(32)).withLatentDim(4);
        float[][] before;
        try (Vae vae = new Trainer(FAST.withEpochs(3)).fit(spec, VaeInput.vectors(x))) {
            before = vae.encode(VaeInput.vectors(x));
            vae.save(dir);
        }
        try (Vae loaded = Vae.load(dir)) {
            assertEquals(spec, loaded.spec());
            assertEquals(3, loaded.history().size());
            float[][] after = loaded.encode(VaeInput.vectors(x));
            for (int i = 0; i < x.length; i++) {
                assertArrayEquals(before[i], after[i], 0f);
            }
        }
    }

    @Test
    void convVaeLearnsBlobPositionsAndAveragesPatchesPerTrack() {
        float[][][] patches = Synthetic.blobs(96, 32, 4);
        VaeSpec spec = VaeSpec.conv(32, 32).withHiddenSizes(List.of(8, 16, 32, 64)).withLatentDim(6);
        TrainConfig config = FAST.withEpochs(30).withBatchSize(16);
        try (Vae vae = new Trainer(config).fit(spec, VaeInput.patches(patches))) {
            TrainingHistory last = vae.history().get(vae.history().size() - 1);
            double meanLoss = 32 * 32; // global standardisation: total variance is one per pixel on average
            assertTrue(last.validationLoss() < 0.5 * meanLoss, last.toString());
            assertTrue(last.activeUnits() >= 2, last.toString());
            float[][] perPatch = vae.encode(VaeInput.patches(patches));
            int[] track = new int[patches.length];
            for (int p = 0; p < track.length; p++) {
                track[p] = p / 2;
            }
            float[][] perTrack = vae.encode(VaeInput.patches(patches, track));
            assertEquals(48, perTrack.length);
            assertEquals(6, perTrack[0].length);
            assertEquals((perPatch[10][3] + perPatch[11][3]) / 2, perTrack[5][3], 1e-5);
            vae.save(dir);
            try (Vae loaded = Vae.load(dir)) {
                assertArrayEquals(perPatch[0], loaded.encode(VaeInput.patches(patches))[0], 0f);
            }
        }
    }

    @Test
    void defaultConvSpecEncodesEachTrackOf128x128PatchesToOneLatentRow() {
        float[][][] blobs = Synthetic.blobs(12, 128, 13);
        float[][][][] tracks = new float[4][3][][];
        for (int i = 0; i < blobs.length; i++) {
            tracks[i / 3][i % 3] = blobs[i];
        }
        TrainConfig config = FAST.withEpochs(2).withBatchSize(4).withValidationFraction(0);
        try (Vae vae = new Trainer(config).fit(VaeSpec.conv(128, 128), VaeInput.trackPatches(tracks))) {
            assertTrue(vae.history().get(1).loss() < vae.history().get(0).loss(), vae.history().toString());
            float[][] mu = vae.encode(VaeInput.trackPatches(tracks));
            assertEquals(4, mu.length);
            assertEquals(VaeSpec.DEFAULT_LATENT, mu[0].length);
        }
    }

    @Test
    void conditionalVaeDecodesTheSameLatentTowardsTheConditionsCluster() {
        int n = 300;
        float[][] x = Synthetic.clusters(n, 20, 3, 5);
        float[][] condition = new float[n][3];
        for (int i = 0; i < n; i++) {
            condition[i][i % 3] = 1;
        }
        VaeSpec spec = VaeSpec.mlp(20).withHiddenSizes(List.of(32)).withLatentDim(4).withConditionSize(3);
        try (Vae vae = new Trainer(FAST.withEpochs(30)).fit(spec, VaeInput.vectors(x).withCondition(condition))) {
            TrainingHistory last = vae.history().get(vae.history().size() - 1);
            assertTrue(last.validationLoss() < Synthetic.standardisedVarianceSum(x), last.toString());
            float[][] clusterMeans = new float[3][20];
            for (int i = 0; i < n; i++) {
                for (int f = 0; f < 20; f++) {
                    clusterMeans[i % 3][f] += x[i][f] / (n / 3f);
                }
            }
            float[][] z = new float[1][4];
            float[][] decoded = new float[3][];
            for (int c = 0; c < 3; c++) {
                float[][] oneHot = new float[1][3];
                oneHot[0][c] = 1;
                decoded[c] = vae.decode(z, oneHot)[0];
            }
            for (int c = 0; c < 3; c++) {
                for (int other = 0; other < 3; other++) {
                    assertTrue(other == c || distance(decoded[c], clusterMeans[c]) < distance(decoded[other], clusterMeans[c]),
                            "condition " + c + " should pull the decoded point towards its cluster more than condition " + other);
                }
            }
            assertEquals(4, vae.encode(VaeInput.vectors(x).withCondition(condition))[0].length);
        }
    }

    @Test
    void conditionalConvVaeMovesTheDecodedBlobWithTheCondition() {
        float[][][] patches = Synthetic.blobs(64, 32, 15);
        float[][] brighterHalf = new float[patches.length][2];
        for (int p = 0; p < patches.length; p++) {
            double left = 0;
            double right = 0;
            for (float[] row : patches[p]) {
                for (int x = 0; x < 32; x++) {
                    left += x < 16 ? row[x] : 0;
                    right += x < 16 ? 0 : row[x];
                }
            }
            brighterHalf[p][left > right ? 0 : 1] = 1;
        }
        VaeSpec spec = VaeSpec.conv(32, 32).withHiddenSizes(List.of(8, 16, 32, 64)).withLatentDim(4).withConditionSize(2);
        try (Vae vae = new Trainer(FAST.withEpochs(20).withBatchSize(16)).fit(spec, VaeInput.patches(patches).withCondition(brighterHalf))) {
            float[][] z = new float[1][4];
            float[] left = vae.decode(z, new float[][] {{1, 0}})[0];
            float[] right = vae.decode(z, new float[][] {{0, 1}})[0];
            assertEquals(32 * 32, left.length);
            assertTrue(leftMinusRightMass(left) > 0 && leftMinusRightMass(right) < 0,
                    "the condition should move the decoded blob: " + leftMinusRightMass(left) + ", " + leftMinusRightMass(right));
        }
    }

    @Test
    void multimodalVaeEncodesATrackWithItsLyricsMissing() {
        int n = 300;
        float[][] joint = Synthetic.clusters(n, 46, 4, 6);
        float[][] audio = columns(joint, 0, 20);
        float[][] lyrics = columns(joint, 20, 40);
        float[][] genre = columns(joint, 40, 46);
        boolean[] hasLyrics = new boolean[n];
        for (int i = 0; i < n; i++) {
            hasLyrics[i] = i % 5 != 0;
            if (!hasLyrics[i]) {
                lyrics[i][0] = Float.NaN; // absent rows are ignored, whatever they hold
            }
        }
        VaeSpec spec = VaeSpec.multimodal(List.of("audio", "lyrics", "genre"), List.of(20, 20, 6))
                .withHiddenSizes(List.of(32)).withLatentDim(6);
        VaeInput input = VaeInput.modalities(List.of(audio, lyrics, genre), java.util.Arrays.asList(null, hasLyrics, null));
        try (Vae vae = new Trainer(FAST.withEpochs(25)).fit(spec, input)) {
            TrainingHistory last = vae.history().get(vae.history().size() - 1);
            double meanLoss = 20 + 20 * 0.8 + 6;
            assertTrue(last.validationLoss() < meanLoss, last.toString());
            assertTrue(last.activeUnits() >= 2, last.toString());
            float[][] mu = vae.encode(input);
            assertEquals(n, mu.length);
            for (float v : mu[0]) {
                assertTrue(Float.isFinite(v), "track 0 has no lyrics and must still be encoded");
            }
            float[][] masked = vae.encode(VaeInput.modalities(List.of(audio, lyrics, genre),
                    java.util.Arrays.asList(null, new boolean[n], null)));
            assertFalse(java.util.Arrays.equals(mu[1], masked[1]), "masking lyrics must change the posterior");
        }
    }

    @Test
    void higherBetaTradesReconstructionForALowerKl() {
        float[][] x = Synthetic.clusters(300, 20, 3, 12);
        VaeSpec spec = VaeSpec.mlp(20).withHiddenSizes(List.of(32)).withLatentDim(6);
        TrainConfig config = FAST.withEpochs(12);
        try (Vae plain = new Trainer(config).fit(spec, VaeInput.vectors(x));
                Vae beta = new Trainer(config).fit(spec.withBeta(8), VaeInput.vectors(x))) {
            TrainingHistory p = plain.history().get(11);
            TrainingHistory b = beta.history().get(11);
            assertEquals(8.0, b.beta());
            assertTrue(b.kl() < p.kl() && b.reconstruction() > p.reconstruction(), p + " vs " + b);
        }
    }

    @Test
    void earlyStoppingKeepsTheWeightsOfTheBestValidationEpoch() {
        float[][] x = Synthetic.clusters(60, 40, 2, 14);
        VaeSpec spec = VaeSpec.mlp(40).withHiddenSizes(List.of(256)).withLatentDim(4);
        TrainConfig config = FAST.withEpochs(300).withBatchSize(8).withPatience(3).withValidationFraction(0.3)
                .withBetaSchedule(BetaSchedule.CONSTANT, 0);
        try (Vae vae = new Trainer(config).fit(spec, VaeInput.vectors(x))) {
            List<TrainingHistory> h = vae.history();
            assertTrue(h.size() < 300, "an over-parameterised model on 42 rows should stop early");
            TrainingHistory best = h.stream().min(java.util.Comparator.comparingDouble(TrainingHistory::validationLoss)).orElseThrow();
            assertEquals(h.size() - 3, best.epoch(), "stops `patience` epochs after the best one");
            try (Vae upToBest = new Trainer(config.withEpochs(best.epoch()).withPatience(0)).fit(spec, VaeInput.vectors(x))) {
                assertArrayEquals(upToBest.encode(VaeInput.vectors(x))[0], vae.encode(VaeInput.vectors(x))[0], 0f);
            }
        }
    }

    @Test
    void freeBitsFloorEachDimensionsKlInTheObjective() {
        float[][] x = Synthetic.clusters(200, 20, 3, 16);
        VaeSpec spec = VaeSpec.mlp(20).withHiddenSizes(List.of(32)).withLatentDim(6);
        TrainConfig config = FAST.withEpochs(5).withFreeBits(2.0).withBetaSchedule(BetaSchedule.CONSTANT, 0);
        try (Vae vae = new Trainer(config).fit(spec, VaeInput.vectors(x))) {
            for (TrainingHistory row : vae.history()) {
                assertTrue(row.loss() - row.reconstruction() >= 6 * 2.0 - 1e-3, row.toString());
            }
            TrainingHistory last = vae.history().get(4);
            assertTrue(last.kl() < 6 * 2.0, "the reported KL is the model's, without the floor: " + last);
        }
    }

    @Test
    void dataOfTheWrongShapeFailsBeforeTrainingNamingBothShapes() {
        float[][] x = Synthetic.clusters(50, 39, 2, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(FAST).fit(VaeSpec.mlp(40), VaeInput.vectors(x)));
        assertTrue(e.getMessage().contains("[40]") && e.getMessage().contains("[50, 39]"), e.getMessage());
    }

    @Test
    void nanInTheInputIsReportedWithRowAndTrackId() {
        float[][] x = Synthetic.clusters(50, 10, 2, 9);
        x[17][3] = Float.NaN;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add("track-" + i);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(FAST).fit(VaeSpec.mlp(10), VaeInput.vectors(x).withRowIds(ids)));
        assertTrue(e.getMessage().contains("row 17") && e.getMessage().contains("track-17"), e.getMessage());
    }

    @Test
    void sameSeedAndThreadsGiveTheSameLosses() {
        float[][] x = Synthetic.clusters(200, 40, 3, 10);
        VaeSpec spec = VaeSpec.mlp(40).withHiddenSizes(List.of(32)).withLatentDim(4);
        TrainConfig config = FAST.withEpochs(4).withThreads(2);
        List<TrainingHistory> a;
        List<TrainingHistory> b;
        try (Vae vae = new Trainer(config).fit(spec, VaeInput.vectors(x))) {
            a = vae.history();
        }
        try (Vae vae = new Trainer(config).fit(spec, VaeInput.vectors(x))) {
            b = vae.history();
        }
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).loss(), b.get(i).loss(), 0.0);
            assertEquals(a.get(i).validationLoss(), b.get(i).validationLoss(), 0.0);
        }
        try (Vae vae = new Trainer(config.withSeed(4)).fit(spec, VaeInput.vectors(x))) {
            assertFalse(a.get(3).loss() == vae.history().get(3).loss(), "another seed should train differently");
        }
    }

    /**
     * Two fits started together on two threads (each interleaving its steps with the other's
     * initialisation and training) give the losses and latents each gives alone.
     */
    @Test
    void fitsOnTwoThreadsAtOnceMatchTheSameFitsOneAfterTheOther() throws Exception {
        float[][] x = Synthetic.clusters(160, 40, 3, 21);
        VaeSpec spec = VaeSpec.mlp(40).withHiddenSizes(List.of(32)).withLatentDim(4);
        TrainConfig config = FAST.withEpochs(5).withThreads(1);
        long[] seeds = {5, 6};
        List<float[]> serial = new ArrayList<>();
        for (long seed : seeds) {
            serial.add(lossesAndLatents(config.withSeed(seed), spec.withSeed(seed), x));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<float[]>> together = new ArrayList<>();
            for (long seed : seeds) {
                together.add(pool.submit(() -> lossesAndLatents(config.withSeed(seed), spec.withSeed(seed), x)));
            }
            for (int s = 0; s < seeds.length; s++) {
                assertArrayEquals(serial.get(s), together.get(s).get(), "seed " + seeds[s]);
            }
        } finally {
            pool.shutdown();
        }
        assertFalse(java.util.Arrays.equals(serial.get(0), serial.get(1)), "the two seeds train differently");
    }

    /** Every epoch's loss and validation loss, then the latent means, in one array. */
    private static float[] lossesAndLatents(TrainConfig config, VaeSpec spec, float[][] x) {
        try (Vae vae = new Trainer(config).fit(spec, VaeInput.vectors(x))) {
            float[][] z = vae.encode(VaeInput.vectors(x));
            float[] out = new float[2 * vae.history().size() + z.length * z[0].length];
            int k = 0;
            for (TrainingHistory h : vae.history()) {
                out[k++] = (float) h.loss();
                out[k++] = (float) h.validationLoss();
            }
            for (float[] row : z) {
                System.arraycopy(row, 0, out, k, row.length);
                k += row.length;
            }
            return out;
        }
    }

    /**
     * Collections during the steps free any native memory that still belongs to a Java buffer; if
     * the autograd graph kept a tensor over such memory, backward would read garbage and the runs
     * would part (they did, at epoch 1 or with NaN, before scalars became libtorch-owned).
     */
    @Test
    void sameSeedGivesTheSameLossesWhileTheGcRunsDuringTheSteps() throws InterruptedException {
        float[][] x = Synthetic.clusters(120, 40, 2, 12);
        VaeSpec spec = VaeSpec.mlp(40).withHiddenSizes(List.of(64)).withLatentDim(4);
        TrainConfig config = FAST.withEpochs(6).withBatchSize(8).withFreeBits(0.1);
        AtomicBoolean training = new AtomicBoolean(true);
        Thread collector = new Thread(() -> {
            try {
                while (training.get()) {
                    System.gc();
                    Thread.sleep(1);
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        });
        collector.setDaemon(true);
        collector.start();
        List<List<TrainingHistory>> runs = new ArrayList<>();
        try {
            for (int run = 0; run < 2; run++) {
                try (Vae vae = new Trainer(config).fit(spec, VaeInput.vectors(x))) {
                    runs.add(vae.history());
                }
            }
        } finally {
            training.set(false);
            collector.join();
        }
        for (int i = 0; i < runs.get(0).size(); i++) {
            assertEquals(runs.get(0).get(i).loss(), runs.get(1).get(i).loss(), 0.0, "epoch " + (i + 1));
        }
    }

    @Test
    void nativeArraysDoNotGrowAcrossEpochs() {
        float[][] x = Synthetic.clusters(100, 10, 2, 11);
        VaeSpec spec = VaeSpec.mlp(10).withHiddenSizes(List.of(16)).withLatentDim(3);
        int[] live = new int[11];
        ai.djl.ndarray.NDManager system = ai.djl.ndarray.NDManager.newBaseManager().getParentManager();
        try (Vae vae = new Trainer(FAST.withEpochs(10).withPatience(20))
                .fit(spec, VaeInput.vectors(x), row -> live[row.epoch()] = system.getManagedArrays().size())) {
            assertTrue(live[2] > vae.spec().hiddenSizes().size() * 4, "parameters and Adam state are counted");
            assertEquals(live[2], live[10], "live NDArrays after epoch 2 vs epoch 10");
        }
    }

    private static double distance(float[] a, float[] b) {
        double d = 0;
        for (int f = 0; f < a.length; f++) {
            d += (a[f] - b[f]) * (a[f] - b[f]);
        }
        return Math.sqrt(d);
    }

    /** Brightness of the left half minus the right half of a flattened 32×32 patch. */
    private static double leftMinusRightMass(float[] patch) {
        double d = 0;
        for (int i = 0; i < patch.length; i++) {
            d += i % 32 < 16 ? patch[i] : -patch[i];
        }
        return d;
    }

    private static float[][] columns(float[][] x, int from, int to) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(x[i], from, to);
        }
        return out;
    }
}
