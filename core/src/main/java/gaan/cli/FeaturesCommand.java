package gaan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import gaan.config.ExperimentConfig;
import gaan.config.FeatureSettings;
import gaan.data.CollectionReader;
import gaan.experiment.CollectionFeatures;
import gaan.experiment.FeaturePipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gaan features COLLECTION}: every per-track input into a feature store — audio features,
 * genre multi-hot, lyrics embedding (built-in char-n-gram, 128-d) and the masks of missing ones.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        header = "Extract the audio, genre and lyrics features of a collection into its feature store.",
        description = {"Audio features are librosa-identical (MFCC mean+std, log-mel patches); genres become a "
                + "multi-hot matrix and lyrics an embedding, written as tracks.csv and .npy files.",
            "Re-running extracts only new or changed files; an interrupted run resumes where it stopped. "
                + "Undecodable and too short files are skipped and listed with their reason; truncated files "
                + "(less audio than their header declares) are used when long enough and listed."},
        footer = {"", "Examples:",
                "  gaan features demo",
                "  gaan features ~/music --out /data/store --threads 4",
                "  gaan features ~/music --offset 30 --duration 30 --patches 3"})
public final class FeaturesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "COLLECTION", description = "Collection folder: tracks.csv, audio/, or audio files in it and its subfolders.")
    Path collection;

    @Mixin
    AllowOutsideOption allowOutside = new AllowOutsideOption();

    @Option(names = "--out", paramLabel = "STORE", description = "Feature store folder (default: COLLECTION/.gaan/features).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores, ${DEFAULT-VALUE}).")
    int threads = ExperimentConfig.defaultThreads();

    @Option(names = "--patches", paramLabel = "P", description = "Log-mel patches (128x128) per track, evenly spaced (default: ${DEFAULT-VALUE}).")
    int patches = 1;

    @Option(names = "--offset", paramLabel = "S", description = "Start analysing each file at S seconds (default: ${DEFAULT-VALUE}).")
    double offset = 0;

    @Option(names = "--duration", paramLabel = "S", description = "Analyse at most S seconds of each file; 0 = to the end (default: ${DEFAULT-VALUE}).")
    double duration = 0;

    @Option(names = "--min-seconds", paramLabel = "S",
            description = "Skip tracks with less than S seconds of audio to analyse (after --offset and --duration), "
                    + "truncated files included (default: ${DEFAULT-VALUE}).")
    double minSeconds = FeatureSettings.DEFAULTS.minSeconds();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        FeatureSettings settings = new FeatureSettings(patches, offset, duration, null, null, null, minSeconds, null,
                null).over(FeatureSettings.DEFAULTS);
        if (!(minSeconds >= 0)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--min-seconds must be >= 0, got "
                    + minSeconds);
        }
        try {
            FeaturePipeline.audioParams(settings);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (threads < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be >= 1, got " + threads);
        }
        CollectionFeatures f = FeaturePipeline.prepare(CollectionReader.read(collection, allowOutside.folders), out, settings,
                1, threads, new ConsoleProgress());
        spec.commandLine().getOut().println(f.summary().describe());
        return 0;
    }
}
