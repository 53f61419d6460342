package gaan.cli;

import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

import gaan.audio.AudioFeatureParams;
import gaan.data.Collection;
import gaan.data.CollectionReader;
import gaan.features.ExtractionListener;
import gaan.features.ExtractionSummary;
import gaan.features.FeatureExtractor;
import gaan.features.TrackOutcome;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gaan features COLLECTION}: audio features of every track into a feature store. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Extract librosa-identical audio features (MFCC mean+std, log-mel patches) of every track "
                + "of COLLECTION into a feature store (tracks.csv + .npy files).",
            "Re-running extracts only new or changed files; an interrupted run resumes where it stopped. "
                + "Undecodable files are skipped and listed with their reason."})
public final class FeaturesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "COLLECTION", description = "Collection folder (tracks.csv or audio/).")
    Path collection;

    @Option(names = "--out", paramLabel = "STORE", description = "Feature store folder (default: COLLECTION/.gaan/features).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores, ${DEFAULT-VALUE}).")
    int threads = FeatureExtractor.defaultThreads();

    @Option(names = "--patches", paramLabel = "P", description = "Log-mel patches (128x128) per track, evenly spaced (default: ${DEFAULT-VALUE}).")
    int patches = 1;

    @Option(names = "--offset", paramLabel = "S", description = "Start analysing each file at S seconds (default: ${DEFAULT-VALUE}).")
    double offset = 0;

    @Option(names = "--duration", paramLabel = "S", description = "Analyse at most S seconds of each file; 0 = to the end (default: ${DEFAULT-VALUE}).")
    double duration = 0;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AudioFeatureParams params;
        try {
            params = AudioFeatureParams.DEFAULTS.withPatchesPerTrack(patches).withWindow(offset, duration);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (threads < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be >= 1, got " + threads);
        }
        Collection c = CollectionReader.read(collection);
        Path store = out != null ? out : c.root().resolve(".gaan").resolve("features");
        ExtractionSummary summary;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("features").setInitialMax(c.size())
                .setStyle(ProgressBarStyle.ASCII).setUnit(" tracks", 1).showSpeed().setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build()) {
            ExtractionListener progress = (TrackOutcome outcome) -> bar.step();
            summary = new FeatureExtractor(params, threads).extract(c, store, progress);
        }
        spec.commandLine().getOut().println(summary.describe());
        return 0;
    }
}
