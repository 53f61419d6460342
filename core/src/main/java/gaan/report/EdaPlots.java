package gaan.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Exploratory analysis of a collection ({@code gaan eda COLLECTION}): what the seed's EDA
 * notebooks showed, as PNGs plus {@code eda_summary.csv} in one folder (usually
 * {@code results/eda/}).
 *
 * <p>A track with several genres counts once for each of them in per-genre counts. Genres are
 * ordered by descending track count, then name; at most {@link Plots#MAX_CATEGORIES} genres get a
 * mean spectrogram panel.
 */
public final class EdaPlots {
    public static final String SUMMARY_FILE = "eda_summary.csv";
    /** Columns of {@code eda_summary.csv}: long format, one statistic of one group a row. */
    public static final List<String> SUMMARY_COLUMNS = List.of("statistic", "group", "value");
    /** The statistic of a plot left out: its group is the plot's title, its value the reason. */
    public static final String NOT_DRAWN = "plot_not_drawn";
    private static final String UNKNOWN = "unknown";

    /**
     * The plots written (in report order), the summary CSV, and the plots left out for want of
     * data, each with its reason (also rows {@link #NOT_DRAWN} of the summary).
     */
    public record Result(List<Plot> plots, Path summary, List<Omitted> omitted) {
    }

    /** A plot left out for want of data, and why. */
    public record Omitted(String plot, String reason) {
        /** As a person reads it: "Tracks per genre: no track has a genre". */
        @Override
        public String toString() {
            return plot + ": " + reason;
        }
    }

    /** The plots left out, as {@code eda_summary.csv} records them (for a report rebuilt from files). */
    public static List<Omitted> omitted(Path summary) {
        List<Omitted> out = new ArrayList<>();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(summary);
             org.apache.commons.csv.CSVParser csv = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
                     .setSkipHeaderRecord(true).get().parse(in)) {
            for (org.apache.commons.csv.CSVRecord r : csv) {
                if (r.get("statistic").equals(NOT_DRAWN)) {
                    out.add(new Omitted(r.get("group"), r.get("value")));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw new java.io.UncheckedIOException("cannot read " + summary + ": " + e.getMessage(),
                    e instanceof java.io.IOException io ? io : new java.io.IOException(e));
        }
        return out;
    }

    private EdaPlots() {
    }

    public static Result write(EdaInput in, Path outDir) {
        Map<String, Integer> perGenre = perGenre(in);
        Map<String, Integer> perLanguage = new TreeMap<>();
        in.languages().forEach(l -> perLanguage.merge(l == null ? UNKNOWN : l, 1, Integer::sum));
        Map<String, Integer> missing = missing(in);

        List<Plot> plots = new ArrayList<>();
        List<Omitted> omitted = new ArrayList<>();
        boolean genres = !perGenre.isEmpty();
        boolean durations = Arrays.stream(in.durations()).anyMatch(Double::isFinite);
        Map<String, double[]> lyricsWords = lyricsByLanguage(in);
        addIf(plots, omitted, genres, "Tracks per genre", "no track has a genre", () -> Plots.bars(
                "Tracks per genre (a track counts once per genre)", "genre", "tracks", perGenre,
                outDir.resolve("tracks_per_genre.png")));
        addIf(plots, omitted, true, "Tracks per language", "", () -> Plots.bars("Tracks per language", "language",
                "tracks", perLanguage, outDir.resolve("tracks_per_language.png")));
        addIf(plots, omitted, genres, "Genre co-occurrence", "no track has a genre", () -> cooccurrence(in,
                new ArrayList<>(perGenre.keySet()), outDir.resolve("genre_cooccurrence.png")));
        addIf(plots, omitted, durations, "Duration histogram", "no track's audio decoded", () -> Plots.histogram(
                "Track duration", "seconds", in.durations(), 20, outDir.resolve("duration_histogram.png")));
        addIf(plots, omitted, !lyricsWords.isEmpty(), "Lyrics length by language", "no track has lyrics",
                () -> Plots.boxes("Lyrics length by language", "words", lyricsWords,
                        outDir.resolve("lyrics_words_by_language.png")));
        addIf(plots, omitted, true, "Missing modalities", "", () -> Plots.bars("Tracks missing a modality",
                "modality", "tracks", missing, outDir.resolve("missing_modalities.png")));
        if (in.meanLogMel().isEmpty()) {
            omitted.add(new Omitted("Mean log-mel spectrogram and MFCC profile per genre",
                    "no decodable track has a genre"));
        }
        if (!in.meanLogMel().isEmpty()) {
            Map<String, double[][]> panels = new LinkedHashMap<>();
            genreOrder(perGenre, in.meanLogMel().keySet()).stream().limit(Plots.MAX_CATEGORIES)
                    .forEach(g -> panels.put(g, toDouble(in.meanLogMel().get(g))));
            plots.add(new Plot("Mean log-mel spectrogram per genre (dB)", Plots.heatMapGrid(panels, "frame",
                    "mel band", outDir.resolve("mean_logmel_by_genre.png"))));
        }
        if (!in.meanMfcc().isEmpty()) {
            List<Plots.Curve> curves = new ArrayList<>();
            for (String g : genreOrder(perGenre, in.meanMfcc().keySet())) {
                float[] m = in.meanMfcc().get(g);
                double[] x = new double[m.length];
                double[] y = new double[m.length];
                for (int i = 0; i < m.length; i++) {
                    x[i] = i;
                    y[i] = m[i];
                }
                curves.add(new Plots.Curve(g, x, y));
            }
            plots.add(new Plot("Mean MFCC profile per genre", Plots.lines("Mean MFCC profile per genre",
                    "MFCC coefficient", "mean value", curves, outDir.resolve("mean_mfcc_by_genre.png"))));
        }
        return new Result(plots, summary(in, perGenre, perLanguage, missing, omitted, outDir.resolve(SUMMARY_FILE)),
                omitted);
    }

    /** Draws a plot when its data is there, else records what was left out and why. */
    private static void addIf(List<Plot> plots, List<Omitted> omitted, boolean hasData, String title, String reason,
                              java.util.function.Supplier<Path> draw) {
        if (hasData) {
            plots.add(new Plot(title, draw.get()));
        } else {
            omitted.add(new Omitted(title, reason));
        }
    }

    private static Map<String, Integer> perGenre(EdaInput in) {
        Map<String, Integer> counts = new TreeMap<>();
        in.genres().forEach(gs -> gs.stream().distinct().forEach(g -> counts.merge(g, 1, Integer::sum)));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    private static List<String> genreOrder(Map<String, Integer> perGenre, Set<String> present) {
        List<String> order = new ArrayList<>(present);
        order.sort(Comparator.comparingInt((String g) -> -perGenre.getOrDefault(g, 0)).thenComparing(g -> g));
        return order;
    }

    private static Map<String, Integer> missing(EdaInput in) {
        Map<String, Integer> m = new LinkedHashMap<>();
        int audio = 0;
        int lyrics = 0;
        int genres = 0;
        int language = 0;
        for (int i = 0; i < in.size(); i++) {
            audio += in.audioPresent()[i] ? 0 : 1;
            lyrics += in.lyricsWords()[i] < 0 ? 1 : 0;
            genres += in.genres().get(i).isEmpty() ? 1 : 0;
            language += in.languages().get(i) == null ? 1 : 0;
        }
        m.put("audio", audio);
        m.put("lyrics", lyrics);
        m.put("genres", genres);
        m.put("language", language);
        return m;
    }

    private static Path cooccurrence(EdaInput in, List<String> genres, Path out) {
        double[][] counts = new double[genres.size()][genres.size()];
        for (List<String> gs : in.genres()) {
            List<String> distinct = gs.stream().distinct().toList();
            for (String a : distinct) {
                for (String b : distinct) {
                    counts[genres.indexOf(a)][genres.indexOf(b)]++;
                }
            }
        }
        return Plots.heatMap("Genre co-occurrence (tracks having both; diagonal: tracks with the genre)", "genre",
                "genre", genres, genres, counts, out);
    }

    private static Map<String, double[]> lyricsByLanguage(EdaInput in) {
        Map<String, List<Double>> byLang = new TreeMap<>();
        for (int i = 0; i < in.size(); i++) {
            if (in.lyricsWords()[i] >= 0) {
                String l = in.languages().get(i);
                byLang.computeIfAbsent(l == null ? UNKNOWN : l, k -> new ArrayList<>()).add((double) in.lyricsWords()[i]);
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        byLang.forEach((l, v) -> out.put(l, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    private static Path summary(EdaInput in, Map<String, Integer> perGenre, Map<String, Integer> perLanguage,
                                Map<String, Integer> missing, List<Omitted> omitted, Path file) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("tracks", "all", in.size()));
        rows.add(List.of("tracks_with_several_genres", "all",
                in.genres().stream().filter(g -> g.stream().distinct().count() > 1).count()));
        perGenre.forEach((g, n) -> rows.add(List.of("tracks_per_genre", g, n)));
        perLanguage.forEach((l, n) -> rows.add(List.of("tracks_per_language", l, n)));
        missing.forEach((m, n) -> rows.add(List.of("tracks_missing", m, n)));
        double[] durations = Arrays.stream(in.durations()).filter(Double::isFinite).sorted().toArray();
        if (durations.length > 0) {
            rows.add(List.of("duration_seconds_min", "all", Numbers.exact(durations[0])));
            rows.add(List.of("duration_seconds_median", "all", Numbers.exact(median(durations))));
            rows.add(List.of("duration_seconds_max", "all", Numbers.exact(durations[durations.length - 1])));
        }
        lyricsByLanguage(in).forEach((l, words) -> {
            double[] sorted = words.clone();
            Arrays.sort(sorted);
            rows.add(List.of("lyrics_words_median", l, Numbers.exact(median(sorted))));
        });
        omitted.forEach(o -> rows.add(List.of(NOT_DRAWN, o.plot(), o.reason())));
        return RunWriter.writeCsv(file, SUMMARY_COLUMNS, rows);
    }

    /** Median of sorted values (mean of the middle two for an even count, as numpy). */
    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double[][] toDouble(float[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = m[i][j];
            }
        }
        return out;
    }
}
