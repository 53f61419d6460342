package gaan.model;

/**
 * How a {@link Trainer} fits a VAE. Everything that changes the result is here, including the
 * seed (validation split, shuffling, reparameterisation draws) and the libtorch thread count: the
 * same config, spec, data and thread count give the same losses.
 *
 * @param epochs maximum number of passes over the training rows
 * @param batchSize rows per Adam step
 * @param learningRate Adam's step size (β1 0.9, β2 0.999, ε 1e-8)
 * @param validationFraction share of rows held out for validation loss, early stopping and active
 *     units; 0 trains on all rows
 * @param patience stop after this many epochs without a better validation loss (training loss
 *     without a split) and keep the best weights; only epochs at the full β count (after a LINEAR
 *     warm-up, in the second half of each CYCLICAL cycle); 0 disables early stopping
 * @param betaSchedule how β approaches the spec's β
 * @param warmupEpochs ramp length (LINEAR) or cycle length (CYCLICAL)
 * @param freeBits per-dimension floor, in nats, on the batch-averaged KL: dimensions below it are
 *     not pushed further towards the prior (Kingma et al. 2016); 0 disables
 * @param seed randomness of training (the spec's seed fixes the initial weights)
 * @param threads libtorch intra-op threads at most: MLP and multimodal VAEs trained in batches of
 *     fewer than 512 rows use one, because on such small matrices a second thread costs more
 *     time than it saves
 * @param windows how an epoch uses the several windows (patches) a track may have; {@link
 *     Windows#ALL} for data with one sample per track
 */
public record TrainConfig(
        int epochs,
        int batchSize,
        double learningRate,
        double validationFraction,
        int patience,
        BetaSchedule betaSchedule,
        int warmupEpochs,
        double freeBits,
        long seed,
        int threads,
        Windows windows) {

    /**
     * How an epoch draws the samples of tracks that have several windows (patches).
     *
     * @param pairs       false: every window of every training track once an epoch; true: per
     *                    training track two distinct windows drawn afresh each epoch (a different
     *                    pair each time, so many windows act as augmentation), placed in the same
     *                    batch
     * @param consistency with pairs, the weight λ of a term λ·½‖μ_a − μ_b‖² averaged over the
     *                    batch's pairs: the KL between the two windows' posteriors if both had unit
     *                    variance, so λ = 1 weighs it like the prior's KL; 0 draws pairs as
     *                    augmentation only
     */
    public record Windows(boolean pairs, double consistency) {
        /** Every window once an epoch, no consistency term. */
        public static final Windows ALL = new Windows(false, 0);

        public Windows {
            if (!(consistency >= 0) || (!pairs && consistency > 0)) {
                throw new IllegalArgumentException("consistency must be ≥ 0 and needs window pairs, got "
                        + consistency + (pairs ? "" : " without pairs"));
            }
        }

        /** Two windows a track an epoch, with consistency weight λ (0: augmentation only). */
        public static Windows pairs(double consistency) {
            return new Windows(true, consistency);
        }
    }

    /** One sample per track, or every window once an epoch ({@link Windows#ALL}). */
    public TrainConfig(int epochs, int batchSize, double learningRate, double validationFraction, int patience,
            BetaSchedule betaSchedule, int warmupEpochs, double freeBits, long seed, int threads) {
        this(epochs, batchSize, learningRate, validationFraction, patience, betaSchedule, warmupEpochs, freeBits, seed,
                threads, Windows.ALL);
    }

    public TrainConfig {
        if (windows == null) {
            throw new IllegalArgumentException("windows must not be null; Windows.ALL draws every window");
        }
        if (epochs < 1 || batchSize < 1 || threads < 1) {
            throw new IllegalArgumentException("epochs, batchSize and threads must be ≥ 1, got "
                    + epochs + ", " + batchSize + ", " + threads);
        }
        if (!(learningRate > 0) || validationFraction < 0 || validationFraction >= 1 || patience < 0
                || warmupEpochs < 0 || freeBits < 0) {
            throw new IllegalArgumentException("TrainConfig out of range: " + learningRateLine(learningRate,
                    validationFraction, patience, warmupEpochs, freeBits));
        }
    }

    /** 100 epochs, batch 64, lr 1e-3, 10 % validation, patience 10, linear warm-up over 10 epochs, no free bits, seed 0, 2 threads. */
    public static TrainConfig defaults() {
        return new TrainConfig(100, 64, 1e-3, 0.1, 10, BetaSchedule.LINEAR, 10, 0.0, 0, 2);
    }

    public TrainConfig withEpochs(int e) {
        return new TrainConfig(e, batchSize, learningRate, validationFraction, patience, betaSchedule, warmupEpochs, freeBits, seed, threads, windows);
    }

    public TrainConfig withBatchSize(int b) {
        return new TrainConfig(epochs, b, learningRate, validationFraction, patience, betaSchedule, warmupEpochs, freeBits, seed, threads, windows);
    }

    public TrainConfig withLearningRate(double lr) {
        return new TrainConfig(epochs, batchSize, lr, validationFraction, patience, betaSchedule, warmupEpochs, freeBits, seed, threads, windows);
    }

    public TrainConfig withValidationFraction(double f) {
        return new TrainConfig(epochs, batchSize, learningRate, f, patience, betaSchedule, warmupEpochs, freeBits, seed, threads, windows);
    }

    public TrainConfig withPatience(int p) {
        return new TrainConfig(epochs, batchSize, learningRate, validationFraction, p, betaSchedule, warmupEpochs, freeBits, seed, threads, windows);
    }

    public TrainConfig withBetaSchedule(BetaSchedule s, int warmup) {
        return new TrainConfig(epochs, batchSize, learningRate, validationFraction, patience, s, warmup, freeBits, seed, threads, windows);
    }

    public TrainConfig withFreeBits(double f) {
        return new TrainConfig(epochs, batchSize, learningRate, validationFraction, patience, betaSchedule, warmupEpochs, f, seed, threads, windows);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(epochs, batchSize, learningRate, validationFraction, patience, betaSchedule, warmupEpochs, freeBits, s, threads, windows);
    }

    public TrainConfig withThreads(int t) {
        return new TrainConfig(epochs, batchSize, learningRate, validationFraction, patience, betaSchedule, warmupEpochs, freeBits, seed, t, windows);
    }

    public TrainConfig withWindows(Windows w) {
        return new TrainConfig(epochs, batchSize, learningRate, validationFraction, patience, betaSchedule, warmupEpochs, freeBits, seed, threads, w);
    }

    private static String learningRateLine(double lr, double vf, int patience, int warmup, double freeBits) {
        return "learningRate " + lr + " (> 0), validationFraction " + vf + " (in [0, 1)), patience " + patience
                + ", warmupEpochs " + warmup + ", freeBits " + freeBits + " (≥ 0)";
    }
}
