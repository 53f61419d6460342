package gaan.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the HTML report shows about one task's run folder.
 *
 * @param task           task name, also the section title
 * @param folder         the run folder {@code results/<task>/} (its CSV files are linked)
 * @param results        every result row of the task
 * @param best           the task's best label-free row by each metric the summary shows (silhouette: the
 *                       task's answer), as the run's answer rule chose it; a metric without one is absent
 * @param headToHead     the best VAE row and the best baseline row against the labels, for the
 *                       first screen's honest comparison
 * @param history        VAE training history (collapse warnings come from its last epoch per model and seed)
 * @param assignments    cluster assignments of the task's tracks
 * @param tracks         the tracks of {@code assignments}, matched by id
 * @param selectedMethod the {@link Assignments#methods()} column whose clusters are described
 *                       track by track, or {@code null} to leave that part out
 * @param plots          plots to show, in order
 * @param notes          what the task changed to fit the collection (representations skipped for
 *                       a modality it lacks, how k was chosen), shown under the task's title
 */
public record TaskReport(String task, Path folder, List<ResultRow> results, Map<Metric, ResultRow> best,
                         HeadToHead headToHead, List<HistoryRow> history, Assignments assignments, List<TrackInfo> tracks,
                         String selectedMethod, List<Plot> plots, List<String> notes) {

    /**
     * The best row by ARI, as the answer rule chooses, among representations a VAE made ({@code vae})
     * and among the rest: PCA, raw features ({@code baseline}); either is {@code null} when none
     * qualifies (no labels, or no row of that kind).
     */
    public record HeadToHead(ResultRow vae, ResultRow baseline) {
    }

    /** This report with other {@link TrackInfo}s for its tracks (same ids, e.g. other audio files). */
    public TaskReport withTracks(List<TrackInfo> replaced) {
        return new TaskReport(task, folder, results, best, headToHead, history, assignments, replaced, selectedMethod,
                plots, notes);
    }

    public TaskReport {
        results = List.copyOf(results);
        best = Map.copyOf(best);
        java.util.Objects.requireNonNull(headToHead, "headToHead");
        history = List.copyOf(history);
        tracks = List.copyOf(tracks);
        plots = List.copyOf(plots);
        notes = List.copyOf(notes);
    }
}
