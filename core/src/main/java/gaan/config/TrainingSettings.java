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
 */
public record TrainingSettings(Integer epochs, Integer batchSize, Double learningRate, Double validationFraction,
                               Integer patience, Integer warmupEpochs, Double freeBits) {

    public static final TrainingSettings DEFAULTS = new TrainingSettings(80, 32, 1e-3, 0.15, 15, 20, 0.0);

    /** This with every null field taken from {@code base}. */
    public TrainingSettings over(TrainingSettings base) {
        return new TrainingSettings(
                epochs != null ? epochs : base.epochs,
                batchSize != null ? batchSize : base.batchSize,
                learningRate != null ? learningRate : base.learningRate,
                validationFraction != null ? validationFraction : base.validationFraction,
                patience != null ? patience : base.patience,
                warmupEpochs != null ? warmupEpochs : base.warmupEpochs,
                freeBits != null ? freeBits : base.freeBits);
    }

    void validate(String path) {
        FieldCheck.between(path + ".epochs", epochs, 1, Limits.MAX_EPOCHS, Limits.EPOCHS_WHY);
        FieldCheck.between(path + ".batchSize", batchSize, 1, Limits.MAX_BATCH, Limits.BATCH_WHY);
        FieldCheck.positive(path + ".learningRate", learningRate);
        FieldCheck.range(path + ".validationFraction", validationFraction, 0.0, 0.5);
        FieldCheck.atLeast(path + ".patience", patience, 0);
        FieldCheck.atLeast(path + ".warmupEpochs", warmupEpochs, 0);
        FieldCheck.range(path + ".freeBits", freeBits, 0.0, 10.0);
    }
}
