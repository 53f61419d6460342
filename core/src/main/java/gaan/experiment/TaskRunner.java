package gaan.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import gaan.audio.AudioDecoder;
import gaan.config.ExperimentConfig;
import gaan.config.RepresentationSpec;
import gaan.data.Npy;
import gaan.data.Track;
import gaan.model.Engines;
import gaan.model.TrainingHistory;
import gaan.report.Assignments;
import gaan.report.HistoryRow;
import gaan.report.Metric;
import gaan.report.Plot;
import gaan.report.Recommendation;
import gaan.report.ResultRow;
import gaan.report.RunInfo;
import gaan.report.RunWriter;
import gaan.report.TaskPlots;
import gaan.report.TaskReport;
import gaan.report.TrackInfo;

/**
 * Runs one task on prepared features and writes its {@link RunFolder}: the three CSVs (and the
 * seed summary), {@code run.json}, every clustered matrix, the trained models and the plots.
 */
final class TaskRunner {
    private final Progress progress;

    TaskRunner(Progress progress) {
        this.progress = progress;
    }

    /**
     * Runs the task; a representation that cannot be built is skipped, its reason added to
     * {@code failures}, and the rest of the task still runs.
     */
    TaskReport run(ExperimentConfig config, CollectionFeatures features, Path out, List<String> failures) {
        Timings timings = new Timings();
        RunFolder run = new RunFolder(out.resolve(config.task()));
        progress.info("[" + config.task() + "] " + config.representations().size() + " representations x "
                + config.seeds().size() + " seeds");

        LyricsEmbedding lyrics = timings.time("lyrics", () ->
                LyricsEmbedding.forTask(features, config.features(), config.seeds().get(0)));
        TaskData data = TaskData.select(config, features, lyrics);
        int withLyrics = 0;
        for (boolean present : lyrics.present()) {
            withLyrics += present ? 1 : 0;
        }
        progress.info("[" + config.task() + "] lyrics embedded by " + lyrics.embedder() + " (" + withLyrics + " of "
                + lyrics.present().length + " tracks have lyrics)");
        data.notes().forEach(n -> progress.info("[" + config.task() + "] " + n));
        RunFolder.writeLines(run.trackIds(), data.ids());

        RepresentationBuilder builder = new RepresentationBuilder(data, run.models(), progress);
        ClusteringStage clustering = ClusteringStage.of(data);
        List<Representation> reps = new ArrayList<>();
        List<ClusteringStage.ScoredPartition> clusterings = new ArrayList<>();
        timings.time("training", () -> builder.trainAhead(config.representations(), config.seeds()));
        for (long seed : config.seeds()) {
            Map<String, Representation> built = new LinkedHashMap<>();
            for (RepresentationSpec spec : config.representations()) {
                if (data.skipped().containsKey(spec.name())) {
                    continue;
                }
                Representation rep;
                try {
                    rep = timings.time("representations", () -> builder.build(spec, seed, built));
                } catch (RuntimeException e) {
                    failures.add("[" + config.task() + "] representation '" + spec.name() + "' seed " + seed
                            + " failed: " + Failure.describe(e));
                    progress.warn(failures.get(failures.size() - 1));
                    continue;
                }
                built.put(spec.name(), rep);
                reps.add(rep);
                Npy.write(run.representation(spec.name(), seed), rep.x());
            }
        }
        for (List<ClusteringStage.ScoredPartition> scored : timings.time("clustering", () -> clustering.runAll(reps))) {
            for (ClusteringStage.ScoredPartition s : scored) {
                timings.add("clustering " + s.row().algorithm(), s.fitSeconds());
                timings.add("metrics", s.scoreSeconds());
            }
            clusterings.addAll(scored);
        }
        Optional<Recommendations.TaskAnswer> answer = timings.time("recommendation", () -> Recommendations.choose(
                config.task(), clusterings, reps, data.truth() != null,
                (name, seed) -> out.relativize(run.representation(name, seed)).toString().replace('\\', '/')));
        List<ResultRow> rows = new ArrayList<>(clusterings.stream().map(ClusteringStage.ScoredPartition::row).toList());
        answer.ifPresent(a -> rows.set(a.index(), rows.get(a.index()).withRecommended(true)));
        if (clusterings.stream().allMatch(ClusteringStage.ScoredPartition::failed)) {
            failures.add("[" + config.task() + "] " + (clusterings.isEmpty()
                    ? "no clustering ran; " + String.join("; ", data.notes())
                    : "every clustering failed, e.g. " + rows.get(0).representation() + " " + rows.get(0).algorithm()
                            + ": " + rows.get(0).note()));
            progress.warn(failures.get(failures.size() - 1));
        }

        Map<String, int[]> columns = new LinkedHashMap<>();
        clusterings.forEach(r -> columns.put(r.column(), r.labels()));
        Assignments assignments = new Assignments(data.ids(), data.labels(), data.languages(), columns);
        List<HistoryRow> history = historyRows(reps);
        RunWriter writer = new RunWriter(run.path());
        writer.writeResults(rows);
        writer.writeAssignments(assignments);
        writer.writeHistory(history);
        if (config.seeds().size() > 1) {
            writer.writeSeedSummary(rows);
        }

        answer.ifPresent(a -> a.record().write(run.path().resolve(Recommendation.FILE)));
        Map<Metric, ResultRow> bestRows = TaskReports.bestByMetric(rows);
        Optional<ClusteringStage.ScoredPartition> best = answer.map(a -> clusterings.get(a.index()));
        String selected = best.map(ClusteringStage.ScoredPartition::column).orElse(null);
        double[][] selectedX = best.flatMap(b -> reps.stream().filter(r -> r.seed() == b.row().seed()
                && r.name().equals(b.row().representation())).findFirst()).map(Representation::x).orElse(null);
        List<Plot> plots = timings.time("plots", () -> {
            List<Plot> p = new ArrayList<>(TaskPlots.write(run.plots(), rows, history, assignments, selected,
                    selectedX));
            p.addAll(RepresentationMaps.draw(data, reps, clusterings,
                    best.map(b -> b.row().representation()).orElse(null), run.plots(), timings));
            return p;
        });
        writer.writeRunInfo(new RunInfo(config.task(), new RunConfig(config, features.collection().root().toString(),
                data.size(), features.size() - data.size(), data.notes()), config.seeds(), versions(),
                timings.seconds()));
        best.ifPresent(b -> progress.info(String.format(Locale.ROOT,
                "[%s] recommended (label-free): %s %s (%s) silhouette %.3f ARI %.3f", config.task(),
                b.row().representation(),
                b.row().algorithm(), b.row().params(), b.row().scores().silhouette(), b.row().scores().ari())));
        return new TaskReport(config.task(), run.path(), rows, bestRows, TaskReports.headToHead(rows, history), history,
                assignments, trackInfos(data), selected, plots, data.notes());
    }

    private static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>(RunInfo.runtimeVersions());
        v.putAll(Engines.versions());
        v.put("ffmpeg", AudioDecoder.ffmpegVersion());
        return v;
    }

    /** What {@code run.json} records as the config: the resolved task and what it ran on. */
    record RunConfig(ExperimentConfig experiment, String collection, int tracksUsed, int tracksLeftOut,
                     List<String> notes) {
    }

    static List<HistoryRow> historyRows(List<Representation> reps) {
        List<HistoryRow> out = new ArrayList<>();
        for (Representation r : reps) {
            for (TrainingHistory h : r.history()) {
                out.add(new HistoryRow(r.name(), r.seed(), h.epoch(), h.loss(), h.reconstruction(), h.kl(), h.beta(),
                        h.activeUnits(), h.validationLoss(), h.seconds()));
            }
        }
        return out;
    }

    private static List<TrackInfo> trackInfos(TaskData data) {
        List<TrackInfo> out = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            int row = data.rows()[i];
            Track t = data.features().tracks().get(row);
            out.add(TaskReports.track(t, data.features().languages().get(row), data.features().lyricsTexts().get(row)));
        }
        return out;
    }
}
