package gaan.report;

import java.util.Objects;

/**
 * One epoch of one model's training: a row of {@code vae_training_history.csv}. Losses are means
 * per sample over the epoch; {@code NaN} where not measured (e.g. {@code valLoss} without a
 * validation split).
 *
 * @param model          the model's name, e.g. {@code mlp_vae_latent32}
 * @param seed           the training seed
 * @param epoch          1-based epoch number
 * @param loss           total loss = reconstruction + beta * KL
 * @param reconstruction reconstruction term
 * @param kl             KL divergence to the prior, nats, summed over latent units
 * @param beta           the KL weight used in this epoch (after annealing)
 * @param activeUnits    latent units whose posterior mean varies across samples (Cov_x E[z|x] > 0.01);
 *                       fewer than 2 flags a collapsed model; -1 when not measured
 * @param valLoss        validation loss, or NaN
 * @param seconds        wall-clock seconds of the epoch
 */
public record HistoryRow(String model, long seed, int epoch, double loss, double reconstruction, double kl,
                         double beta, int activeUnits, double valLoss, double seconds) {

    /** Below this many active units a VAE is reported as collapsed. */
    public static final int COLLAPSE_BELOW = 2;

    public HistoryRow {
        Objects.requireNonNull(model, "model");
    }

    public boolean collapsed() {
        return activeUnits >= 0 && activeUnits < COLLAPSE_BELOW;
    }
}
