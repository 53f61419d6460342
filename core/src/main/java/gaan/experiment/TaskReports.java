package gaan.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import gaan.data.Track;
import gaan.eval.AnswerRule;
import gaan.report.HistoryRow;
import gaan.report.HtmlReport;
import gaan.report.Metric;
import gaan.report.ResultRow;
import gaan.report.TaskReport;
import gaan.report.TrackInfo;

/**
 * The parts of a task's report that a run and {@code gaan report} build alike: the best rows by
 * {@link AnswerRule#DEFAULT} and the report's view of each track.
 */
final class TaskReports {
    private TaskReports() {
    }

    /** The task's answer by {@code metric}, as {@link AnswerRule#DEFAULT} chooses it among {@code rows}. */
    static Optional<ResultRow> best(List<ResultRow> rows, Metric metric) {
        List<AnswerRule.Candidate> candidates = rows.stream().map(r -> new AnswerRule.Candidate(r.selected(),
                r.labelsUsedAsInput(), r.scores().nClusters(), r.scores().coverage(), metric.of(r))).toList();
        return AnswerRule.DEFAULT.best(candidates, metric.higherIsBetter()).stream().mapToObj(rows::get).findFirst();
    }

    /** The best row by each metric of the report's summary; a metric no row qualifies for is absent. */
    static Map<Metric, ResultRow> bestByMetric(List<ResultRow> rows) {
        Map<Metric, ResultRow> out = new LinkedHashMap<>();
        HtmlReport.SUMMARY_METRICS.forEach(m -> best(rows, m).ifPresent(r -> out.put(m, r)));
        return out;
    }

    /**
     * The best row by ARI among representations a VAE made (those with a training history) and the
     * best among the rest, for the report's honest comparison.
     */
    static TaskReport.HeadToHead headToHead(List<ResultRow> rows, List<HistoryRow> history) {
        Set<String> vaes = history.stream().map(HistoryRow::model).collect(Collectors.toSet());
        Map<Boolean, List<ResultRow>> byKind = rows.stream()
                .collect(Collectors.partitioningBy(r -> vaes.contains(r.representation())));
        return new TaskReport.HeadToHead(best(byKind.get(true), Metric.ARI).orElse(null),
                best(byKind.get(false), Metric.ARI).orElse(null));
    }

    /** The task's recommended row ({@link gaan.eval.Recommender}), as the results record it. */
    static Optional<ResultRow> recommended(List<ResultRow> rows) {
        return rows.stream().filter(ResultRow::recommended).findFirst();
    }

    /** What the report shows of a collection track, with its language and lyrics text (or {@code null}). */
    static TrackInfo track(Track t, String language, String lyrics) {
        return new TrackInfo(t.id(), t.genres(), language, t.evaluationLabel(), t.audio(), lyrics);
    }
}
