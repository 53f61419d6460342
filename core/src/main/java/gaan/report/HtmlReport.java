package gaan.report;

import static gaan.report.Numbers.exact;
import static gaan.report.Numbers.fourDigits;
import static gaan.report.Numbers.threeDigits;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The self-contained HTML page of a run ({@code results/report.html}): warnings first, the best
 * label-free result per task, then per task the results tables (label-free rows apart from rows
 * whose representation used the evaluation labels), the plots, and the clusters of the selected
 * method with their genres, languages, characteristic lyric words and tracks with audio players.
 *
 * <p>The page needs no network: styles and the table-sorting script are inline; plots, CSV files
 * and audio are linked relative to the page's folder, so the results folder can be moved or
 * zipped with the collection beside it. All text from data is HTML-escaped.
 */
public final class HtmlReport {
    /** A clustering with less coverage than this is flagged as mostly noise among the warnings. */
    public static final double NOISY_BELOW = 0.5;
    /** Tracks listed per cluster; the rest are counted, not listed, to keep the page light. */
    public static final int MAX_TRACKS_PER_CLUSTER = 100;
    /** Skipped (and truncated) tracks named in the warnings; the rest are counted. */
    public static final int MAX_LISTED_SKIPPED = 20;
    private static final int TOP_WORDS = 10;
    private static final int TOP_GENRES = 5;
    /** The metrics the summary shows each task's best row by: silhouette (the answer), ARI for reference. */
    public static final List<Metric> SUMMARY_METRICS = List.of(Metric.SILHOUETTE, Metric.ARI);
    private static final List<Metric> SEED_METRICS = List.of(Metric.COVERAGE, Metric.SILHOUETTE,
            Metric.DAVIES_BOULDIN, Metric.CALINSKI_HARABASZ, Metric.ARI, Metric.NMI, Metric.AMI, Metric.PURITY,
            Metric.ACCURACY);

    /** The page's styles and its table-sorting script (numbers from data-v, text by locale, empty cells last). */
    private static final String CSS = resource("report.css");
    private static final String SORT_JS = resource("report.js");
    /**
     * Draws the map from the JSON in {@code #map-data} on a canvas (one pass over the points, so
     * 20,000 tracks cost no DOM nodes), with a legend that hides or isolates categories, a tooltip
     * for the nearest dot, and a player for a clicked dot. {@code window.gaanMap} lets the browser
     * test find a dot's screen position.
     */
    private static final String MAP_JS = resource("map.js");

    private static final List<String> TABLE_COLUMNS = List.of("representation", "inputs", "algorithm", "params",
            "seed", "n_clusters", "n_noise", "coverage", "silhouette", "davies_bouldin", "calinski_harabasz", "ari",
            "nmi", "ami", "purity", "accuracy", "selected", "note");

    /**
     * Contents of the page.
     *
     * @param title      page title
     * @param tasks      one section per task, in order
     * @param skipped    tracks left out of the run with their reasons (shown among the warnings)
     * @param truncated  tracks used although their files are truncated, with both lengths (shown among the warnings)
     * @param edaPlots   plots of the exploratory analysis, or empty
     * @param edaSummary the EDA summary CSV to link, or {@code null}
     * @param edaOmitted the EDA plots left out for want of data, with their reasons
     * @param answerRule how {@link TaskReport#best()} was chosen, as a phrase ("among the selected run of ...")
     * @param recommendation the run's recommended clustering, or {@code null} when none was recorded
     * @param map        the interactive map of the first screen, or {@code null} for none
     */
    public record Report(String title, List<TaskReport> tasks, List<SkippedTrack> skipped,
                         List<TruncatedTrack> truncated, List<Plot> edaPlots,
                         Path edaSummary, List<EdaPlots.Omitted> edaOmitted, String answerRule,
                         Recommendation recommendation, TrackMap map) {
        public Report {
            tasks = List.copyOf(tasks);
            skipped = List.copyOf(skipped);
            truncated = List.copyOf(truncated);
            edaPlots = List.copyOf(edaPlots);
            edaOmitted = List.copyOf(edaOmitted);
        }

        boolean hasEda() {
            return !edaPlots.isEmpty() || !edaOmitted.isEmpty();
        }
    }

    private HtmlReport() {
    }

    /** Writes the page to {@code file} (usually {@code results/report.html}) and returns it. */
    public static Path write(Report report, Path file) {
        return write(report, file, UnaryOperator.identity());
    }

    /**
     * Writes the page to {@code file} with its links made for where the files will be when it is
     * read: {@code placed} maps a path written now (the page, a plot) to its final place, as a run
     * written in a staging folder and moved into place later needs.
     */
    public static Path write(Report report, Path file, UnaryOperator<Path> placed) {
        Path base = placed.apply(file.toAbsolutePath().normalize()).getParent();
        return RunWriter.writeString(file, new Page(base, placed).render(report));
    }

    /**
     * The first screen's answer: the recommended run with how it was chosen and its label-free
     * scores, and when labels exist its ARI/NMI beside the task's best row and best baseline. Without
     * a recorded recommendation (older results) it says so and names the task's answer by
     * silhouette instead.
     */
    static String recommendationSentence(Recommendation rec, List<TaskReport> tasks) {
        if (rec == null) {
            for (TaskReport t : tasks) {
                ResultRow r = t.best().get(Metric.SILHOUETTE);
                if (r != null) {
                    ResultRow.Scores s = r.scores();
                    return "No recommendation recorded for these results. Shown instead: the selected label-free run "
                            + "with the highest silhouette, " + r.label() + " (seed " + r.seed() + ") in task "
                            + t.task() + ": " + s.nClusters() + " clusters, silhouette " + threeDigits(s.silhouette())
                            + ", coverage " + percent(s.coverage()) + reference(t, s.ari(), s.nmi()) + ".";
                }
            }
            return "No recommendation recorded for these results, and no task has a label-free answer.";
        }
        Recommendation.Evidence e = rec.evidence();
        List<String> evidence = new ArrayList<>();
        named(evidence, "stability", e.stability());
        named(evidence, "stability with each feature shuffled", e.stabilityNull());
        named(evidence, "with each principal component shuffled", e.stabilityNullComponents());
        named(evidence, "seed agreement", e.seedAgreement());
        named(evidence, "consensus", e.consensus());
        named(evidence, "silhouette", e.silhouette());
        named(evidence, "Davies-Bouldin", e.daviesBouldin());
        named(evidence, "Calinski-Harabasz", e.calinskiHarabasz());
        if (Double.isFinite(e.coverage())) {
            evidence.add("coverage " + percent(e.coverage()));
        }
        if (Double.isFinite(e.largestClusterShare())) {
            evidence.add("largest cluster " + percent(e.largestClusterShare()) + " of the tracks");
        }
        String rule = rec.rule().isBlank() ? "" : " " + rec.rule().strip() + (rec.rule().strip().endsWith(".") ? "" : ".");
        TaskReport task = tasks.stream().filter(t -> t.task().equals(rec.task())).findFirst().orElse(null);
        String reference = rec.reference() == null ? "" : reference(task, rec.reference().ari(), rec.reference().nmi());
        String against = rec.reference() == null ? " The collection has no labels to compare with."
                : reference.isEmpty() ? "" : reference.replaceFirst("^; a", " A") + ".";
        return "Recommended: " + rec.algorithm() + (rec.params().isEmpty() ? "" : " (" + rec.params() + ")") + " on "
                + rec.representation() + (rec.inputs().isEmpty() ? "" : " (" + rec.inputs() + ")") + " in task "
                + rec.task() + ", seed " + rec.seed() + ": " + rec.k() + " clusters." + rule
                + (evidence.isEmpty() ? "" : " Label-free evidence: " + String.join(", ", evidence) + ".") + against;
    }

    /**
     * "; against the labels (not used to choose): ARI a, NMI b; the task's best row ...; the best
     * baseline ...", or empty when the scores are undefined.
     */
    private static String reference(TaskReport task, double ari, double nmi) {
        if (!Double.isFinite(ari)) {
            return "";
        }
        StringBuilder b = new StringBuilder("; against the labels (not used to choose): ARI ").append(threeDigits(ari));
        if (Double.isFinite(nmi)) {
            b.append(", NMI ").append(threeDigits(nmi));
        }
        if (task != null) {
            ResultRow best = task.best().get(Metric.ARI);
            if (best != null) {
                b.append("; the task's best row by ARI, ").append(best.label()).append(", reaches ")
                        .append(threeDigits(best.scores().ari()));
            }
            ResultRow baseline = task.headToHead().baseline();
            if (baseline != null) {
                b.append("; the best baseline without a VAE, ").append(baseline.label()).append(", ")
                        .append(threeDigits(baseline.scores().ari()));
            }
        }
        return b.toString();
    }

    private static void named(List<String> out, String name, double v) {
        if (Double.isFinite(v)) {
            out.add(name + " " + threeDigits(v));
        }
    }

    /**
     * The headline stated honestly for one task: whether the best VAE or the best baseline agrees
     * more with the labels ({@link TaskReport#headToHead()}). Empty without both.
     */
    static Optional<String> baselineSentence(TaskReport t) {
        ResultRow v = t.headToHead().vae();
        ResultRow b = t.headToHead().baseline();
        if (v == null || b == null) {
            return Optional.empty();
        }
        double vAri = v.scores().ari();
        double bAri = b.scores().ari();
        return Optional.of(bAri > vAri
                ? t.task() + ": a baseline beats every VAE against the labels: " + b.label() + " reaches ARI "
                        + threeDigits(bAri) + ", the best VAE (" + v.label() + ") " + threeDigits(vAri) + "."
                : t.task() + ": the best VAE (" + v.label() + ") reaches ARI " + threeDigits(vAri)
                        + " against the labels, the best baseline (" + b.label() + ") " + threeDigits(bAri) + ".");
    }

    /** A map coordinate to four significant digits: plenty for a canvas, and a third of the bytes. */
    private static double round(double v) {
        return Double.isFinite(v) ? Double.parseDouble(fourDigits(v)) : 0;
    }

    /** Mostly-noise clusterings named per task in a warning's details; the table shows the rest. */
    static final int MAX_LISTED_NOISY = 5;

    /**
     * One kind of warning: a headline that counts the cases (one line on the page) and the cases
     * behind it (shown on request).
     */
    public record Warning(String headline, List<String> details) {
        public Warning {
            details = List.copyOf(details);
        }
    }

    /**
     * Warnings of a run, most serious kind first, one per kind that occurred: leakage, collapse,
     * mostly-noise clusterings (the first {@link #MAX_LISTED_NOISY} of each task named), skipped
     * tracks, truncated tracks that were used (the first {@link #MAX_LISTED_SKIPPED} of each named).
     */
    public static List<Warning> warnings(List<TaskReport> tasks, List<SkippedTrack> skipped,
                                         List<TruncatedTrack> truncated) {
        List<String> leakage = new ArrayList<>();
        List<String> collapse = new ArrayList<>();
        List<String> noise = new ArrayList<>();
        int leakingCount = 0;
        int noisyCount = 0;
        for (TaskReport t : tasks) {
            List<String> leaking = t.results().stream().filter(ResultRow::labelsUsedAsInput)
                    .map(r -> r.representation() + " (" + r.inputs() + ")").distinct().toList();
            if (!leaking.isEmpty()) {
                leakingCount += leaking.size();
                leakage.add(t.task() + ": " + String.join(", ", leaking));
            }
            Map<String, HistoryRow> last = new TreeMap<>();
            for (HistoryRow h : t.history()) {
                last.merge(h.model() + " seed " + h.seed(), h, (a, b) -> b.epoch() >= a.epoch() ? b : a);
            }
            last.forEach((name, h) -> {
                if (h.collapsed()) {
                    collapse.add(t.task() + ": VAE " + name + ": " + h.activeUnits()
                            + " active latent unit(s) at epoch " + h.epoch());
                }
            });
            List<String> noisy = t.results().stream().filter(r -> r.scores().coverage() < NOISY_BELOW)
                    .map(r -> r.label() + " seed " + r.seed() + " (coverage " + threeDigits(r.scores().coverage()) + ")")
                    .toList();
            if (!noisy.isEmpty()) {
                noisyCount += noisy.size();
                int more = noisy.size() - MAX_LISTED_NOISY;
                noise.add(t.task() + ": " + String.join(", ", noisy.subList(0, Math.min(noisy.size(), MAX_LISTED_NOISY)))
                        + (more > 0 ? "; and " + more + " more (coverage column of the table)" : ""));
            }
        }
        List<Warning> out = new ArrayList<>();
        if (leakingCount > 0) {
            out.add(new Warning(leakingCount + " representation(s) used the evaluation labels as input: their "
                    + "external scores (ARI, NMI, AMI, purity, accuracy) are not evidence of unsupervised structure, "
                    + "so they are listed apart", leakage));
        }
        if (!collapse.isEmpty()) {
            out.add(new Warning(collapse.size() + " VAE(s) collapsed to fewer than " + HistoryRow.COLLAPSE_BELOW
                    + " active latent units: their latent space carries almost no information", collapse));
        }
        if (noisyCount > 0) {
            out.add(new Warning(noisyCount + " clustering(s) left more than half of the tracks as noise, so their "
                    + "internal scores describe the few clustered tracks only", noise));
        }
        if (!skipped.isEmpty()) {
            out.add(new Warning(skipped.size() + " track(s) were skipped",
                    firstTracks(skipped.stream().map(s -> s.id() + " (" + s.reason() + ")").toList())));
        }
        if (!truncated.isEmpty()) {
            out.add(new Warning(truncated.size() + " truncated track(s) were used: their files hold less audio than "
                    + "their headers declare, and only the audio present was analysed",
                    firstTracks(truncated.stream().map(t -> t.id() + " (" + t.lengths() + ")").toList())));
        }
        return out;
    }

    /** The first {@link #MAX_LISTED_SKIPPED} of a warning's per-track lines; the rest counted. */
    private static List<String> firstTracks(List<String> lines) {
        List<String> listed = new ArrayList<>(lines.subList(0, Math.min(lines.size(), MAX_LISTED_SKIPPED)));
        int more = lines.size() - MAX_LISTED_SKIPPED;
        if (more > 0) {
            listed.add("and " + more + " more (see the feature store's tracks.csv)");
        }
        return listed;
    }

    /** Where a selected row's note states the sweep's selection rule (written by the clustering stage). */
    private static final String SELECTED_NOTE = "selected: ";

    /** The selection rule a selected row's note states, or {@code null}. */
    static String selectionRule(String note) {
        int at = note.indexOf(SELECTED_NOTE);
        return at < 0 ? null : note.substring(at + SELECTED_NOTE.length());
    }

    /** A note without the selection rule, which the table states once. */
    static String withoutSelectionRule(String note) {
        int at = note.indexOf(SELECTED_NOTE);
        return at < 0 ? note : note.substring(0, at).replaceFirst(";\\s*$", "");
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** One rendering: knows the page's final folder so it can make links relative. */
    private static final class Page {
        private final Path base;
        private final UnaryOperator<Path> placed;
        private final StringBuilder h = new StringBuilder(1 << 16);

        Page(Path base, UnaryOperator<Path> placed) {
            this.base = base;
            this.placed = placed;
        }

        String render(Report r) {
            h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<title>").append(esc(r.title())).append("</title>\n<style>").append(CSS)
                    .append("</style>\n</head>\n<body>\n<h1>").append(esc(r.title())).append("</h1>\n");
            nav(r);
            overview(r);
            warningsSection(r);
            summary(r);
            if (r.hasEda()) {
                h.append("<section id=\"eda\">\n<h2>Exploratory analysis</h2>\n");
                if (r.edaSummary() != null) {
                    h.append("<p><a href=\"").append(href(r.edaSummary())).append("\">")
                            .append(esc(r.edaSummary().getFileName().toString())).append("</a></p>\n");
                }
                if (!r.edaOmitted().isEmpty()) {
                    h.append("<p class=\"hint\">Not drawn: ").append(esc(String.join("; ",
                            r.edaOmitted().stream().map(EdaPlots.Omitted::toString).toList()))).append(".</p>\n");
                }
                plots(r.edaPlots());
                h.append("</section>\n");
            }
            for (TaskReport t : r.tasks()) {
                task(t);
            }
            h.append("<script>").append(SORT_JS).append(MAP_JS).append("</script>\n</body>\n</html>\n");
            return h.toString();
        }

        private void nav(Report r) {
            h.append("<nav><a href=\"#overview\">Recommendation</a> · <a href=\"#warnings\">Warnings</a> · <a href=\"#summary\">Summary</a>");
            if (r.hasEda()) {
                h.append(" · <a href=\"#eda\">Exploratory analysis</a>");
            }
            for (TaskReport t : r.tasks()) {
                h.append(" · <a href=\"#").append(anchor(t.task())).append("\">").append(esc(t.task())).append("</a>");
            }
            h.append("</nav>\n");
        }

        private void warningsSection(Report r) {
            List<Warning> warnings = warnings(r.tasks(), r.skipped(), r.truncated());
            h.append("<section id=\"warnings\">\n<h2>Warnings</h2>\n");
            if (warnings.isEmpty()) {
                h.append("<p>None: no representation used the labels, no VAE collapsed, every clustering covers at "
                        + "least half of the tracks, and no track was skipped or truncated.</p>\n");
            }
            for (Warning w : warnings) {
                h.append("<details class=\"warning\"><summary>").append(esc(w.headline()))
                        .append(" <span class=\"hint\">(details)</span></summary>\n<ul>\n");
                w.details().forEach(d -> h.append("<li>").append(esc(d)).append("</li>\n"));
                h.append("</ul>\n</details>\n");
            }
            h.append("</section>\n");
        }

        /**
         * The first screen: the recommended clustering in a sentence, how the VAEs compare with the
         * baselines, and the map of the tracks.
         */
        private void overview(Report r) {
            h.append("<section id=\"overview\">\n<div class=\"answer\">\n<p class=\"recommendation\">")
                    .append(esc(recommendationSentence(r.recommendation(), r.tasks()))).append("</p>\n");
            List<String> honest = r.tasks().stream().map(HtmlReport::baselineSentence).flatMap(Optional::stream)
                    .toList();
            if (!honest.isEmpty()) {
                h.append("<p class=\"baseline\">").append(esc(String.join(" ", honest))).append("</p>\n");
            }
            h.append("</div>\n");
            if (r.map() != null) {
                map(r.map());
            }
            h.append("</section>\n");
        }

        /** The map: a canvas drawn by {@link #MAP_JS} from the tracks' data embedded as JSON. */
        private void map(TrackMap m) {
            Map<String, List<Object>> data = new LinkedHashMap<>();
            for (String key : List.of("id", "x", "y", "cluster", "label", "genre", "genres", "language", "audio")) {
                data.put(key, new ArrayList<>());
            }
            boolean labelDiffers = false;
            for (int i = 0; i < m.tracks().size(); i++) {
                TrackInfo t = m.tracks().get(i);
                String genre = t.genres().isEmpty() ? null : t.genres().get(0);
                labelDiffers |= !Objects.equals(t.label(), genre);
                data.get("id").add(t.id());
                data.get("x").add(round(m.points()[i][0]));
                data.get("y").add(round(m.points()[i][1]));
                data.get("cluster").add(m.clusters()[i]);
                data.get("label").add(t.label());
                data.get("genre").add(genre);
                data.get("genres").add(String.join(", ", t.genres()));
                data.get("language").add(t.language());
                data.get("audio").add(audioLink(t));
            }
            h.append("<figure class=\"map\" id=\"map\">\n<div class=\"map-controls\"><label>Colour by <select "
                    + "id=\"map-colour\"><option value=\"cluster\">cluster</option>");
            if (labelDiffers && data.get("label").stream().anyMatch(Objects::nonNull)) {
                h.append("<option value=\"label\">label</option>");
            }
            for (String key : List.of("genre", "language")) {
                if (data.get(key).stream().anyMatch(Objects::nonNull)) {
                    h.append("<option value=\"").append(key).append("\">").append(key).append("</option>");
                }
            }
            h.append("</select></label> <span class=\"hint\">Hover a dot for the track, click it to listen. "
                    + "Click a legend entry to hide it, double-click to show it alone.</span></div>\n"
                    + "<div class=\"map-body\"><canvas id=\"map-canvas\" role=\"img\" aria-label=\"map of ")
                    .append(m.tracks().size()).append(" tracks\"></canvas><div id=\"map-tip\" hidden></div>"
                            + "<ul id=\"map-legend\"></ul></div>\n<figcaption>").append(esc(m.caption()))
                    .append(". <audio id=\"map-audio\" controls preload=\"none\"></audio> <span id=\"map-playing\">"
                            + "</span></figcaption>\n<script type=\"application/json\" id=\"map-data\">");
            try {
                // "<" only occurs inside JSON strings, where \\u003c means the same and cannot close the script
                h.append(new ObjectMapper().writeValueAsString(data).replace("<", "\\u003c"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("map data: " + e.getMessage(), e);
            }
            h.append("</script>\n</figure>\n");
        }

        /** A link to the track's audio from the page when the file is there, else {@code null}. */
        private String audioLink(TrackInfo t) {
            return t.audio() != null && Files.isRegularFile(t.audio()) ? link(t.audio()) : null;
        }

        private void summary(Report r) {
            String rule = r.answerRule();
            h.append("<section id=\"summary\">\n<h2>Best label-free result per task</h2>\n<p>")
                    .append(esc(rule.isEmpty() ? rule : Character.toUpperCase(rule.charAt(0)) + rule.substring(1)))
                    .append(": the highest silhouette (a label-free choice) and, for reference, the highest ARI "
                            + "(which uses the labels to choose).</p>\n")
                    .append("<table class=\"summary\">\n<thead><tr><th>task</th><th>chosen by</th>"
                            + "<th>representation</th><th>inputs</th><th>algorithm</th><th>params</th><th>seed</th>"
                            + "<th>n_clusters</th><th>coverage</th><th>silhouette</th><th>ari</th><th>nmi</th>"
                            + "</tr></thead>\n<tbody>\n");
            for (TaskReport t : r.tasks()) {
                for (Metric m : SUMMARY_METRICS) {
                    Optional<ResultRow> best = Optional.ofNullable(t.best().get(m));
                    h.append("<tr><td><a href=\"#").append(anchor(t.task())).append("\">").append(esc(t.task()))
                            .append("</a></td><td>").append(m.column()).append("</td>");
                    if (best.isEmpty()) {
                        h.append("<td colspan=\"10\">no label-free result with a defined ").append(m.column())
                                .append("</td></tr>\n");
                        continue;
                    }
                    ResultRow b = best.get();
                    for (String v : List.of(b.representation(), b.inputs(), b.algorithm(), b.params(),
                            Long.toString(b.seed()), Integer.toString(b.scores().nClusters()))) {
                        h.append("<td>").append(esc(v)).append("</td>");
                    }
                    for (double v : new double[] {b.scores().coverage(), b.scores().silhouette(), b.scores().ari(),
                        b.scores().nmi()}) {
                        h.append("<td class=\"num\">").append(threeDigits(v)).append("</td>");
                    }
                    h.append("</tr>\n");
                }
            }
            h.append("</tbody>\n</table>\n</section>\n");
        }

        private void task(TaskReport t) {
            h.append("<section id=\"").append(anchor(t.task())).append("\">\n<h2>Task ").append(esc(t.task()))
                    .append("</h2>\n<p class=\"files\">");
            for (String f : List.of(RunWriter.RESULTS_FILE, RunWriter.ASSIGNMENTS_FILE, RunWriter.HISTORY_FILE,
                    RunWriter.RUN_FILE)) {
                h.append("<a href=\"").append(href(t.folder().resolve(f))).append("\">").append(f).append("</a> ");
            }
            h.append("</p>\n");
            if (!t.notes().isEmpty()) {
                h.append("<ul class=\"notes\">\n");
                t.notes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>\n"));
                h.append("</ul>\n");
            }
            List<ResultRow> free = t.results().stream().filter(r -> !r.labelsUsedAsInput()).toList();
            List<ResultRow> flagged = t.results().stream().filter(ResultRow::labelsUsedAsInput).toList();
            h.append("<h3>Label-free results</h3>\n<p class=\"hint\">Click a column header to sort.</p>\n");
            resultsTable(free, "label-free");
            if (!flagged.isEmpty()) {
                h.append("<h3 class=\"flagged\">Results whose representation used the evaluation labels</h3>\n"
                        + "<p>These representations had the genres/labels as an input (e.g. a CVAE's condition "
                        + "or a genre block), so agreement with the labels is expected and not a finding.</p>\n");
                resultsTable(flagged, "flagged");
            }
            if (AcrossSeeds.hasRepeats(t.results())) {
                h.append("<h3>Across seeds</h3>\n<p class=\"hint\">Mean ± sample standard deviation (ddof 1) "
                        + "over the seeds of each method; sorting uses the mean.</p>\n");
                seedsTable(AcrossSeeds.of(t.results()));
            }
            if (!t.plots().isEmpty()) {
                h.append("<h3>Plots</h3>\n");
                plots(t.plots());
            }
            if (t.selectedMethod() != null) {
                clusters(t);
            }
            h.append("</section>\n");
        }

        /**
         * A results table: the selected run of each sweep first (of the first seed when there are
         * several: the across-seeds table summarises the others); the other rows hidden behind a
         * "show all N rows" button. The selection rule, which every selected row's note repeats, is
         * said once above the table and left out of the notes.
         */
        private void resultsTable(List<ResultRow> rows, String kind) {
            if (rows.isEmpty()) {
                h.append("<p>No results.</p>\n");
                return;
            }
            long firstSeed = rows.get(0).seed();
            boolean seeds = rows.stream().anyMatch(r -> r.seed() != firstSeed);
            java.util.function.Predicate<ResultRow> shown = r -> r.selected() && r.seed() == firstSeed;
            List<ResultRow> ordered = new ArrayList<>(rows);
            ordered.sort(Comparator.comparing(r -> !shown.test(r)));
            boolean collapse = shown.test(ordered.get(0)) && !shown.test(ordered.get(ordered.size() - 1));
            rows.stream().filter(ResultRow::selected).map(r -> selectionRule(r.note())).filter(Objects::nonNull)
                    .findFirst().ifPresent(rule -> h.append("<p class=\"hint\">Green rows: each sweep's selected run ("
                            + esc(rule) + ")" + (collapse && seeds ? ", seed " + firstSeed + "; the across-seeds table "
                            + "summarises every seed" : "") + ".</p>\n"));
            h.append("<div class=\"scroll\"><table class=\"results sortable ").append(kind)
                    .append(collapse ? " collapsed" : "").append("\">\n<thead><tr>");
            TABLE_COLUMNS.forEach(c -> h.append("<th title=\"sort by ").append(c).append("\">").append(c)
                    .append("</th>"));
            h.append("</tr></thead>\n<tbody>\n");
            for (ResultRow r : ordered) {
                h.append("<tr class=\"").append(r.selected() ? "selected" : "")
                        .append(shown.test(r) ? "" : r.selected() ? " extra" : "extra").append("\">");
                for (String v : List.of(r.representation(), r.inputs(), r.algorithm())) {
                    h.append("<td>").append(esc(v)).append("</td>");
                }
                h.append("<td class=\"wrap\">").append(esc(r.params())).append("</td>");
                ResultRow.Scores s = r.scores();
                num(r.seed());
                num(s.nClusters());
                num(s.nNoise());
                for (double v : new double[] {s.coverage(), s.silhouette(), s.daviesBouldin(), s.calinskiHarabasz(),
                    s.ari(), s.nmi(), s.ami(), s.purity(), s.accuracy()}) {
                    num(v);
                }
                h.append("<td>").append(r.selected() ? "yes" : "").append("</td><td class=\"wrap\">")
                        .append(esc(withoutSelectionRule(r.note()))).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table></div>\n");
            if (collapse) {
                h.append("<button type=\"button\" class=\"show-all\" data-rows=\"").append(rows.size())
                        .append("\">show all ").append(rows.size()).append(" rows</button>\n");
            }
        }

        private void seedsTable(List<AcrossSeeds.Group> groups) {
            h.append("<div class=\"scroll\"><table class=\"seeds sortable\">\n<thead><tr>");
            List<String> head = new ArrayList<>(List.of("representation", "inputs", "labels_used_as_input",
                    "algorithm", "params", "seeds"));
            SEED_METRICS.forEach(m -> head.add(m.column()));
            head.forEach(c -> h.append("<th>").append(c).append("</th>"));
            h.append("</tr></thead>\n<tbody>\n");
            for (AcrossSeeds.Group g : groups) {
                ResultRow r = g.first();
                h.append("<tr>");
                for (String v : List.of(r.representation(), r.inputs(), r.labelsUsedAsInput() ? "yes" : "",
                        r.algorithm(), g.params())) {
                    h.append("<td>").append(esc(v)).append("</td>");
                }
                num(g.seeds());
                for (Metric m : SEED_METRICS) {
                    AcrossSeeds.Stat st = g.stat(m);
                    h.append("<td class=\"num\" data-v=\"").append(exact(st.mean())).append("\">")
                            .append(threeDigits(st.mean()));
                    if (!Double.isNaN(st.std())) {
                        h.append(" ± ").append(Numbers.spread(st.std()));
                    }
                    h.append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody>\n</table></div>\n");
        }

        /** A numeric cell: the full value in {@code data-v} for sorting, three digits shown. */
        private void num(double v) {
            h.append("<td class=\"num\" data-v=\"").append(Double.isNaN(v) ? "" : exact(v)).append("\">")
                    .append(threeDigits(v)).append("</td>");
        }

        private void plots(List<Plot> plots) {
            h.append("<div class=\"plots\">\n");
            for (Plot p : plots) {
                h.append("<figure><a href=\"").append(href(p.file())).append("\"><img src=\"").append(href(p.file()))
                        .append("\" alt=\"").append(esc(p.caption())).append("\"></a><figcaption>")
                        .append(esc(p.caption())).append("</figcaption></figure>\n");
            }
            h.append("</div>\n");
        }

        private void clusters(TaskReport t) {
            Assignments a = t.assignments();
            int[] clusters = a.clusters(t.selectedMethod());
            Map<String, TrackInfo> byId = t.tracks().stream()
                    .collect(Collectors.toMap(TrackInfo::id, Function.identity(), (x, y) -> x));
            Map<Integer, List<Integer>> members = new TreeMap<>(Comparator.comparingInt(c -> c < 0 ? Integer.MAX_VALUE : c));
            for (int i = 0; i < clusters.length; i++) {
                members.computeIfAbsent(clusters[i], c -> new ArrayList<>()).add(i);
            }
            h.append("<h3>Clusters of ").append(esc(t.selectedMethod())).append("</h3>\n");
            for (Map.Entry<Integer, List<Integer>> e : members.entrySet()) {
                int c = e.getKey();
                List<TrackInfo> inside = new ArrayList<>();
                List<TrackInfo> outside = new ArrayList<>();
                for (int i = 0; i < clusters.length; i++) {
                    TrackInfo info = byId.get(a.trackIds().get(i));
                    if (info == null) {
                        info = TrackInfo.bare(a.trackIds().get(i), a.languages().get(i), a.labels().get(i));
                    }
                    (clusters[i] == c ? inside : outside).add(info);
                }
                cluster(c, inside, outside);
            }
        }

        private void cluster(int c, List<TrackInfo> inside, List<TrackInfo> outside) {
            String name = c < 0 ? "noise" : "cluster " + c;
            h.append("<details class=\"cluster\"><summary><strong>").append(name).append("</strong>: ")
                    .append(inside.size()).append(" track(s)</summary>\n<dl>\n<dt>top genres</dt><dd>")
                    .append(esc(counted(inside.stream().flatMap(x -> x.genres().stream()).toList(), TOP_GENRES)))
                    .append("</dd>\n<dt>languages</dt><dd>")
                    .append(esc(counted(inside.stream().map(x -> x.language() == null ? "unknown" : x.language())
                            .toList(), Integer.MAX_VALUE)))
                    .append("</dd>\n<dt>characteristic lyric words</dt><dd>");
            List<CharacteristicWords.Word> words = CharacteristicWords.top(
                    inside.stream().map(TrackInfo::lyrics).toList(), outside.stream().map(TrackInfo::lyrics).toList(),
                    TOP_WORDS);
            h.append(words.isEmpty() ? "(no lyrics)" : esc(words.stream()
                    .map(w -> w.word() + " (" + w.inside() + " vs " + w.outside() + ")")
                    .collect(Collectors.joining(", "))));
            h.append("</dd>\n</dl>\n<table class=\"tracks\">\n<thead><tr><th>track</th><th>genres</th>"
                    + "<th>language</th><th>listen</th></tr></thead>\n<tbody>\n");
            for (TrackInfo x : inside.subList(0, Math.min(inside.size(), MAX_TRACKS_PER_CLUSTER))) {
                h.append("<tr><td>").append(esc(x.id())).append("</td><td>").append(esc(String.join(", ", x.genres())))
                        .append("</td><td>").append(esc(x.language())).append("</td><td>");
                String audio = audioLink(x);
                if (audio != null) {
                    h.append("<audio controls preload=\"none\" src=\"").append(esc(audio)).append("\"></audio>");
                }
                h.append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
            if (inside.size() > MAX_TRACKS_PER_CLUSTER) {
                h.append("<p>").append(inside.size() - MAX_TRACKS_PER_CLUSTER)
                        .append(" more track(s): see cluster_assignments.csv.</p>\n");
            }
            h.append("</details>\n");
        }

        /** "a (3), b (1)": the most frequent values first, ties by name. */
        private static String counted(List<String> values, int limit) {
            if (values.isEmpty()) {
                return "(none)";
            }
            Map<String, Long> counts = values.stream().filter(Objects::nonNull)
                    .collect(Collectors.groupingBy(v -> v, LinkedHashMap::new, Collectors.counting()));
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit).map(e -> e.getKey() + " (" + e.getValue() + ")")
                    .collect(Collectors.joining(", "));
        }

        /** A link from the page's folder to {@code target}, HTML-escaped for an attribute. */
        private String href(Path target) {
            return esc(link(target));
        }

        /** A link from the page's folder to {@code target}, each path segment percent-encoded. */
        private String link(Path target) {
            Path rel = base.relativize(placed.apply(target.toAbsolutePath().normalize()));
            List<String> parts = new ArrayList<>();
            rel.forEach(seg -> parts.add(encodeSegment(seg.toString())));
            return String.join("/", parts);
        }
    }

    static String encodeSegment(String segment) {
        StringBuilder b = new StringBuilder();
        for (byte x : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return b.toString();
    }

    /** An id attribute value from a task name: letters, digits, '-' and '_' kept, the rest '-'. */
    static String anchor(String task) {
        return "task-" + task.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** A text file beside this class in the jar, read once. */
    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource gaan/report/" + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource gaan/report/" + name + ": " + e.getMessage(), e);
        }
    }
}
