package gaan.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import gaan.config.ConfigException;
import gaan.config.ExperimentConfig;
import gaan.config.FeatureSettings;
import gaan.config.RunRequest;
import gaan.data.Collection;
import gaan.data.CollectionReader;
import gaan.data.OwnedFolder;
import gaan.features.FeatureStore;
import gaan.report.EdaPlots;
import gaan.report.Plot;
import gaan.report.Recommendation;
import gaan.report.SkippedTrack;
import gaan.report.TaskReport;
import gaan.report.TruncatedTrack;

/**
 * Runs a {@link RunRequest}: reads the collection, extracts features once (cached in the
 * collection's feature store), runs every task into {@code <out>/<task>/}, and writes
 * {@code <out>/report.html}, all through a {@link ResultsFolder} (staged, then moved in). A task
 * or representation that fails is reported and the rest still runs; the failures are listed in the
 * {@link Outcome}, after everything that finished has been written.
 */
public final class ExperimentRunner {
    private ExperimentRunner() {
    }

    /** What a run produced: the task reports, the report page and the failures, as moved into the results folder. */
    public record Outcome(List<TaskReport> tasks, Path report, List<String> failures) {
    }

    public static Outcome run(RunRequest request, Progress progress) {
        Collection collection = CollectionReader.read(request.collection(), request.allowOutside());
        Path storeDir = FeatureStore.of(request.store(), collection.root()).dir();
        // The results folder, the store and the collection must not sit in or over each other.
        OwnedFolder.requireOutside(request.out(), "results folder", collection.root());
        OwnedFolder.requireApart(request.out(), "results folder", storeDir, "feature store");
        List<String> entries = new ArrayList<>(request.tasks().stream().map(ExperimentConfig::task).toList());
        entries.addAll(List.of(RunFolder.EDA_DIR, RunFolder.REPORT_FILE, Recommendation.FILE,
                Recommendation.ASSIGNMENTS_FILE));
        if (request.embedAudioExcerpts()) {
            entries.add(RunFolder.AUDIO_DIR);
        }
        try (ResultsFolder results = ResultsFolder.open(request.out(), "results folder", entries, progress)) {
            ExperimentConfig first = request.tasks().get(0);
            CollectionFeatures features = FeaturePipeline.prepare(collection, storeDir,
                    sharedAudioSettings(request.tasks()), first.seeds().get(0), first.threads(), progress);
            Path out = results.staging();
            EdaPlots.Result eda;
            try {
                eda = CollectionEda.write(features, out.resolve(RunFolder.EDA_DIR));
            } catch (RuntimeException e) {
                // The EDA is a side view: a collection it cannot draw must not stop the tasks.
                eda = new EdaPlots.Result(List.of(), null, List.of(new EdaPlots.Omitted("every plot",
                        Failure.describe(e))));
            }
            eda.omitted().forEach(o -> progress.info("eda: left out " + o));
            List<TaskReport> reports = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            TaskRunner runner = new TaskRunner(progress);
            for (ExperimentConfig task : request.tasks()) {
                long start = System.nanoTime();
                try {
                    reports.add(runner.run(task, features, out, failures));
                    progress.info(String.format(Locale.ROOT, "[%s] done in %.1f s -> %s", task.task(),
                            (System.nanoTime() - start) / 1e9, request.out().resolve(task.task()).toAbsolutePath()));
                } catch (RuntimeException e) {
                    String message = "task '" + task.task() + "' failed: " + Failure.describe(e);
                    failures.add(message);
                    progress.warn(message);
                }
            }
            List<TaskReport> page = new ArrayList<>(reports);
            page.addAll(keptTasks(results, request, progress));
            Recommendations.writeOverall(out, page).ifPresent(r -> progress.info(String.format(Locale.ROOT,
                    "recommended: [%s] %s -> %s", r.task(), r.column(),
                    request.out().resolve(Recommendation.FILE).toAbsolutePath())));
            List<SkippedTrack> skipped = new ArrayList<>();
            List<TruncatedTrack> truncated = new ArrayList<>();
            for (int i = 0; i < features.size(); i++) {
                String id = features.tracks().get(i).id();
                if (!features.audioOk()[i]) {
                    skipped.add(new SkippedTrack(id, features.skipReasons().get(i)));
                } else if (features.truncations().get(i) != null) {
                    truncated.add(new TruncatedTrack(id, features.truncations().get(i)));
                }
            }
            if (request.embedAudioExcerpts()) {
                page = AudioExcerpts.write(page, out, first.threads(), staged -> true, progress).tasks();
            } else {
                page = AudioExcerpts.existing(page, results.target(out), results::wrote);
            }
            Path report = ReportPage.write(out, "gaan: " + collection.root().getFileName(), page, skipped,
                    truncated, eda.plots(), eda.summary(), results::target);
            results.commit();
            return new Outcome(reports.stream().map(t -> moved(t, results)).toList(), results.target(report),
                    failures);
        }
    }

    /**
     * The tasks of earlier runs in the results folder that this run does not rewrite, read back
     * from their folders, so the page and the run's recommendation still cover them; a folder that
     * cannot be read is left in place and out of the page, with a warning.
     */
    private static List<TaskReport> keptTasks(ResultsFolder results, RunRequest request, Progress progress) {
        List<TaskReport> kept = new ArrayList<>();
        for (Path folder : results.keptTaskFolders(request.tasks().stream().map(ExperimentConfig::task).toList())) {
            try {
                kept.add(ReportRebuild.readTask(folder));
                progress.info("[" + folder.getFileName() + "] kept from an earlier run: " + folder);
            } catch (RuntimeException e) {
                progress.warn("the report leaves out " + folder + " (an earlier run's task, left in place): "
                        + Failure.describe(e));
            }
        }
        return kept;
    }

    /** A task's report with its folder and plots where the commit moved them. */
    private static TaskReport moved(TaskReport t, ResultsFolder results) {
        return new TaskReport(t.task(), results.target(t.folder()), t.results(), t.best(), t.headToHead(), t.history(),
                t.assignments(), t.tracks(), t.selectedMethod(),
                t.plots().stream().map(p -> new Plot(p.caption(), results.target(p.file()))).toList(), t.notes());
    }

    /**
     * The feature settings of a run: the first task's, once every task is checked to share its
     * audio settings (features are extracted once per run, so tasks may differ in lyrics settings
     * but not in patches, offset, duration nor in which tracks are in: minSeconds, maxAudioBytes).
     */
    static FeatureSettings sharedAudioSettings(List<ExperimentConfig> tasks) {
        FeatureSettings first = tasks.get(0).features();
        for (ExperimentConfig t : tasks) {
            FeatureSettings f = t.features();
            if (!f.patches().equals(first.patches()) || !f.offset().equals(first.offset())
                    || !f.duration().equals(first.duration()) || !f.minSeconds().equals(first.minSeconds())
                    || !f.maxAudioBytes().equals(first.maxAudioBytes())) {
                throw new ConfigException("task '" + t.task() + "': features.patches/offset/duration/minSeconds/"
                        + "maxAudioBytes differ from task '" + tasks.get(0).task()
                        + "'; tasks run together share the audio features — run them separately");
            }
        }
        return first;
    }
}
