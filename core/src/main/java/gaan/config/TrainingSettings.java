package gaan.config;

/**
 * How the VAEs of a task are trained; {@code null} fields take the defaults of {@link #DEFAULTS}.
 *
 * @param epochs             maximum epochs (early stopping may end sooner)
 * @param batchSize          mini-batch size
 * @param learningRate       Adam learning rate
 * @param validationFraction share of tracks held out for validation loss and early stopping
 * @param patience           epochs without validation improvement before stopping; 0 disables
 * @param warmupEpochs       epochs of linear KL warm-up from β=0 to the target β
 * @param freeBits           per-dimension KL floor (nats) that keeps latent units alive; 0 by default
 *                           because a floor also lets units look active (Var E[z|x] > 0.01) that
 *                           carry little, which would hide a collapse
 * @param maxSteps           Adam steps a model takes at most (0: no cap): on a large collection the
 *                           epochs, warm-up and patience shrink in proportion (see {@link #schedule}),
 *                           as umap-learn runs fewer epochs above 10,000 points, so training time stops
 *                           growing with the collection once an epoch alone is many steps
 */
public record TrainingSettings(Integer epochs, Integer batchSize, Double learningRate, Double validationFraction,
                               Integer patience, Integer warmupEpochs, Double freeBits, Integer maxSteps) {

    public static final TrainingSettings DEFAULTS = new TrainingSettings(80, 32, 1e-3, 0.15, 15, 20, 0.0, 4000);

    /**
     * How long one model trains: the configured epochs, warm-up and patience, or, when
     * {@code epochs} passes over {@code rows} training rows would take more than {@link #maxSteps}
     * steps, the epochs that fit in that budget (at least 1) with warm-up and patience scaled by the
     * same factor (patience at least 1 when it was on).
     *
     * @param epochs this model's epochs (a representation may set its own)
     * @param rows   training rows (after the validation split)
     */
    public Schedule schedule(int epochs, int rows) {
        int stepsPerEpoch = Math.max(1, (rows + batchSize - 1) / batchSize);
        if (maxSteps == 0 || (long) epochs * stepsPerEpoch <= maxSteps) {
            return new Schedule(epochs, warmupEpochs, patience, "");
        }
        int capped = Math.max(1, maxSteps / stepsPerEpoch);
        double factor = (double) capped / epochs;
        int shortPatience = patience == 0 ? 0 : Math.max(1, (int) Math.round(patience * factor));
        return new Schedule(capped, (int) Math.round(warmupEpochs * factor), shortPatience, String.format(
                java.util.Locale.ROOT, "%d of %d epochs (%d steps an epoch; max_steps %d)", capped, epochs,
                stepsPerEpoch, maxSteps));
    }

    /** Epochs, KL warm-up and early-stopping patience of one fit; {@code note} says why they are shorter, or is empty. */
    public record Schedule(int epochs, int warmupEpochs, int patience, String note) {
    }

    /** This with every null field taken from {@code base}. */
    public TrainingSettings over(TrainingSettings base) {
        return new TrainingSettings(
                epochs != null ? epochs : base.epochs,
                batchSize != null ? batchSize : base.batchSize,
                learningRate != null ? learningRate : base.learningRate,
                validationFraction != null ? validationFraction : base.validationFraction,
                patience != null ? patience : base.patience,
                warmupEpochs != null ? warmupEpochs : base.warmupEpochs,
                freeBits != null ? freeBits : base.freeBits,
                maxSteps != null ? maxSteps : base.maxSteps);
    }

    void validate(String path) {
        FieldCheck.between(path + ".epochs", epochs, 1, Limits.MAX_EPOCHS, Limits.EPOCHS_WHY);
        FieldCheck.between(path + ".batchSize", batchSize, 1, Limits.MAX_BATCH, Limits.BATCH_WHY);
        FieldCheck.positive(path + ".learningRate", learningRate);
        FieldCheck.range(path + ".validationFraction", validationFraction, 0.0, 0.5);
        FieldCheck.atLeast(path + ".patience", patience, 0);
        FieldCheck.atLeast(path + ".warmupEpochs", warmupEpochs, 0);
        FieldCheck.range(path + ".freeBits", freeBits, 0.0, 10.0);
        FieldCheck.atLeast(path + ".maxSteps", maxSteps, 0);
    }
}
