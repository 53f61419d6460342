package gaan.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gaan.data.Collection;
import gaan.data.CollectionReader;
import gaan.data.Npy;
import gaan.data.Track;
import gaan.features.FeatureStore;
import gaan.features.TrackRow;
import gaan.report.Eda;
import gaan.report.HtmlReport;
import gaan.report.Metric;
import gaan.report.Plot;
import gaan.report.ResultRow;
import gaan.report.RunReader;
import gaan.report.RunWriter;
import gaan.report.SkippedTrack;
import gaan.report.TaskReport;
import gaan.report.TrackInfo;
import gaan.text.LyricsReader;
import gaan.text.LyricsText;

/** Single stages of the pipeline for {@code gaan train} and {@code gaan report}. */
public final class Stages {
    private Stages() {
    }

    /**
     * Trains the one VAE of {@code config} on the collection's decodable tracks and writes into
     * {@code out}: the model under {@code models/}, its latent means {@code latent.npy} (float64,
     * N×latent, rows as in {@code track_ids.txt}) and {@code vae_training_history.csv}. The latent
     * means also go into the feature store as {@code latent_<name>.npy} (float32, one row per store
     * row, zero where a track was not encoded) with the mask {@code latent_<name>_mask.npy}.
     */
    public static Path train(ExperimentConfig config, Path collection, Path store, Path out, Progress progress) {
        RepresentationSpec spec = config.representations().get(0);
        Collection c = CollectionReader.read(collection);
        CollectionFeatures features = FeaturePipeline.prepare(c, store != null ? store
                        : FeaturePipeline.defaultStore(c.root()), FeaturePipeline.audioParams(config.features()),
                config.features(), config.seeds().get(0), config.threads(), progress);
        TaskData data = TaskData.select(config, features, features.lyrics());
        long seed = config.seeds().get(0);
        Representation rep = new RepresentationBuilder(data, out.resolve("models"), progress).build(spec, seed, Map.of());
        Npy.write(out.resolve("latent.npy"), rep.x());
        float[][] latent = Blocks.toFloat(rep.x());
        float[][] storeRows = new float[features.size()][latent[0].length];
        boolean[] encoded = new boolean[features.size()];
        for (int i = 0; i < data.size(); i++) {
            storeRows[data.rows()[i]] = latent[i];
            encoded[data.rows()[i]] = true;
        }
        FeatureStore storeOut = FeatureStore.at(store != null ? store : FeaturePipeline.defaultStore(c.root()));
        storeOut.putMatrix("latent_" + rep.name(), storeRows);
        storeOut.putMask("latent_" + rep.name() + "_mask", encoded);
        RunFolder.writeLines(out.resolve("track_ids.txt"), data.ids());
        new RunWriter(out).writeHistory(TaskRunner.historyRows(List.of(rep)));
        return out.resolve("latent.npy");
    }

    /**
     * Writes {@code <out>/report.html} again from the files of earlier runs in {@code out}: every
     * task folder with a {@code run.json}, the EDA folder, and the collection each run names. Plot
     * captions are the file names.
     */
    public static Path report(Path out) {
        List<TaskReport> tasks = new ArrayList<>();
        List<SkippedTrack> skipped = new ArrayList<>();
        for (Path folder : taskFolders(out)) {
            Collection collection = collectionOf(folder);
            tasks.add(readTask(folder, collection));
            if (skipped.isEmpty()) {
                skipped.addAll(skippedTracks(FeaturePipeline.defaultStore(collection.root())));
            }
        }
        if (tasks.isEmpty()) {
            throw new ConfigException(out + " holds no task folder with a " + RunWriter.RUN_FILE
                    + "; run 'gaan run --out " + out + "' first");
        }
        Path eda = out.resolve("eda");
        Path summary = eda.resolve(Eda.SUMMARY_FILE);
        return ReportPage.write(out, "gaan: " + out.toAbsolutePath().getFileName(), tasks, skipped, pngs(eda),
                Files.exists(summary) ? summary : null);
    }

    /** The task folders of a results folder: those with a {@code run.json}, by name. */
    static List<Path> taskFolders(Path out) {
        return list(out).stream().filter(p -> Files.isRegularFile(p.resolve(RunWriter.RUN_FILE))).toList();
    }

    /** The collection a task folder's {@code run.json} names. */
    static Collection collectionOf(Path folder) {
        JsonNode run;
        try {
            run = new ObjectMapper().readTree(folder.resolve(RunWriter.RUN_FILE).toFile());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + folder.resolve(RunWriter.RUN_FILE) + ": " + e.getMessage(), e);
        }
        return CollectionReader.read(Path.of(run.path("config").path("collection").asText()));
    }

    /** A task's report from the files of its folder and the tracks of its collection. */
    static TaskReport readTask(Path folder, Collection collection) {
        List<ResultRow> rows = RunReader.readResults(folder.resolve(RunWriter.RESULTS_FILE));
        var assignments = RunReader.readAssignments(folder.resolve(RunWriter.ASSIGNMENTS_FILE));
        Map<String, Track> byId = collection.byId();
        List<TrackInfo> tracks = new ArrayList<>();
        for (int i = 0; i < assignments.size(); i++) {
            Track t = byId.get(assignments.trackIds().get(i));
            if (t != null) {
                LyricsText lyrics = t.lyrics() == null ? null : LyricsReader.read(t.lyrics());
                tracks.add(new TrackInfo(t.id(), t.genres(), assignments.languages().get(i), t.evaluationLabel(),
                        t.audio(), lyrics != null && lyrics.present() ? lyrics.text() : null));
            }
        }
        String selected = HtmlReport.best(rows, Metric.SILHOUETTE).map(ClusteringStage::column).orElse(null);
        return new TaskReport(folder.getFileName().toString(), folder, rows,
                RunReader.readHistory(folder.resolve(RunWriter.HISTORY_FILE)), assignments, tracks, selected,
                pngs(folder.resolve("plots")));
    }

    private static List<SkippedTrack> skippedTracks(Path store) {
        if (!Files.isRegularFile(store.resolve(FeatureStore.TRACKS_CSV))) {
            return List.of();
        }
        return FeatureStore.at(store).tracks().stream().filter(r -> !r.ok())
                .map((TrackRow r) -> new SkippedTrack(r.id(), FeaturePipeline.skipReason(r))).toList();
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
