package gaan.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import gaan.config.Modality;
import gaan.report.Plot;
import gaan.report.Plots;
import gaan.report.Projection;

/**
 * 2-D maps (t-SNE; see {@link Projection#map}) of every representation of a task's first seed, coloured by
 * the selected clustering of its first sweep, by primary genre and by language. The selected
 * method of the whole task is mapped by {@link gaan.report.TaskPlots}; these cover the rest, so a
 * reader can compare what each representation makes of the same tracks.
 */
final class RepresentationMaps {
    private RepresentationMaps() {
    }

    /** The maps' own seconds go into {@code timings} as stage {@code projection}. */
    static List<Plot> draw(TaskData data, List<Representation> reps,
                           List<ClusteringStage.ScoredPartition> clusterings, String skip, Path dir, Timings timings) {
        long first = data.config().seeds().get(0);
        List<Plot> plots = new ArrayList<>();
        boolean genres = data.missing(Modality.GENRE) < data.size();
        boolean languages = Plots.anyKnown(data.languages());
        for (Representation rep : reps) {
            if (rep.seed() != first || rep.name().equals(skip)) {
                continue;
            }
            Projection.Map2d map = timings.time("projection", () -> Projection.map(rep.x()));
            String title = rep.name() + " (" + map.method() + ")";
            clusterings.stream().filter(r -> r.row().selected() && r.row().seed() == first
                            && r.row().representation().equals(rep.name())).findFirst()
                    .ifPresent(r -> plots.add(new Plot("Map coloured by cluster: " + title + ", " + r.row().label(),
                            Plots.scatterByCluster(title + ": " + r.row().label(), map.points(), r.labels(),
                                    dir.resolve("map_" + rep.name() + "_clusters.png")))));
            if (genres) {
                plots.add(new Plot("Map coloured by genre: " + title, Plots.scatter(title + ": genres", map.points(),
                        data.primaryGenres(), dir.resolve("map_" + rep.name() + "_genres.png"))));
            }
            if (languages) {
                plots.add(new Plot("Map coloured by language: " + title, Plots.scatter(title + ": languages",
                        map.points(), data.languages(), dir.resolve("map_" + rep.name() + "_languages.png"))));
            }
        }
        return plots;
    }
}
