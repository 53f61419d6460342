package gaan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import gaan.config.ExperimentConfig;
import gaan.config.FeatureSettings;
import gaan.experiment.CollectionEda;
import gaan.experiment.CollectionFeatures;
import gaan.experiment.FeaturePipeline;
import gaan.report.EdaPlots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gaan eda}: exploratory plots and a summary of a collection, before any model. */
@Command(name = "eda", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Explore a collection: genres, languages, durations, lyrics and spectral profiles.",
        description = {"Plots tracks per genre and language, genre co-occurrence, durations, lyrics lengths, missing "
                + "modalities, and the mean log-mel and MFCC profile per genre. Extracts (or reuses) the audio "
                + "features first."},
        footer = {"", "Examples:",
                "  gaan eda demo",
                "  gaan eda ~/music --out results-mine/eda --threads 4"})
public final class EdaCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "COLLECTION", description = "collection folder")
    Path collection;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results", "eda");

    @Option(names = "--store", paramLabel = "DIR",
            description = "Feature store folder (default: COLLECTION/.gaan/features).")
    Path store;

    @Option(names = "--threads", paramLabel = "N", description = "Extraction threads (default: all cores).")
    int threads = ExperimentConfig.defaultThreads();

    @Override
    public Integer call() {
        CollectionFeatures f = FeaturePipeline.prepare(collection, store, FeatureSettings.DEFAULTS, 1, threads,
                new ConsoleProgress());
        EdaPlots.Result result = CollectionEda.write(f, out);
        System.out.println("EDA: " + result.plots().size() + " plots and " + result.summary().toAbsolutePath());
        return 0;
    }
}
