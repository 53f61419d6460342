package gaan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import gaan.config.ExperimentConfig;
import gaan.experiment.ReportRebuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gaan report}: the HTML report again from a results folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        header = "Write the report page of a results folder again from the files of earlier runs.",
        description = "Reads every task folder (run.json, CSVs, plots), eda/ and recommendation.json of RESULTS "
                + "and writes RESULTS/report.html.",
        footer = {"", "Examples:",
                "  gaan report",
                "  gaan report results-mine",
                "  gaan report results --embed-audio-excerpts   # a folder that plays without the collection"})
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RESULTS", description = "results folder (default: ${DEFAULT-VALUE})")
    Path results = Path.of("results");

    @Mixin
    EmbedAudioOption embedAudio = new EmbedAudioOption();

    @Option(names = "--threads", paramLabel = "N",
            description = "Excerpts encoded at once with --embed-audio-excerpts (default: all cores, ${DEFAULT-VALUE}).")
    int threads = ExperimentConfig.defaultThreads();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be >= 1, got " + threads);
        }
        System.out.println("report: " + ReportRebuild.write(results, embedAudio.embed, threads, new ConsoleProgress())
                .toAbsolutePath());
        return 0;
    }
}
