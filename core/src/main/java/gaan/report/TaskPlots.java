package gaan.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The standard plot set of one task's run folder, written into {@code plots/}: training curves
 * per model, metric bars, sweep curves, and for the selected method a 2-D map coloured by cluster,
 * label and language, its cluster composition and its contingency table against the labels.
 * Plots that would be empty (no history, no labels, no sweep) are left out.
 */
public final class TaskPlots {
    /**
     * Bars of more methods than this are unreadable; then only the selected run of each sweep is
     * drawn, of the first seed (the across-seeds table summarises the others).
     */
    static final int MAX_BAR_METHODS = 12;
    /** The internal scores, coverage, and the two label scores researchers quote (the CSV has the rest). */
    private static final List<Metric> BAR_METRICS = List.of(Metric.SILHOUETTE, Metric.DAVIES_BOULDIN,
            Metric.CALINSKI_HARABASZ, Metric.COVERAGE, Metric.ARI, Metric.NMI);

    private TaskPlots() {
    }

    /**
     * Writes the plots and returns them in report order.
     *
     * @param plotsDir               folder for the PNGs (usually {@code results/<task>/plots})
     * @param results                the task's result rows
     * @param history                VAE training history (may be empty)
     * @param assignments            cluster assignments (labels and languages colour the maps)
     * @param selectedMethod         the assignments column to map and decompose, or {@code null}
     * @param selectedRepresentation the representation the selected method clustered ({@code n × d},
     *                               rows as in {@code assignments}), or {@code null} for no maps
     */
    public static List<Plot> write(Path plotsDir, List<ResultRow> results, List<HistoryRow> history,
                                   Assignments assignments, String selectedMethod, double[][] selectedRepresentation) {
        List<Plot> plots = new ArrayList<>();
        Set<String> models = history.stream().map(HistoryRow::model).collect(Collectors.toCollection(LinkedHashSet::new));
        for (String model : models) {
            plots.add(new Plot("Training curves: " + model,
                    Plots.trainingCurves(model, history, plotsDir.resolve("training_" + fileName(model) + ".png"))));
        }
        long firstSeed = results.stream().filter(ResultRow::selected).mapToLong(ResultRow::seed).min().orElse(0);
        List<ResultRow> barRows = results.size() <= MAX_BAR_METHODS ? results
                : results.stream().filter(r -> r.selected() && r.seed() == firstSeed).toList();
        List<Metric> metrics = BAR_METRICS.stream()
                .filter(m -> barRows.stream().anyMatch(r -> Double.isFinite(m.of(r)))).toList();
        if (!barRows.isEmpty() && !metrics.isEmpty()) {
            plots.add(new Plot("Metrics by method, one panel per metric" + (barRows.size() < results.size()
                    ? " (the selected run of each sweep, seed " + firstSeed + ")" : "")
                    + "; parameters every bar shares are left out of the labels",
                    Plots.metricBars(barRows, metrics, plotsDir.resolve("metrics.png"))));
        }
        boolean swept = results.stream().collect(Collectors.groupingBy(r -> r.representation() + " " + r.algorithm(),
                Collectors.mapping(r -> r.scores().nClusters(), Collectors.toSet()))).values().stream()
                .anyMatch(ks -> ks.size() > 1);
        if (swept) {
            plots.add(new Plot("Silhouette against the number of clusters: for each representation, its best"
                    + " algorithm at each number", Plots.sweep("Silhouette sweep", results,
                    Metric.SILHOUETTE, plotsDir.resolve("sweep_silhouette.png"))));
        }
        if (selectedMethod == null) {
            return plots;
        }
        int[] clusters = assignments.clusters(selectedMethod);
        String stem = fileName(selectedMethod);
        boolean labelled = assignments.labels().stream().anyMatch(Objects::nonNull);
        if (selectedRepresentation != null) {
            if (selectedRepresentation.length != clusters.length) {
                throw new IllegalArgumentException("selected representation has " + selectedRepresentation.length
                        + " rows for " + clusters.length + " tracks of method '" + selectedMethod + "'");
            }
            Projection.Map2d map = Projection.map(selectedRepresentation);
            String title = selectedMethod + " (" + map.method() + ")";
            plots.add(new Plot("Map coloured by cluster: " + title, Plots.scatterByCluster(title + ": clusters",
                    map.points(), clusters, plotsDir.resolve("map_" + stem + "_clusters.png"))));
            if (labelled) {
                plots.add(new Plot("Map coloured by label: " + title, Plots.scatter(title + ": labels", map.points(),
                        assignments.labels(), plotsDir.resolve("map_" + stem + "_labels.png"))));
            }
            if (Plots.anyKnown(assignments.languages())) {
                plots.add(new Plot("Map coloured by language: " + title, Plots.scatter(title + ": languages",
                        map.points(), assignments.languages(), plotsDir.resolve("map_" + stem + "_languages.png"))));
            }
        }
        plots.add(new Plot("Cluster composition: " + selectedMethod, Plots.clusterComposition(clusters,
                assignments.labels(), assignments.languages(), plotsDir.resolve("composition_" + stem + ".png"))));
        if (labelled) {
            plots.add(new Plot("Clusters × labels: " + selectedMethod, Plots.contingency(selectedMethod + " × labels",
                    clusters, assignments.labels(), plotsDir.resolve("contingency_" + stem + ".png"))));
        }
        return plots;
    }

    /** A name safe as a file name on every OS: letters, digits, '.', '-' and '_' kept, runs of the rest '_'. */
    static String fileName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        return s.isEmpty() ? "_" : s;
    }
}
