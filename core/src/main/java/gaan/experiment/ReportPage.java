package gaan.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import gaan.data.Npy;
import gaan.eval.AnswerRule;
import gaan.report.Assignments;
import gaan.report.EdaPlots;
import gaan.report.HtmlReport;
import gaan.report.Metric;
import gaan.report.Plot;
import gaan.report.Projection;
import gaan.report.Recommendation;
import gaan.report.ResultRow;
import gaan.report.SkippedTrack;
import gaan.report.TaskReport;
import gaan.report.TrackInfo;
import gaan.report.TrackMap;
import gaan.report.TruncatedTrack;

/**
 * Writes {@code <out>/report.html} for {@code gaan run} and {@code gaan report} alike: the tasks,
 * the recommendation recorded in {@code <out>/recommendation.json} (when there is one) and the
 * first screen's map of the recommended run. Without a recommendation (results written before gaan
 * recorded one) the map shows the selected label-free run with the highest silhouette instead.
 */
final class ReportPage {
    private ReportPage() {
    }

    /**
     * @param placed where a file written now will be when the page is read (see
     *               {@link HtmlReport#write(HtmlReport.Report, Path, java.util.function.UnaryOperator)})
     */
    static Path write(Path out, String title, List<TaskReport> tasks, List<SkippedTrack> skipped,
                      List<TruncatedTrack> truncated, List<Plot> edaPlots, Path edaSummary, UnaryOperator<Path> placed) {
        Path recorded = out.resolve(Recommendation.FILE);
        Recommendation rec = Files.isRegularFile(recorded) ? Recommendation.read(recorded) : null;
        return HtmlReport.write(new HtmlReport.Report(title, tasks, skipped, truncated, edaPlots, edaSummary,
                edaSummary == null ? List.of() : EdaPlots.omitted(edaSummary), AnswerRule.DEFAULT.toString(), rec,
                map(out, rec, tasks).orElse(null)), out.resolve(RunFolder.REPORT_FILE), placed);
    }

    /**
     * The recommended run (or the fallback) projected to 2-D, or empty when its representation
     * matrix or its assignments column is not in the results folder.
     */
    static Optional<TrackMap> map(Path out, Recommendation rec, List<TaskReport> tasks) {
        for (TaskReport t : tasks) {
            Optional<ResultRow> best = Optional.ofNullable(t.best().get(Metric.SILHOUETTE));
            if (rec != null ? !t.task().equals(rec.task()) : best.isEmpty()) {
                continue;
            }
            String column = rec != null ? rec.column() : ClusteringStage.column(best.get());
            Path matrix = rec == null
                    ? new RunFolder(t.folder()).representation(best.get().representation(), best.get().seed())
                    : new RunFolder(t.folder()).representation(rec.representation(), rec.seed());
            Assignments a = t.assignments();
            if (!a.methods().containsKey(column) || !Files.isRegularFile(matrix)) {
                return Optional.empty();
            }
            double[][] x = Npy.read(matrix).toMatrix();
            if (x.length != a.size()) {
                return Optional.empty();
            }
            long seed = rec != null ? rec.seed() : best.get().seed();
            Projection.Map2d map = Projection.map(x);
            Map<String, TrackInfo> byId = t.tracks().stream()
                    .collect(Collectors.toMap(TrackInfo::id, Function.identity(), (p, q) -> p));
            List<TrackInfo> tracks = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                String id = a.trackIds().get(i);
                TrackInfo info = byId.get(id);
                tracks.add(info != null ? info : new TrackInfo(id, List.of(), a.languages().get(i), a.labels().get(i),
                        null, null));
            }
            String name = rec != null ? rec.representation() + " " + rec.algorithm()
                    + (rec.params().isEmpty() ? "" : " " + rec.params()) : best.get().label();
            return Optional.of(new TrackMap("Task " + t.task() + ": " + name + ", seed " + seed + ", "
                    + x[0].length + " dimensions mapped by " + map.method(), map.points(), a.clusters(column), tracks));
        }
        return Optional.empty();
    }
}
