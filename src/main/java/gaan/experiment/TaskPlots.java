package gaan.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import gaan.report.HistoryRow;
import gaan.report.Metric;
import gaan.report.Plot;
import gaan.report.Plots;
import gaan.report.Projection;
import gaan.report.ResultRow;

/**
 * The plots of one task, drawn from its first seed: training curves of every VAE, a 2-D map of
 * every representation coloured by its selected clustering, by genre and by language, metric bars
 * of the selected runs, the sweep curves, and the composition and contingency of the best
 * label-free clustering.
 */
final class TaskPlots {
    private final TaskData data;
    private final Path dir;

    TaskPlots(TaskData data, Path dir) {
        this.data = data;
        this.dir = dir;
    }

    List<Plot> draw(List<Representation> reps, List<ClusteringStage.Run> runs, List<ResultRow> rows,
                    List<HistoryRow> history, ClusteringStage.Run best) {
        long first = data.config().seeds().get(0);
        List<Plot> plots = new ArrayList<>();
        List<ResultRow> selected = rows.stream().filter(r -> r.selected() && r.seed() == first).toList();
        plots.add(new Plot("Metrics of the selected run of every sweep (seed " + first + ")",
                Plots.metricBars(data.config().task() + ": selected runs", selected,
                        List.of(Metric.SILHOUETTE, Metric.DAVIES_BOULDIN, Metric.ARI, Metric.NMI, Metric.COVERAGE),
                        dir.resolve("metrics.png"))));
        plots.add(new Plot("Silhouette against the number of clusters found, mean over seeds",
                Plots.sweep(data.config().task() + ": silhouette sweep", rows, Metric.SILHOUETTE,
                        dir.resolve("sweep_silhouette.png"))));
        if (best != null) {
            String name = best.row().label();
            plots.add(new Plot("Genre and language share per cluster: " + name,
                    Plots.clusterComposition(name, best.labels(), data.primaryGenres(), data.languages(),
                            dir.resolve("composition_best.png"))));
            if (data.truth() != null) {
                plots.add(new Plot("Clusters against labels: " + name,
                        Plots.contingency(name, best.labels(), data.labels().stream()
                                .map(l -> l == null ? "unlabeled" : l).toList(), dir.resolve("contingency_best.png"))));
            }
        }
        for (Representation rep : reps) {
            if (rep.seed() != first) {
                continue;
            }
            if (!rep.history().isEmpty()) {
                plots.add(new Plot("Training of " + rep.name() + " (loss, reconstruction, KL, beta, active units)",
                        Plots.trainingCurves(rep.name(), history, dir.resolve("training_" + rep.name() + ".png"))));
            }
            Projection.Map2d map = Projection.map(rep.x(), first);
            String title = rep.name() + " (" + map.method() + ")";
            runs.stream().filter(r -> r.row().selected() && r.row().seed() == first
                            && r.row().representation().equals(rep.name())).findFirst()
                    .ifPresent(r -> plots.add(new Plot(title + " coloured by " + r.row().algorithm() + " clusters",
                            Plots.scatterByCluster(title + ": " + r.row().label(), map.points(), r.labels(),
                                    dir.resolve("map_" + rep.name() + "_clusters.png")))));
            plots.add(new Plot(title + " coloured by genre", Plots.scatter(title + " by genre", map.points(),
                    data.primaryGenres(), dir.resolve("map_" + rep.name() + "_genre.png"))));
            plots.add(new Plot(title + " coloured by language", Plots.scatter(title + " by language", map.points(),
                    data.languages(), dir.resolve("map_" + rep.name() + "_language.png"))));
        }
        return plots;
    }
}
