package gaan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import gaan.config.ConfigLoader;
import gaan.config.ExperimentConfig;
import gaan.config.Overrides;
import gaan.config.Preset;
import gaan.config.RunRequest;
import gaan.data.DemoCorpus;
import gaan.experiment.ExperimentRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gaan run}: the whole job, from a collection folder to result files and the HTML report. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Extract features, train the VAEs, cluster, evaluate and write the report.",
        description = {"With no options it runs every preset on the built-in demo collection (created in ./demo "
                + "when missing) and writes ./results. Running some tasks into a results folder keeps the report "
                + "sections of the tasks already there."},
        footer = {"", "Examples:",
                "  gaan run",
                "  gaan run --task easy --collection ~/music --out results-mine --k 8",
                "  gaan run --config experiment.yaml --seeds 1,2,3 --print-config"})
public final class RunCommand implements Callable<Integer> {
    @Mixin
    AllowOutsideOption allowOutside = new AllowOutsideOption();

    @Mixin
    EmbedAudioOption embedAudio = new EmbedAudioOption();

    @Option(names = "--task", paramLabel = "TASK", split = ",",
            description = "Tasks to run: easy, medium, hard, music or all, comma-separated (default: all).")
    List<String> tasks = List.of("all");

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML experiment file with one task, or several under 'tasks:'; replaces --task "
                    + "(default: none, the presets).")
    Path config;

    @Option(names = "--collection", paramLabel = "DIR",
            description = "Collection folder: tracks.csv, audio/, or audio files in it and its subfolders (default: ./demo, created with the demo corpus when missing).")
    Path collection;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results");

    @Option(names = "--store", paramLabel = "DIR",
            description = "Feature store folder (default: COLLECTION/.gaan/features).")
    Path store;

    @Option(names = "--latent", paramLabel = "N",
            description = "Latent dimension of every VAE (default: each task's own, 32 in the presets).")
    Integer latent;

    @Option(names = "--beta", paramLabel = "B",
            description = "KL weight of every VAE; above 1 it is a Beta-VAE (default: each task's own).")
    Double beta;

    @Option(names = "--k", paramLabel = "K",
            description = "Number of clusters for K-Means, agglomerative and GMM (default: each task's own).")
    Integer k;

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum training epochs (default: each task's own).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Training mini-batch size (default: each task's own).")
    Integer batchSize;

    @Option(names = "--seeds", paramLabel = "S", split = ",",
            description = "Seeds, e.g. 1,2,3; several give results as mean ± std (default: each task's own).")
    List<Long> seeds;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--print-config", description = "print the resolved experiment as YAML and exit")
    boolean printConfig;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        List<ExperimentConfig> configs = new ArrayList<>();
        if (config != null) {
            configs.addAll(ConfigLoader.read(config));
        } else {
            for (String t : tasks) {
                if (t.equalsIgnoreCase("all")) {
                    for (Preset p : Preset.values()) {
                        configs.add(p.config());
                    }
                } else {
                    configs.add(Preset.parse(t).config());
                }
            }
        }
        Overrides overrides = new Overrides(latent, beta, k, epochs, batchSize, seeds, threads);
        List<String> outside = allowOutside.folders.stream().map(Path::toString).toList();
        List<ExperimentConfig> resolved = configs.stream()
                .map(c -> overrides.applyTo(c).allowingOutside(outside).resolved().validate()).toList();
        if (printConfig) {
            // print() does not flush an auto-flushing writer, and Main exits right after: flush here.
            spec.commandLine().getOut().print(ConfigLoader.toYaml(resolved.size() == 1 ? resolved.get(0)
                    : java.util.Map.of("tasks", resolved)));
            spec.commandLine().getOut().flush();
            return 0;
        }
        Path dir = collection;
        if (dir == null) {
            dir = Path.of("demo");
            if (!DemoCorpus.isWritten(dir, DemoCorpus.Options.DEFAULT)) {
                System.err.println("gaan: creating the demo collection in " + dir.toAbsolutePath());
                DemoCorpus.write(dir, DemoCorpus.Options.DEFAULT);
            }
        }
        ExperimentRunner.Outcome outcome = ExperimentRunner.run(new RunRequest(resolved, dir, out, store, allowOutside.folders,
                embedAudio.embed),
                new ConsoleProgress());
        spec.commandLine().getOut().println("results: " + out.toAbsolutePath());
        spec.commandLine().getOut().println("report:  " + outcome.report().toAbsolutePath());
        if (!outcome.failures().isEmpty()) {
            java.io.PrintWriter err = spec.commandLine().getErr();
            err.println("gaan: " + outcome.failures().size() + " failure(s), everything else was written:");
            outcome.failures().forEach(f -> err.println("  " + f));
            err.flush();
            return 1;
        }
        return 0;
    }
}
