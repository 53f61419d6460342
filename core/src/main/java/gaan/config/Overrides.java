package gaan.config;

import java.util.List;

/**
 * Command-line knobs that override every task's config ({@code --latent}, {@code --beta},
 * {@code --k}, {@code --epochs}, {@code --batch-size}, {@code --seeds}, {@code --threads});
 * null leaves the config's value.
 */
public record Overrides(Integer latent, Double beta, Integer k, Integer epochs, Integer batchSize, List<Long> seeds,
                        Integer threads) {

    public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null);

    public ExperimentConfig applyTo(ExperimentConfig c) {
        TrainingSettings t = c.training() == null ? TrainingSettings.DEFAULTS : c.training();
        TrainingSettings training = new TrainingSettings(epochs != null ? epochs : t.epochs(),
                batchSize != null ? batchSize : t.batchSize(), t.learningRate(), t.validationFraction(),
                t.patience(), t.warmupEpochs(), t.freeBits(), t.maxSteps());
        List<RepresentationSpec> reps = c.representations() == null ? null : c.representations().stream()
                .map(r -> r.kind() != RepresentationSpec.Kind.VAE ? r : new RepresentationSpec(r.name(), r.kind(),
                        r.inputs(), r.model(), r.condition(), latent != null ? List.of(latent) : r.latent(),
                        beta != null ? List.of(beta) : r.beta(), r.dim(), r.parts(), r.weights(),
                        epochs != null ? null : r.epochs(), r.scaling(), r.windows(),
                        r.consistency()))
                .toList();
        List<ClusteringSpec> clustering = c.clustering() == null || k == null ? c.clustering()
                : c.clustering().stream().map(s -> s.algorithm().takesK() ? s.withK(List.of(k)) : s).toList();
        return new ExperimentConfig(c.task(), seeds != null ? seeds : c.seeds(), threads != null ? threads : c.threads(),
                k != null ? k : c.k(), c.minCoverage(), c.features(), training, reps, clustering);
    }
}
