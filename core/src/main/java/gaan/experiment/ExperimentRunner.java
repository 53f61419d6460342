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
import gaan.eval.AnswerRule;
import gaan.features.FeatureStore;
import gaan.report.EdaPlots;
import gaan.report.HtmlReport;
import gaan.report.SkippedTrack;
import gaan.report.TaskReport;

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

    /** What a run produced: the report page and the failures, after everything else was written. */
    public record Outcome(Path report, List<String> failures) {
    }

    public static Outcome run(RunRequest request, Progress progress) {
        Collection collection = CollectionReader.read(request.collection(), request.allowOutside());
        Path storeDir = FeatureStore.of(request.store(), collection.root()).dir();
        request.checkPlacement(collection.root(), storeDir);
        List<String> entries = new ArrayList<>(request.tasks().stream().map(ExperimentConfig::task).toList());
        entries.addAll(List.of(ExperimentConfig.EDA_FOLDER, REPORT_FILE));
        try (ResultsFolder results = ResultsFolder.open(request.out(), entries, progress)) {
            ExperimentConfig first = request.tasks().get(0);
            CollectionFeatures features = FeaturePipeline.prepare(collection, storeDir,
                    sharedAudioSettings(request.tasks()), first.seeds().get(0), first.threads(), progress);
            Path out = results.staging();
            EdaPlots.Result eda = CollectionEda.write(features, out.resolve(ExperimentConfig.EDA_FOLDER));
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
            List<SkippedTrack> skipped = new ArrayList<>();
            for (int i = 0; i < features.size(); i++) {
                if (!features.audioOk()[i]) {
                    skipped.add(new SkippedTrack(features.tracks().get(i).id(), features.skipReasons().get(i)));
                }
            }
            Path report = HtmlReport.write(new HtmlReport.Report("gaan: " + collection.root().getFileName(), reports,
                    skipped, eda.plots(), eda.summary(), AnswerRule.DEFAULT.toString()), out.resolve(REPORT_FILE));
            results.commit();
            return new Outcome(results.target(report), failures);
        }
    }

    /** The report page in the results folder, beside the task folders and the EDA's. */
    static final String REPORT_FILE = "report.html";

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
