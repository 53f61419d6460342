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
 * KL_id is KL(q(z_d|x_i) ‖ N(0, 1)). β_t follows the config's schedule towards the spec's β.
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
        int n = data.samples();
        int validation = config.validationFraction() > 0 ? (int) Math.max(1, Math.round(n * config.validationFraction())) : 0;
        if (n - validation < 1) {
            throw new IllegalArgumentException("need at least " + (validation + 1) + " rows to train with validationFraction "
                    + config.validationFraction() + ", got " + n);
        }
        setThreads(intraOpThreads(spec));
        Normalisation norm = Normalisation.fit(spec, data);
        Random random = new Random(config.seed());
        int[] order = permutation(n, random);
        int[] valRows = Arrays.copyOfRange(order, 0, validation);
        int[] trainRows = Arrays.copyOfRange(order, validation, n);

        Network network = new Network(spec);
        try (Autograd quiet = Autograd.off()) {
            List<TrainingHistory> history = train(network, spec, norm, data, trainRows, valRows, random, progress);
            return new Vae(network, norm, history);
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    private List<TrainingHistory> train(Network network, VaeSpec spec, Normalisation norm, VaeInput data, int[] trainRows,
            int[] valRows, Random random, Consumer<TrainingHistory> progress) {
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
                    double[] sums = trainEpoch(network, weights, adam, train, shuffled(train.size(), random), beta,
                            epochManager, trainMoments, random);
                    Evaluation eval = val == null ? null : evaluate(network, val, spec.beta(), epochManager, random);
                    int active = eval == null ? trainMoments.active() : eval.activeUnits();
                    double valLoss = eval == null ? Double.NaN : eval.loss();
                    row = new TrainingHistory(epoch, sums[0] / train.size(), sums[1] / train.size(),
                            sums[2] / train.size(), beta, active, valLoss, (System.nanoTime() - start) / 1e9);
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
     * One pass of Adam steps; returns summed (loss, reconstruction, KL) over the epoch's samples
     * and adds each batch's μ to {@code moments} unless it is null. Per step only the batch's three
     * loss values are kept on the engine; they are read back together at the end of the epoch.
     */
    private double[] trainEpoch(Network network, FlatParameters weights, Optimizer adam, Dataset train, long[] order,
            double beta, NDManager epochManager, Moments moments, Random random) {
        float freeBits = (float) config.freeBits();
        NDList batches = Dataset.batchIndices(epochManager, order, config.batchSize());
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
        double[] sums = new double[3];
        for (int s = 0; s < batches.size(); s++) {
            long rows = batches.get(s).size();
            for (int k = 0; k < 3; k++) {
                sums[k] += rows * (double) perStep[3 * s + k];
            }
        }
        return sums;
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
