package gaan.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import gaan.config.ConfigException;
import gaan.config.ExperimentConfig;
import gaan.config.RepresentationSpec;
import gaan.data.Npy;
import gaan.features.FeatureStore;
import gaan.report.RunWriter;

/** {@code gaan train}: one VAE trained alone, its latent means written beside it and into the store. */
public final class VaeTraining {
    private VaeTraining() {
    }

    /**
     * Trains the one VAE of {@code config} on the collection's decodable tracks and writes into
     * {@code out}: the model under {@code models/}, its latent means {@code latent.npy} (float64,
     * N×latent, rows as in {@code track_ids.txt}) and {@code vae_training_history.csv}. The latent
     * means also go into the feature store as {@link FeatureStore#latent} (float32, one row per store
     * row, zero where a track was not encoded) with the mask {@link FeatureStore#latentMask}.
     */
    public static Path train(ExperimentConfig config, Path collection, Path store, Path out, Progress progress) {
        RepresentationSpec spec = config.representations().get(0);
        CollectionFeatures features = FeaturePipeline.prepare(collection, store, config.features(),
                config.seeds().get(0), config.threads(), progress);
        TaskData data = TaskData.select(config, features, features.lyrics());
        if (data.skipped().containsKey(spec.name())) {
            throw new ConfigException("representation '" + spec.name() + "': " + data.skipped().get(spec.name()));
        }
        long seed = config.seeds().get(0);
        Representation rep = new RepresentationBuilder(data, new RunFolder(out).models(), progress)
                .build(spec, seed, Map.of());
        Npy.write(out.resolve("latent.npy"), rep.x());
        float[][] latent = FeatureBlocks.toFloat(rep.x());
        float[][] storeRows = new float[features.size()][latent[0].length];
        boolean[] encoded = new boolean[features.size()];
        for (int i = 0; i < data.size(); i++) {
            storeRows[data.rows()[i]] = latent[i];
            encoded[data.rows()[i]] = true;
        }
        features.store().putMatrix(FeatureStore.latent(rep.name()), storeRows);
        features.store().putMask(FeatureStore.latentMask(rep.name()), encoded);
        RunFolder.writeLines(out.resolve("track_ids.txt"), data.ids());
        new RunWriter(out).writeHistory(TaskRunner.historyRows(List.of(rep)));
        return out.resolve("latent.npy");
    }
}
