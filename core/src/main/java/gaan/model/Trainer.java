package gaan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Fits a {@link VaeSpec} to data with Adam, whatever the kind: the loop sees only a {@link
 * Network}'s reconstruction and KL terms.
 *
 * <p>Per batch the objective is mean_i(reconstruction_i) + β_t·Σ_d max(mean_i KL_id, free bits),
 * where reconstruction_i is the sum of squared errors over sample i's standardised values
 * (Gaussian decoder with unit variance, up to constants) summed over its present modalities, and
 * KL_id is KL(q(z_d|x_i) ‖ N(0, 1)). β_t follows the config's schedule towards the spec's β. With
 * window pairs ({@link TrainConfig.Windows}) a batch holds two windows of each of its tracks and
 * the objective gains λ·mean_pairs ½‖μ_a − μ_b‖².
 *
 * <p>The validation split holds out whole tracks (all their windows), so validation never sees a
 * window of a training track.
 *
 * <p>Every batch's arrays live in a sub-manager closed after the step, so native memory stays flat
 * over epochs. Loss values are read back once per epoch.
 *
 * <p>Fits may run at the same time on different threads and give what they give alone: each draws
 * its noise from its own generator (seeded by the config's seed), initial weights are drawn under
 * {@link Network}'s lock, and autograd's mode is per thread ({@link Autograd}). libtorch's intra-op
 * thread count is process-wide, so concurrent fits must all want the same count
 * ({@link #intraOpThreads}); in practice one thread each.
 */
public final class Trainer {
    private static final int EVAL_BATCH = 256;
    private static final double ACTIVE_UNIT_VARIANCE = 0.01;
    private static final AtomicBoolean INTEROP_SET = new AtomicBoolean();
    private static final String ADAM_STATE = "weights";
    /**
     * Batch rows from which an MLP or multimodal step gains from more than one intra-op thread.
     * Below it the matrices are so small that waking and synchronising a second thread around
     * every operation costs more than it saves (2-core machine, default MLP: batch 64 trains 1.7×
     * faster on one thread; break-even near 512 rows). Convolutions always gain.
     */
    private static final int PARALLEL_VECTOR_BATCH = 512;

    private final TrainConfig config;

    public Trainer(TrainConfig config) {
        this.config = config;
    }

    public Vae fit(VaeSpec spec, VaeInput data) {
        return fit(spec, data, row -> { });
    }

    /**
     * Trains a new VAE; {@code progress} receives each epoch's row as it finishes. Fails before
     * any training if the data does not fit the spec or holds NaN/∞ (the message names the row and
     * track id).
     */
    public Vae fit(VaeSpec spec, VaeInput data, Consumer<TrainingHistory> progress) {
        data.check(spec);
        if (config.windows().pairs() && !data.hasWindows()) {
            throw new IllegalArgumentException("window pairs need several windows (patches) per track, but every track"
                    + " has one; store more patches per track or draw every window");
        }
        Random random = new Random(config.seed());
        Split split = Split.byTrack(data.samplesByTrack(), config.validationFraction(), random);
        setThreads(intraOpThreads(spec));
        Normalisation norm = Normalisation.fit(spec, data);

        Network network = new Network(spec);
        try (Autograd quiet = Autograd.off()) {
            List<TrainingHistory> history = train(network, spec, norm, data, split.trainTracks(), split.validationRows(),
                    random, progress);
            return new Vae(network, norm, history);
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /** {@code trainTracks}: each training track's samples; {@code valRows}: the validation samples. */
    private List<TrainingHistory> train(Network network, VaeSpec spec, Normalisation norm, VaeInput data,
            int[][] trainTracks, int[] valRows, Random random, Consumer<TrainingHistory> progress) {
        int[] trainRows = flat(trainTracks);
        int[][] trainWindows = positions(trainTracks);
        FlatParameters weights = network.weights();
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.learningRate())).build();
        List<TrainingHistory> history = new ArrayList<>();
        try (NDManager dataManager = network.manager().newSubManager()) {
            Dataset train = Dataset.upload(dataManager, spec, norm, data, trainRows);
            Dataset val = valRows.length > 0 ? Dataset.upload(dataManager, spec, norm, data, valRows) : null;
            float[] best = null;
            double bestLoss = Double.POSITIVE_INFINITY;
            int sinceBest = 0;
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                long start = System.nanoTime();
                double beta = config.betaSchedule().beta(spec.beta(), epoch, config.warmupEpochs());
                TrainingHistory row;
                try (NDManager epochManager = dataManager.newSubManager()) {
                    // Without a validation split, active units come from the training pass's μ.
                    Moments trainMoments = val == null ? new Moments(epochManager) : null;
                    NDList batches = config.windows().pairs()
                            ? Dataset.batchIndices(epochManager, pairOrder(trainWindows, pairsPerBatch(), random),
                                    2 * pairsPerBatch())
                            : Dataset.batchIndices(epochManager, shuffled(train.size(), random), config.batchSize());
                    double[] sums = trainEpoch(network, weights, adam, train, batches, beta, epochManager, trainMoments,
                            random);
                    Evaluation eval = val == null ? null : evaluate(network, val, spec.beta(), epochManager, random);
                    int active = eval == null ? trainMoments.active() : eval.activeUnits();
                    double valLoss = eval == null ? Double.NaN : eval.loss();
                    row = new TrainingHistory(epoch, sums[0] / sums[3], sums[1] / sums[3], sums[2] / sums[3], beta, active,
                            valLoss, (System.nanoTime() - start) / 1e9);
                }
                history.add(row);
                progress.accept(row);
                double monitored = val == null ? row.loss() : row.validationLoss();
                if (!Double.isFinite(row.loss())) {
                    throw new IllegalStateException("training diverged at epoch " + epoch + " (loss " + row.loss()
                            + "); lower the learning rate (now " + config.learningRate() + ")");
                }
                // Only epochs at the full β compete for "best": during warm-up the weights optimise another objective.
                if (config.patience() == 0 || beta < spec.beta()) {
                    continue;
                }
                if (monitored < bestLoss) {
                    bestLoss = monitored;
                    sinceBest = 0;
                    best = weights.snapshot();
                } else if (++sinceBest >= config.patience()) {
                    break;
                }
            }
            if (best != null) {
                weights.restore(best);
            }
        }
        return history;
    }

    /**
     * One pass of Adam steps over {@code batches} (sample indices of {@code train}); returns summed
     * (loss, reconstruction, KL) over the epoch's samples and their count, and adds each batch's μ
     * to {@code moments} unless it is null. With window pairs each batch holds the first windows of
     * its pairs, then the second ones in the same order ({@link #pairOrder}). Per step only the
     * batch's three loss values are kept on the engine; they are read back together at the end.
     */
    private double[] trainEpoch(Network network, FlatParameters weights, Optimizer adam, Dataset train, NDList batches,
            double beta, NDManager epochManager, Moments moments, Random random) {
        float freeBits = (float) config.freeBits();
        float consistency = (float) config.windows().consistency();
        NDList stepLosses = new NDList();
        for (NDArray indices : batches) {
            try (NDManager step = epochManager.newSubManager()) {
                Dataset.Batch b = train.batch(step, indices);
                NDArray loss;
                NDArray reconstruction;
                NDArray kl;
                NDArray mu;
                try (Autograd recording = Autograd.recording()) {
                    weights.trainingViews(step);
                    Network.Pass pass = network.run(b.x(), b.mask(), b.condition(), true, random);
                    reconstruction = pass.reconstruction().mean();
                    NDArray klPerDim = pass.kl().mean(new int[] {0});
                    NDArray klTerm = freeBits > 0 ? klPerDim.maximum(Network.constant(step, freeBits)).sum() : klPerDim.sum();
                    loss = reconstruction.add(klTerm.mul(Network.constant(step, (float) beta)));
                    kl = klPerDim.sum();
                    mu = pass.posterior().mu();
                    if (consistency > 0) {
                        long half = indices.size() / 2;
                        NDArray gap = mu.get("0:{}", half).sub(mu.get("{}:", half));
                        loss = loss.add(gap.square().sum(new int[] {1}).mean().mul(Network.constant(step, consistency / 2)));
                    }
                    Autograd.backward(loss);
                }
                NDArray values = NDArrays.stack(new NDList(loss, reconstruction, kl));
                values.attach(epochManager);
                stepLosses.add(values);
                if (moments != null) {
                    moments.add(mu);
                }
                NDArray grad = weights.vector().getGradient();
                grad.attach(step);
                adam.update(ADAM_STATE, weights.vector(), grad); // also zeroes the gradient
            }
        }
        float[] perStep = NDArrays.stack(stepLosses).toFloatArray();
        double[] sums = new double[4];
        for (int s = 0; s < batches.size(); s++) {
            long rows = batches.get(s).size();
            for (int k = 0; k < 3; k++) {
                sums[k] += rows * (double) perStep[3 * s + k];
            }
            sums[3] += rows;
        }
        return sums;
    }

    /** Window pairs a batch: half the batch size, so a batch holds as many samples as without pairs. */
    private int pairsPerBatch() {
        return Math.max(1, config.batchSize() / 2);
    }

    /**
     * One epoch's window pairs as sample indices: tracks in a new random order, and for each two
     * distinct windows drawn at random (the one window twice when a track has one), laid out batch
     * by batch as the batch's first windows followed by its second windows.
     */
    private static long[] pairOrder(int[][] windows, int pairsPerBatch, Random random) {
        int[] tracks = permutation(windows.length, random);
        long[] order = new long[2 * tracks.length];
        for (int from = 0; from < tracks.length; from += pairsPerBatch) {
            int pairs = Math.min(pairsPerBatch, tracks.length - from);
            for (int i = 0; i < pairs; i++) {
                int[] w = windows[tracks[from + i]];
                int a = random.nextInt(w.length);
                int b = w.length == 1 ? a : (a + 1 + random.nextInt(w.length - 1)) % w.length;
                order[2 * from + i] = w[a];
                order[2 * from + pairs + i] = w[b];
            }
        }
        return order;
    }

    /** Validation loss per sample (at the target β, without free bits) and active units. */
    private record Evaluation(double loss, int activeUnits) {
    }

    private Evaluation evaluate(Network network, Dataset data, double beta, NDManager epochManager, Random random) {
        NDArray lossSum = epochManager.zeros(new Shape(1));
        Moments moments = new Moments(epochManager);
        for (int from = 0; from < data.size(); from += EVAL_BATCH) {
            int to = Math.min(data.size(), from + EVAL_BATCH);
            try (NDManager step = epochManager.newSubManager()) {
                Dataset.Batch b = data.slice(step, from, to);
                Network.Pass pass = network.run(b.x(), b.mask(), b.condition(), false, random);
                lossSum.addi(pass.reconstruction().sum().add(pass.kl().sum().mul((float) beta)));
                moments.add(pass.posterior().mu());
            }
        }
        return new Evaluation(lossSum.getFloat(0) / data.size(), moments.active());
    }

    /** The μ rows of an epoch, kept on the engine until the active units are counted. */
    private static final class Moments {
        private final NDManager manager;
        private final NDList rows = new NDList();

        Moments(NDManager manager) {
            this.manager = manager;
        }

        void add(NDArray mu) {
            NDArray kept = mu.stopGradient();
            kept.attach(manager);
            rows.add(kept);
        }

        /** Dimensions whose μ varies across the rows by more than {@value #ACTIVE_UNIT_VARIANCE} (population variance, float64). */
        int active() {
            NDArray mu = NDArrays.concat(rows).toType(DataType.FLOAT64, false);
            NDArray mean = mu.mean(new int[] {0});
            double[] variance = mu.sub(mean).square().mean(new int[] {0}).toDoubleArray();
            int count = 0;
            for (double v : variance) {
                if (v > ACTIVE_UNIT_VARIANCE) {
                    count++;
                }
            }
            return count;
        }
    }

    private static int[] permutation(int n, Random random) {
        int[] p = Dataset.range(0, n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * Training tracks (each its samples) and validation samples, split by track: windows of one
     * track on both sides would let validation see training audio.
     */
    record Split(int[][] trainTracks, int[] validationRows) {
        /** {@code fraction} of the tracks (at least one when it is above 0), drawn at random, held out. */
        static Split byTrack(int[][] samplesByTrack, double fraction, Random random) {
            int tracks = samplesByTrack.length;
            int validation = fraction > 0 ? (int) Math.max(1, Math.round(tracks * fraction)) : 0;
            if (tracks - validation < 1) {
                throw new IllegalArgumentException("need at least " + (validation + 1) + " tracks to train with"
                        + " validationFraction " + fraction + ", got " + tracks);
            }
            int[] order = permutation(tracks, random);
            return new Split(pick(samplesByTrack, order, validation, tracks), flat(pick(samplesByTrack, order, 0, validation)));
        }

        private static int[][] pick(int[][] samplesByTrack, int[] order, int from, int to) {
            int[][] out = new int[to - from][];
            for (int i = from; i < to; i++) {
                out[i - from] = samplesByTrack[order[i]];
            }
            return out;
        }
    }

    private static int[] flat(int[][] lists) {
        return Arrays.stream(lists).flatMapToInt(Arrays::stream).toArray();
    }

    /** Where each list's entries sit in {@link #flat} of the lists. */
    private static int[][] positions(int[][] lists) {
        int[][] out = new int[lists.length][];
        int next = 0;
        for (int i = 0; i < lists.length; i++) {
            out[i] = Dataset.range(next, next + lists[i].length);
            next += lists[i].length;
        }
        return out;
    }

    private static long[] shuffled(int n, Random random) {
        int[] p = permutation(n, random);
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
            l[i] = p[i];
        }
        return l;
    }

    /**
     * libtorch threads a fit of {@code spec} uses: the config's thread count, or 1 for vector VAEs
     * whose batches are too small to share. Fits that use one can run side by side, one per core.
     */
    public int intraOpThreads(VaeSpec spec) {
        boolean smallSteps = spec.kind() != VaeKind.CONV && config.batchSize() < PARALLEL_VECTOR_BATCH;
        return smallSteps ? 1 : config.threads();
    }

    /** libtorch's intra-op threads; inter-op threads can be set only once per process. */
    private static void setThreads(int threads) {
        Engines.pytorch(); // loads libtorch before the JNI calls below
        JniUtils.setNumThreads(threads);
        if (INTEROP_SET.compareAndSet(false, true)) {
            try {
                JniUtils.setNumInteropThreads(threads);
            } catch (RuntimeException alreadyStarted) {
                // libtorch refuses once inter-op work has run; intra-op threads decide the arithmetic.
            }
        }
    }
}
