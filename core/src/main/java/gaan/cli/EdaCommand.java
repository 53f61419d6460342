package gaan.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import gaan.config.ExperimentConfig;
import gaan.config.FeatureSettings;
import gaan.data.CollectionReader;
import gaan.data.OwnedFolder;
import gaan.experiment.CollectionEda;
import gaan.experiment.CollectionFeatures;
import gaan.experiment.FeaturePipeline;
import gaan.report.EdaPlots;
import gaan.report.Plot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    AllowOutsideOption allowOutside = new AllowOutsideOption();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results", "eda");

    @Option(names = "--store", paramLabel = "DIR",
            description = "Feature store folder (default: COLLECTION/.gaan/features).")
    Path store;

    @Option(names = "--threads", paramLabel = "N", description = "Extraction threads (default: all cores).")
    int threads = ExperimentConfig.defaultThreads();

    @Override
    public Integer call() {
        CollectionFeatures f = FeaturePipeline.prepare(CollectionReader.read(collection, allowOutside.folders), store,
                FeatureSettings.DEFAULTS, 1, threads, new ConsoleProgress());
        EdaPlots.Result result;
        try (OwnedFolder folder = OwnedFolder.lock(out, "EDA folder")) {
            result = CollectionEda.write(f, out);
            List<Path> written = new java.util.ArrayList<>(result.plots().stream().map(Plot::file).toList());
            written.add(result.summary());
            folder.record(written.stream().map(folder::relative).toList());
        }
        System.out.println("EDA: " + result.plots().size() + " plots and " + result.summary().toAbsolutePath());
        result.omitted().forEach(o -> System.out.println("left out " + o));
        return 0;
    }
}
