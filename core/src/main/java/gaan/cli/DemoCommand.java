package gaan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import gaan.data.DemoCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gaan demo DIR}: writes the built-in demo collection ({@link DemoCorpus}). The option
 * defaults equal {@link DemoCorpus.Options#DEFAULT} (a test keeps them so).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Write the built-in demo collection of synthesized songs with lyrics and genres.",
        description = {"Songs of several genres (tempo, drums, chords, bass, instruments), lyrics in English, Bangla "
                + "or both, and genre labels, all generated from a seed. The folder reads like any collection "
                + "(tracks.csv, audio/, lyrics/, genres.csv).",
                "Genres, in the order --genres takes them: rock, pop, folk, electronic, classical, hiphop, metal, "
                        + "jazz."},
        footer = {"", "Examples:",
                "  gaan demo demo",
                "  gaan demo small --tracks 40 --genres 4 --seconds 5",
                "  gaan demo other --seed 7"})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR",
            description = "Folder to write; created if missing. It must be empty or hold an earlier demo, "
                    + "which is replaced.")
    private Path dir;

    @Option(names = "--tracks", paramLabel = "N", defaultValue = "120",
            description = "Number of tracks, at least --genres (default: ${DEFAULT-VALUE}).")
    private int tracks;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
            description = "Length of every track in seconds, more than 0 and at most 600 (default: ${DEFAULT-VALUE}).")
    private double seconds;

    @Option(names = "--genres", paramLabel = "G", defaultValue = "6",
            description = "Number of genres, from 2 to 8, the first G of the list above (default: ${DEFAULT-VALUE}).")
    private int genres;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of every random choice; the same options give the same files (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws Exception {
        DemoCorpus.Options options;
        try {
            options = new DemoCorpus.Options(tracks, seconds, genres, seed);
        } catch (IllegalArgumentException e) {
            // The library names the field (e.g. "genres must be ..."); the user knows it as an option.
            throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
        DemoCorpus.Summary s = DemoCorpus.write(dir, options);
        spec.commandLine().getOut().printf("Wrote %d tracks of %s s (%s) to %s%n  %d with lyrics %s, %d with two genres%n"
                        + "Cluster it with: gaan run --collection %s%n",
                s.tracks(), seconds, String.join(", ", s.genres()), s.folder(), s.withLyrics(), s.languages(),
                s.withTwoGenres(), s.folder());
        return 0;
    }
}
