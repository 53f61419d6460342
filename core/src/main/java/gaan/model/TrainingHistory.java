package gaan.model;

/**
 * One epoch of training, one row of {@code vae_training_history.csv}.
 *
 * <p>Losses are per sample, averaged over the epoch's samples: {@code reconstruction} is the sum of
 * squared errors over a sample's (standardised) features, summed over present modalities; {@code
 * kl} is KL(q(z|x) ‖ N(0, I)) summed over latent dimensions (without the free-bits floor); {@code
 * loss} is the training objective actually minimised, reconstruction + β·max(KL_d, free bits)
 * summed over d. {@code validationLoss} is reconstruction + target β·KL on the held-out rows (NaN
 * without a validation split), comparable across epochs whatever the β schedule. {@code
 * activeUnits} counts latent dimensions d with Var_x(E[z_d|x]) &gt; 0.01 on the validation rows
 * (the training rows without a split).
 */
public record TrainingHistory(
        int epoch,
        double loss,
        double reconstruction,
        double kl,
        double beta,
        int activeUnits,
        double validationLoss,
        double seconds) {

    /** Column names in the order of the record's components, for CSV headers. */
    public static final java.util.List<String> COLUMNS = java.util.List.of(
            "epoch", "loss", "reconstruction", "kl", "beta", "active_units", "validation_loss", "seconds");
}
