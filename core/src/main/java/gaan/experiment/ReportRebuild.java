package gaan.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gaan.config.ConfigException;
import gaan.config.ExperimentConfig;
import gaan.data.Collection;
import gaan.data.CollectionReader;
import gaan.data.Track;
import gaan.data.OwnedFolder;
import gaan.features.FeatureStore;
import gaan.features.TrackRow;
import gaan.report.EdaPlots;
import gaan.report.HistoryRow;
import gaan.report.Metric;
import gaan.report.Plot;
import gaan.report.ResultRow;
import gaan.report.RunReader;
import gaan.report.RunWriter;
import gaan.report.SkippedTrack;
import gaan.report.TaskReport;
import gaan.report.TrackInfo;
import gaan.report.TruncatedTrack;
import gaan.text.LyricsReader;
import gaan.text.LyricsText;

/** {@code gaan report}: the report page written again from the files of earlier runs. */
public final class ReportRebuild {
    private ReportRebuild() {
    }

    /**
     * Writes {@code <out>/report.html} again from the files of earlier runs in {@code out}: every
     * task folder with a {@code run.json}, the EDA folder, and the collection each run names. Plot
     * captions are the file names.
     */
    public static Path write(Path out) {
        return write(out, false, 1, Progress.QUIET);
    }

    /**
     * As {@link #write(Path)}; with {@code embedAudioExcerpts}, first writes an excerpt of each
     * track into {@code <out>/}{@value RunFolder#AUDIO_DIR} for the page to play, {@code threads}
     * at a time ({@link AudioExcerpts}); without it, the page plays the excerpts an earlier run
     * wrote there ({@link AudioExcerpts#existing}).
     */
    public static Path write(Path out, boolean embedAudioExcerpts, int threads, Progress progress) {
        List<TaskReport> tasks = new ArrayList<>();
        List<TrackRow> stored = null;
        for (Path folder : taskFolders(out)) {
            Collection collection = collectionOf(folder);
            tasks.add(readTask(folder, collection));
            if (stored == null && collection != null) {
                stored = storedTracks(FeatureStore.at(FeatureStore.defaultDir(collection.root())));
            }
        }
        List<TrackRow> rows = stored == null ? List.of() : stored;
        List<SkippedTrack> skipped = rows.stream().filter(r -> !r.ok())
                .map(r -> new SkippedTrack(r.id(), FeaturePipeline.skipReason(r))).toList();
        List<TruncatedTrack> truncated = rows.stream().filter(r -> r.ok() && r.truncated())
                .map(r -> new TruncatedTrack(r.id(), FeaturePipeline.skipReason(r))).toList();
        if (tasks.isEmpty()) {
            throw new ConfigException(out + " holds no task folder with a " + RunWriter.RUN_FILE
                    + "; run 'gaan run --out " + out + "' first");
        }
        Path eda = out.resolve(RunFolder.EDA_DIR);
        Path summary = eda.resolve(EdaPlots.SUMMARY_FILE);
        try (OwnedFolder owned = OwnedFolder.lock(out, "results folder")) {
            for (String entry : embedAudioExcerpts ? List.of(RunFolder.REPORT_FILE, RunFolder.AUDIO_DIR)
                    : List.of(RunFolder.REPORT_FILE)) {
                if (!owned.free(entry)) {
                    throw new ConfigException(out.resolve(entry) + " was not written by gaan; move it away first");
                }
            }
            Predicate<Path> own = p -> owned.wrote(owned.relative(p));
            if (embedAudioExcerpts) {
                AudioExcerpts.Embedded embedded = AudioExcerpts.write(tasks, out, threads, own, progress);
                tasks = embedded.tasks();
                owned.record(embedded.files().stream().map(owned::relative).toList());
            } else {
                tasks = AudioExcerpts.existing(tasks, out, own);
            }
            Path page = ReportPage.write(out, "gaan: " + out.toAbsolutePath().getFileName(), tasks, skipped, truncated,
                    pngs(eda), Files.exists(summary) ? summary : null, UnaryOperator.identity());
            owned.record(page);
            return page;
        }
    }

    /** The task folders of a results folder: those with a {@code run.json}, by name. */
    static List<Path> taskFolders(Path out) {
        return list(out).stream().filter(p -> Files.isRegularFile(p.resolve(RunWriter.RUN_FILE))).toList();
    }

    /**
     * The collection a task folder's {@code run.json} names, or {@code null} when it names none (a
     * run of gaan-spark, whose tracks are a table rather than a collection folder).
     */
    static Collection collectionOf(Path folder) {
        JsonNode run;
        try {
            run = new ObjectMapper().readTree(folder.resolve(RunWriter.RUN_FILE).toFile());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + folder.resolve(RunWriter.RUN_FILE) + ": " + e.getMessage(), e);
        }
        JsonNode collection = run.path("config").path("collection");
        return collection.isTextual() ? CollectionReader.read(Path.of(collection.asText())) : null;
    }

    /** A task's report from the files of its folder and the tracks of the collection its run.json names. */
    static TaskReport readTask(Path folder) {
        return readTask(folder, collectionOf(folder));
    }

    /**
     * A task's report from the files of its folder and the tracks of its collection; without a
     * collection the report knows the tracks only from the assignments file (id, label, language).
     */
    static TaskReport readTask(Path folder, Collection collection) {
        List<ResultRow> rows = RunReader.readResults(folder.resolve(RunWriter.RESULTS_FILE));
        var assignments = RunReader.readAssignments(folder.resolve(RunWriter.ASSIGNMENTS_FILE));
        Map<String, Track> byId = collection == null ? Map.of() : collection.byId();
        List<TrackInfo> tracks = new ArrayList<>();
        for (int i = 0; i < assignments.size(); i++) {
            Track t = byId.get(assignments.trackIds().get(i));
            if (t != null) {
                LyricsText lyrics = t.lyrics() == null ? null : LyricsReader.read(t.lyrics());
                tracks.add(TaskReports.track(t, assignments.languages().get(i),
                        lyrics != null && lyrics.present() ? lyrics.text() : null));
            }
        }
        Map<Metric, ResultRow> best = TaskReports.bestByMetric(rows);
        String selected = TaskReports.recommended(rows).map(ClusteringStage::column).orElse(null);
        List<HistoryRow> history = RunReader.readHistory(folder.resolve(RunWriter.HISTORY_FILE));
        return new TaskReport(folder.getFileName().toString(), folder, rows, best,
                TaskReports.headToHead(rows, history), history, assignments, tracks, selected,
                pngs(new RunFolder(folder).plots()), RunReader.readNotes(folder.resolve(RunWriter.RUN_FILE)));    }

    /** The rows of the store's {@code tracks.csv}, or none when the store has none. */
    private static List<TrackRow> storedTracks(FeatureStore store) {
        return Files.isRegularFile(store.dir().resolve(FeatureStore.TRACKS_CSV)) ? store.tracks() : List.of();
    }

    private static List<Plot> pngs(Path dir) {
        return list(dir).stream().filter(p -> p.getFileName().toString().endsWith(".png"))
                .map(p -> new Plot(p.getFileName().toString().replaceFirst("\\.png$", "").replace('_', ' '), p))
                .toList();
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
