package gaan.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import gaan.data.synth.Genre;
import gaan.data.synth.Lyrics;
import gaan.data.synth.Lyrics.Language;
import gaan.data.synth.TrackSynth;
import gaan.data.synth.Wav;

/**
 * The built-in demo collection: synthetic songs of several genres, generated from a seed, in the
 * collection layout of DESIGN.md so every stage reads it like a user's folder:
 * <pre>
 * audio/track_000.wav   22050 Hz mono 16-bit PCM, exactly round(seconds × 22050) samples
 * lyrics/track_000.txt  UTF-8, English, Bangla (Bengali script) or mixed; ~10 % of tracks have none
 * genres.csv            id,genres   (primary genre first; ~25 % have a second one, "|"-separated)
 * tracks.csv            id,audio,lyrics,genres,language,label   (label = primary genre)
 * demo.json             the options the folder was made with ({@link #isWritten})
 * </pre>
 * Primary genres are balanced (round robin, then shuffled); lyrics languages are about 40 % en,
 * 40 % bn and 20 % mixed among tracks with lyrics. Every random choice derives from
 * {@link Options#seed()}: the same options give byte-identical files.
 */
public final class DemoCorpus {
    public static final int SAMPLE_RATE = TrackSynth.SAMPLE_RATE;
    private static final Pattern GENERATED = Pattern.compile("track_\\d+\\.(wav|txt)");
    private static final String MARKER = "demo.json";

    private DemoCorpus() {
    }

    /**
     * What to generate.
     *
     * @param tracks  number of tracks, at least {@code genres}
     * @param seconds length of every clip, greater than 0
     * @param genres  how many genres, the first of {@link #availableGenres()}, from 2 to all of them
     * @param seed    seed of every random choice
     */
    public record Options(int tracks, double seconds, int genres, long seed) {
        public static final Options DEFAULT = new Options(120, 10.0, 6, 42);

        public Options {
            int available = Genre.CATALOGUE.size();
            if (genres < 2 || genres > available) {
                throw new IllegalArgumentException("genres must be between 2 and " + available + ", got " + genres);
            }
            if (tracks < genres) {
                throw new IllegalArgumentException("tracks must be at least genres (" + genres + ") so every genre"
                        + " has a track, got " + tracks);
            }
            if (!(seconds > 0) || seconds > 600) {
                throw new IllegalArgumentException("seconds must be more than 0 and at most 600, got " + seconds);
            }
        }

        /** Samples of each clip. */
        public int samples() {
            return (int) Math.round(seconds * SAMPLE_RATE);
        }
    }

    /**
     * What was written.
     *
     * @param languages tracks per lyrics language code ({@code en}, {@code bn}, {@code mixed})
     */
    public record Summary(Path folder, int tracks, List<String> genres, int withLyrics, int withTwoGenres,
                          Map<String, Integer> languages) {
        public Summary {
            genres = List.copyOf(genres);
            languages = Collections.unmodifiableMap(new TreeMap<>(languages));
        }
    }

    /** Names of every genre the demo can synthesise, in the order {@link Options#genres()} takes them. */
    public static List<String> availableGenres() {
        return Genre.CATALOGUE.stream().map(Genre::name).toList();
    }

    /** One planned track: everything drawn for it before any audio is made. */
    private record Plan(String id, Genre genre, Genre secondary, Language language, long audioSeed,
                        long lyricsSeed) {
        List<String> genreNames() {
            return secondary == null ? List.of(genre.name()) : List.of(genre.name(), secondary.name());
        }
    }

    /**
     * Writes the demo collection into {@code folder} (created if needed). A folder that already
     * holds a demo collection is regenerated in place; any other non-empty folder is refused.
     *
     * @throws CollectionException when the folder is not empty and not a demo collection
     */
    public static Summary write(Path folder, Options options) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        prepare(root);
        writeMarker(root, options, false);
        List<Plan> plans = plan(options);
        Path audio = Files.createDirectories(root.resolve("audio"));
        Path lyrics = Files.createDirectories(root.resolve("lyrics"));
        // Tracks are independent (own seeds), so rendering in parallel gives the same bytes.
        IntStream.range(0, plans.size()).parallel().forEach(i -> {
            Plan p = plans.get(i);
            float[] samples = TrackSynth.render(p.genre(), p.secondary(), options.samples(), p.audioSeed());
            try {
                Wav.writeMono16(audio.resolve(p.id() + ".wav"), samples, SAMPLE_RATE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + audio.resolve(p.id() + ".wav") + ": " + e, e);
            }
        });
        Map<String, Integer> languages = new TreeMap<>();
        for (Plan p : plans) {
            if (p.language() != null) {
                String text = Lyrics.song(p.genre().name(), p.language(), new SplittableRandom(p.lyricsSeed()));
                Files.writeString(lyrics.resolve(p.id() + ".txt"), text, StandardCharsets.UTF_8);
                languages.merge(p.language().code(), 1, Integer::sum);
            }
        }
        writeCsvs(root, plans);
        writeMarker(root, options, true);
        List<String> genres = availableGenres().subList(0, options.genres());
        int withLyrics = (int) plans.stream().filter(p -> p.language() != null).count();
        int withTwo = (int) plans.stream().filter(p -> p.secondary() != null).count();
        return new Summary(root, plans.size(), genres, withLyrics, withTwo, languages);
    }

    private static void prepare(Path root) throws IOException {
        if (!Files.exists(root)) {
            Files.createDirectories(root);
            return;
        }
        if (!Files.isDirectory(root)) {
            throw new CollectionException(root + " exists and is not a folder; choose a new folder for the demo");
        }
        boolean empty;
        try (Stream<Path> s = Files.list(root)) {
            empty = s.findAny().isEmpty();
        }
        if (empty) {
            return;
        }
        if (!Files.isRegularFile(root.resolve(MARKER))) {
            throw new CollectionException(root + " is not empty and holds no " + MARKER
                    + ", so it is not a demo collection; choose an empty or new folder");
        }
        // Remove what an earlier run generated, so a smaller demo leaves no stale tracks behind.
        Files.deleteIfExists(root.resolve("tracks.csv"));
        Files.deleteIfExists(root.resolve("genres.csv"));
        for (String sub : List.of("audio", "lyrics")) {
            Path dir = root.resolve(sub);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.filter(p -> GENERATED.matcher(p.getFileName().toString()).matches()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static List<Plan> plan(Options o) {
        SplittableRandom rng = new SplittableRandom(o.seed());
        List<Genre> genres = Genre.CATALOGUE.subList(0, o.genres());
        int n = o.tracks();
        int[] primary = shuffled(IntStream.range(0, n).map(i -> i % genres.size()).toArray(), rng);
        int[] order = shuffled(IntStream.range(0, n).toArray(), rng);
        boolean[] twoGenres = new boolean[n];
        for (int k = 0; k < Math.round(0.25 * n); k++) {
            twoGenres[order[k]] = true;
        }
        Language[] language = new Language[n];
        int[] lyricOrder = shuffled(IntStream.range(0, n).toArray(), rng);
        int none = (int) Math.round(0.10 * n);
        int withLyrics = n - none;
        int en = (int) Math.round(0.4 * withLyrics);
        int bn = (int) Math.round(0.4 * withLyrics);
        for (int k = none; k < n; k++) {
            int rank = k - none;
            language[lyricOrder[k]] = rank < en ? Language.EN : rank < en + bn ? Language.BN : Language.MIXED;
        }
        String format = "track_%0" + Math.max(3, String.valueOf(n - 1).length()) + "d";
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Genre g = genres.get(primary[i]);
            Genre second = twoGenres[i] ? neighbour(g, genres, rng) : null;
            plans.add(new Plan(String.format(Locale.ROOT, format, i), g, second, language[i],
                    mix(o.seed(), i, 1), mix(o.seed(), i, 2)));
        }
        return plans;
    }

    /** A musically close genre among those in the demo, else any other of them. */
    private static Genre neighbour(Genre g, List<Genre> active, SplittableRandom rng) {
        List<Genre> close = active.stream().filter(a -> g.neighbours().contains(a.name())).toList();
        List<Genre> pool = close.isEmpty() ? active.stream().filter(a -> a != g).toList() : close;
        return pool.get(rng.nextInt(pool.size()));
    }

    private static int[] shuffled(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** A well-spread seed for stream {@code stream} of track {@code index} (SplitMix64 finaliser). */
    private static long mix(long seed, int index, int stream) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void writeCsvs(Path root, List<Plan> plans) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
        try (CSVPrinter genres = new CSVPrinter(Files.newBufferedWriter(root.resolve("genres.csv"),
                StandardCharsets.UTF_8), format);
             CSVPrinter tracks = new CSVPrinter(Files.newBufferedWriter(root.resolve("tracks.csv"),
                     StandardCharsets.UTF_8), format)) {
            genres.printRecord("id", "genres");
            tracks.printRecord("id", "audio", "lyrics", "genres", "language", "label");
            for (Plan p : plans) {
                String g = String.join("|", p.genreNames());
                genres.printRecord(p.id(), g);
                tracks.printRecord(p.id(), "audio/" + p.id() + ".wav",
                        p.language() == null ? "" : "lyrics/" + p.id() + ".txt", g,
                        p.language() == null ? "" : p.language().code(), p.genre().name());
            }
        }
    }

    /**
     * The {@code demo.json} text. It is written with {@code complete: false} before anything else
     * (so an interrupted run leaves a folder that is still recognised and replaced) and rewritten
     * with {@code complete: true} last.
     */
    private static String marker(Options o, boolean complete) {
        String genres = String.join(", ", availableGenres().subList(0, o.genres()).stream()
                .map(g -> "\"" + g + "\"").toList());
        return "{\n"
                + "  \"generator\": \"gaan demo\",\n"
                + "  \"tracks\": " + o.tracks() + ",\n"
                + "  \"seconds\": " + o.seconds() + ",\n"
                + "  \"genres\": [" + genres + "],\n"
                + "  \"seed\": " + o.seed() + ",\n"
                + "  \"sample_rate\": " + SAMPLE_RATE + ",\n"
                + "  \"complete\": " + complete + "\n"
                + "}\n";
    }

    private static void writeMarker(Path root, Options o, boolean complete) throws IOException {
        Files.writeString(root.resolve(MARKER), marker(o, complete), StandardCharsets.UTF_8);
    }

    /**
     * Whether {@code folder} holds a complete demo written with exactly these options, so a
     * caller (such as {@code gaan run}) can skip {@link #write} when it would give the same files.
     */
    public static boolean isWritten(Path folder, Options options) {
        Path marker = folder.resolve(MARKER);
        try {
            return Files.isRegularFile(marker)
                    && Files.readString(marker, StandardCharsets.UTF_8).equals(marker(options, true));
        } catch (IOException e) {
            return false;
        }
    }
}
