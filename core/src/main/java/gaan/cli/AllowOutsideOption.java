package gaan.cli;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;

/** {@code --allow-outside}: the one wording of the folders a collection's paths may lead into. */
final class AllowOutsideOption {
    @Option(names = "--allow-outside", paramLabel = "DIR", split = ",",
            description = "A folder outside the collection its tracks.csv may point into (audio, lyrics); "
                    + "other paths leading outside, also through symbolic links, are skipped with a warning "
                    + "(default: none; gaan run adds these to its config's features.allowOutside).")
    List<Path> folders = List.of();
}
