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
        description = {"Train one VAE on the features of COLLECTION (extracted first if needed) and write the model,",
                "latent.npy (latent means, float64, one row per track of track_ids.txt) and",
                "vae_training_history.csv to --out."})
public final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "COLLECTION", description = "collection folder")
    Path collection;

    @Option(names = "--model", paramLabel = "KIND", description = "mlp, conv or multimodal (default: ${DEFAULT-VALUE})")
    String model = "mlp";

    @Option(names = "--inputs", paramLabel = "IN", split = ",",
            description = "mfcc, logmel, lyrics, genre; comma-separated (default: mfcc; conv: logmel)")
    List<String> inputs;

    @Option(names = "--condition", paramLabel = "C", description = "genre: a Conditional VAE; none (default)")
    String condition = "none";

    @Option(names = "--latent", paramLabel = "N", description = "latent dimension (default: ${DEFAULT-VALUE})")
    int latent = 32;

    @Option(names = "--beta", paramLabel = "B", description = "KL weight; > 1 is a Beta-VAE (default: ${DEFAULT-VALUE})")
    double beta = 1.0;

    @Option(names = "--epochs", paramLabel = "N", description = "maximum epochs (default: ${DEFAULT-VALUE})")
    int epochs = TrainingSettings.DEFAULTS.epochs();

    @Option(names = "--batch-size", paramLabel = "N", description = "mini-batch size (default: ${DEFAULT-VALUE})")
    int batchSize = TrainingSettings.DEFAULTS.batchSize();

    @Option(names = "--seed", paramLabel = "S", description = "seed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--threads", paramLabel = "N", description = "threads (default: all cores)")
    Integer threads;

    @Option(names = "--store", paramLabel = "DIR", description = "feature store (default: COLLECTION/.gaan/features)")
    Path store;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out = Path.of("results", "train");

    @Override
    public Integer call() {
        RepresentationSpec.Model kind = RepresentationSpec.Model.parse(model);
        List<Modality> in = (inputs != null ? inputs
                : List.of(kind == RepresentationSpec.Model.CONV ? "logmel" : "mfcc")).stream().map(Modality::parse).toList();
        String name = kind.key() + "_vae";
        ExperimentConfig config = new ExperimentConfig("train", List.of(seed), threads, null, null,
                FeatureSettings.DEFAULTS, new TrainingSettings(epochs, batchSize, null, null, null, null, null),
                List.of(new RepresentationSpec(name, RepresentationSpec.Kind.VAE, in, kind, condition, List.of(latent),
                        List.of(beta), null, null, null, null)),
                List.of(ClusteringSpec.of(ClusteringSpec.Algorithm.KMEANS))).resolved().validate();
        Path latentFile = VaeTraining.train(config, collection, store, out, new ConsoleProgress());
        System.out.println("latent means: " + latentFile.toAbsolutePath());
        return 0;
    }
}
