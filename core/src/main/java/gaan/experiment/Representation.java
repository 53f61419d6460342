package gaan.experiment;

import java.util.List;

import gaan.model.TrainingHistory;

/**
 * A matrix of the task's tracks (rows in {@link TaskData} order) ready to cluster, and what it is.
 *
 * @param inputs     the modalities it was built from, joined by {@code +}
 * @param usesLabels the evaluation labels (genres) were an input, so external scores leak
 * @param seed       the seed it was built with (VAE init and batches; raw and PCA do not depend on it)
 * @param history    per-epoch training history of the VAE behind it; empty for raw and PCA
 * @param note       facts a reader of its scores needs (imputed rows, collapse), or empty
 */
public record Representation(String name, String inputs, boolean usesLabels, long seed, double[][] x,
                             List<TrainingHistory> history, String note) {

    public Representation {
        history = List.copyOf(history);
    }
}
