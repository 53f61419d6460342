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
import gaan.report.EdaPlots;
import gaan.report.Recommendation;
import gaan.report.SkippedTrack;
import gaan.report.TaskReport;

/**
 * Runs a {@link RunRequest}: reads the collection, extracts features once (cached in the
 * collection's feature store), runs every task into {@code <out>/<task>/}, and writes
 * {@code <out>/report.html}. A task or representation that fails is reported and the rest still
 * runs; the failures are listed in the {@link Outcome}, after everything that finished has been
 * written.
 */
public final class ExperimentRunner {
    private ExperimentRunner() {
    }

    /** What a run produced: the task reports and the report page. */
    public record Outcome(List<TaskReport> tasks, Path report, List<String> failures) {
    }

    public static Outcome run(RunRequest request, Progress progress) {
        ExperimentConfig first = request.tasks().get(0);
        CollectionFeatures features = FeaturePipeline.prepare(request.collection(), request.store(),
                sharedAudioSettings(request.tasks()), first.seeds().get(0), first.threads(), progress);
        Collection collection = features.collection();

        EdaPlots.Result eda;
        try {
            eda = CollectionEda.write(features, request.out().resolve(RunFolder.EDA_DIR));
        } catch (RuntimeException e) {
            // The EDA is a side view: a collection it cannot draw (no genres) must not stop the tasks.
            progress.warn("EDA left out: " + e.getMessage());
            eda = new EdaPlots.Result(List.of(), null);
        }
        List<TaskReport> reports = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        TaskRunner runner = new TaskRunner(progress);
        for (ExperimentConfig task : request.tasks()) {
            long start = System.nanoTime();
            try {
                reports.add(runner.run(task, features, request.out(), failures));
                progress.info(String.format(Locale.ROOT, "[%s] done in %.1f s -> %s", task.task(),
                        (System.nanoTime() - start) / 1e9, request.out().resolve(task.task()).toAbsolutePath()));
            } catch (RuntimeException e) {
                String message = "task '" + task.task() + "' failed: "
                        + (e.getMessage() != null ? e.getMessage() : e.toString());
                failures.add(message);
                progress.warn(message);
            }
        }
        Recommendations.writeOverall(request.out(), reports).ifPresent(r -> progress.info(String.format(Locale.ROOT,
                "recommended: [%s] %s -> %s", r.task(), r.column(),
                request.out().resolve(Recommendation.FILE).toAbsolutePath())));
        List<SkippedTrack> skipped = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            if (!features.audioOk()[i]) {
                skipped.add(new SkippedTrack(features.tracks().get(i).id(), features.skipReasons().get(i)));
            }
        }
        Path report = ReportPage.write(request.out(), "gaan: " + collection.root().getFileName(),
                withEarlierTasks(request.out(), reports, request.tasks()), skipped, eda.plots(), eda.summary());
        return new Outcome(reports, report, failures);
    }

    /**
     * The tasks of this run followed by the tasks an earlier run left in {@code out} (read from
     * their folders), so running one task into a results folder keeps the others on the page. A
     * task of this run that failed is left out, not shown with its earlier results.
     */
    static List<TaskReport> withEarlierTasks(Path out, List<TaskReport> ran, List<ExperimentConfig> requested) {
        List<TaskReport> all = new ArrayList<>(ran);
        for (Path folder : ReportRebuild.taskFolders(out)) {
            String name = folder.getFileName().toString();
            if (requested.stream().noneMatch(t -> t.task().equals(name))) {
                all.add(ReportRebuild.readTask(folder, ReportRebuild.collectionOf(folder)));
            }
        }
        return all;
    }

    /**
     * The feature settings of a run: the first task's, once every task is checked to share its
     * audio settings (features are extracted once per run, so tasks may differ in lyrics settings
     * but not in patches, offset or duration).
     */
    static FeatureSettings sharedAudioSettings(List<ExperimentConfig> tasks) {
        FeatureSettings first = tasks.get(0).features();
        for (ExperimentConfig t : tasks) {
            FeatureSettings f = t.features();
            if (!f.patches().equals(first.patches()) || !f.offset().equals(first.offset())
                    || !f.duration().equals(first.duration())) {
                throw new ConfigException("task '" + t.task() + "': features.patches/offset/duration differ from task '"
                        + tasks.get(0).task() + "'; tasks run together share the audio features — run them separately");
            }
        }
        return first;
    }
}
