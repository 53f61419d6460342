package gaan.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import gaan.config.ConfigException;
import gaan.config.ExperimentConfig;
import gaan.config.RepresentationSpec;
import gaan.data.Npy;
import gaan.data.OwnedFolder;
import gaan.features.FeatureStore;
import gaan.report.RunWriter;

/** {@code gaan train}: one VAE trained alone, its latent means written beside it and into the store. */
public final class VaeTraining {
    private VaeTraining() {
    }

    /** The latent means' file in the output folder. */
    public static final String LATENT_FILE = "latent.npy";
    /** The row order of {@link #LATENT_FILE}: one track id a line. */
    public static final String TRACK_IDS_FILE = "track_ids.txt";

    /**
     * Trains the one VAE of {@code config} on the collection's decodable tracks and writes into
     * {@code out}: the model under {@code models/}, its latent means {@code latent.npy} (float64,
     * N×latent, rows as in {@code track_ids.txt}) and {@code vae_training_history.csv}. The latent
     * means also go into the feature store as {@link FeatureStore#latent} (float32, one row per store
     * row, zero where a track was not encoded) with the mask {@link FeatureStore#latentMask}.
     * {@code out} is a {@link ResultsFolder}: locked, written whole or not at all, and files gaan did
     * not write there are kept.
     */
    public static Path train(ExperimentConfig config, Path collection, Path store, Path out, Progress progress) {
        CollectionFeatures features = FeaturePipeline.prepare(collection, store, config.features(),
                config.seeds().get(0), config.threads(), progress);
        OwnedFolder.requireApart(out, "training folder", features.store().dir(), "feature store");
        OwnedFolder.requireOutside(out, "training folder", features.collection().root());
        try (ResultsFolder folder = ResultsFolder.open(out, "training folder", List.of(RunFolder.MODELS_DIR, LATENT_FILE,
                TRACK_IDS_FILE, RunWriter.HISTORY_FILE), progress)) {
            write(config, features, folder.staging(), progress);
            folder.commit();
            return folder.target(folder.staging().resolve(LATENT_FILE));
        }
    }

    private static void write(ExperimentConfig config, CollectionFeatures features, Path out, Progress progress) {
        RepresentationSpec spec = config.representations().get(0);
        TaskData data = TaskData.select(config, features, features.lyrics());
        if (data.skipped().containsKey(spec.name())) {
            throw new ConfigException("representation '" + spec.name() + "': " + data.skipped().get(spec.name()));
        }
        long seed = config.seeds().get(0);
        Representation rep = new RepresentationBuilder(data, new RunFolder(out).models(), progress)
                .build(spec, seed, Map.of());
        Npy.write(out.resolve(LATENT_FILE), rep.x());
        float[][] latent = FeatureBlocks.toFloat(rep.x());
        float[][] storeRows = new float[features.size()][latent[0].length];
        boolean[] encoded = new boolean[features.size()];
        for (int i = 0; i < data.size(); i++) {
            storeRows[data.rows()[i]] = latent[i];
            encoded[data.rows()[i]] = true;
        }
        features.store().putMatrix(FeatureStore.latent(rep.name()), storeRows);
        features.store().putMask(FeatureStore.latentMask(rep.name()), encoded);
        RunFolder.writeLines(out.resolve(TRACK_IDS_FILE), data.ids());
        new RunWriter(out).writeHistory(TaskRunner.historyRows(List.of(rep)));
    }
}
