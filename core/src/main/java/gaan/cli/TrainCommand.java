package gaan.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import gaan.config.ClusteringSpec;
import gaan.config.ExperimentConfig;
import gaan.config.FeatureSettings;
import gaan.config.Modality;
import gaan.config.RepresentationSpec;
import gaan.config.TrainingSettings;
import gaan.experiment.VaeTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gaan train}: one VAE on a collection's features, its latent means as .npy. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Train one VAE on the features of a collection and write its latent means.",
        description = {"Features are extracted first when needed. Writes the model, latent.npy (latent means, "
                + "float64, one row per track of track_ids.txt) and vae_training_history.csv to --out."},
        footer = {"", "Examples:",
                "  gaan train demo",
                "  gaan train demo --model conv --latent 16 --epochs 40 --out results/conv",
                "  gaan train demo --inputs mfcc,lyrics --condition genre --beta 4"})
public final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "COLLECTION", description = "collection folder")
    Path collection;

    @Option(names = "--model", paramLabel = "KIND",
            description = "Kind of VAE: mlp, conv or multimodal (default: ${DEFAULT-VALUE}).")
    String model = "mlp";

    @Option(names = "--inputs", paramLabel = "IN", split = ",",
            description = "Inputs, comma-separated: mfcc, descriptors, logmel, lyrics, genre, codebook (timbre frames as "
                    + "histograms over 256 words; mlp only) (default: mfcc; logmel for conv).")
    List<String> inputs;

    @Option(names = "--condition", paramLabel = "C",
            description = "Condition of a Conditional VAE: genre, or none (default: none).")
    String condition = "none";

    @Option(names = "--latent", paramLabel = "N", description = "Latent dimension (default: ${DEFAULT-VALUE}).")
    int latent = 32;

    @Option(names = "--beta", paramLabel = "B",
            description = "KL weight; above 1 it is a Beta-VAE (default: ${DEFAULT-VALUE}).")
    double beta = 1.0;

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
    int epochs = TrainingSettings.DEFAULTS.epochs();

    @Option(names = "--batch-size", paramLabel = "N", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batchSize = TrainingSettings.DEFAULTS.batchSize();

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of initialisation and batching (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
    Integer threads;

    @Option(names = "--store", paramLabel = "DIR",
            description = "Feature store folder (default: COLLECTION/.gaan/features).")
    Path store;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results", "train");

    @Override
    public Integer call() {
        RepresentationSpec.Model kind = RepresentationSpec.Model.parse(model);
        List<Modality> in = (inputs != null ? inputs
                : List.of(kind == RepresentationSpec.Model.CONV ? "logmel" : "mfcc")).stream().map(Modality::parse).toList();
        String name = kind.key() + "_vae";
        ExperimentConfig config = new ExperimentConfig("train", List.of(seed), threads, null, null,
                FeatureSettings.DEFAULTS, new TrainingSettings(epochs, batchSize, null, null, null, null, null, null),
                List.of(new RepresentationSpec(name, RepresentationSpec.Kind.VAE, in, kind, condition, List.of(latent),
                        List.of(beta), null, null, null, null, null, null, null)),
                List.of(ClusteringSpec.of(ClusteringSpec.Algorithm.KMEANS))).resolved().validate();
        Path latentFile = VaeTraining.train(config, collection, store, out, new ConsoleProgress());
        System.out.println("latent means: " + latentFile.toAbsolutePath());
        return 0;
    }
}
