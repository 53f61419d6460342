package gaan.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import gaan.data.Collection;
import gaan.data.CollectionReader;
import gaan.report.HtmlReport;
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

    /** What a run produced: the report page and the failures, after everything else was written. */
    public record Outcome(Path report, List<String> failures) {
    }

    public static Outcome run(RunRequest request, Progress progress) {
        Collection collection = CollectionReader.read(request.collection(), request.allowOutside());
        progress.info("collection " + collection.root() + ": " + collection.size() + " tracks");
        Path storeDir = request.store() != null ? request.store() : FeaturePipeline.defaultStore(collection.root());
        request.checkPlacement(collection.root(), storeDir);
        List<String> entries = new ArrayList<>(request.tasks().stream().map(ExperimentConfig::task).toList());
        entries.addAll(List.of(EDA_FOLDER, REPORT_FILE));
        try (ResultsFolder results = ResultsFolder.open(request.out(), entries, progress)) {
            FeatureSettings audio = sharedAudioSettings(request.tasks());
            ExperimentConfig first = request.tasks().get(0);
            CollectionFeatures features = FeaturePipeline.prepare(collection, storeDir,
                    FeaturePipeline.audioParams(audio), first.features(), first.seeds().get(0), first.threads(),
                    progress);
            Path out = results.staging();
            gaan.report.Eda.Result eda = Exploration.write(features, out.resolve(EDA_FOLDER));
            eda.omitted().forEach(o -> progress.info("eda: left out " + o));
            List<TaskReport> reports = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            TaskRunner runner = new TaskRunner(progress);
            for (ExperimentConfig task : request.tasks()) {
                long start = System.nanoTime();
                try {
                    reports.add(runner.run(task, features, out, failures));
                    progress.info(String.format(java.util.Locale.ROOT, "[%s] done in %.1f s -> %s", task.task(),
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
                    skipped, eda.plots(), eda.summary()), out.resolve(REPORT_FILE));
            results.commit();
            return new Outcome(results.target(report), failures);
        }
    }

    /** The EDA's folder and the report page in the results folder, beside the task folders. */
    static final String EDA_FOLDER = "eda";
    static final String REPORT_FILE = "report.html";

    /**
     * The audio settings every task of a run shares: features are extracted once per run, so tasks
     * may differ in lyrics settings but not in patches, offset or duration.
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
