package gaan.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small but complete report on disk: two tasks, real PNG plots, fake audio files beside the results. */
final class ReportFixture {
    static final String NASTY_ID = "t<script>alert(1)</script>";

    private ReportFixture() {
    }

    /** The map of the first task's selected method, at the points of its scatter plot. */
    static TrackMap map(TaskReport task) {
        return new TrackMap("mlp_vae_latent8 kmeans k=2, seed 1, 8 dimensions mapped by t-SNE", POINTS,
                task.assignments().clusters(task.selectedMethod()), task.tracks());
    }

    static final double[][] POINTS = {{0, 0}, {0.2, 0.1}, {3, 3}, {3.1, 2.9}, {3.3, 3.2}, {0.1, 0.3}};

    /** Builds {@code root/collection} (audio) and {@code root/results} (run folders, plots) and returns the report spec. */
    static HtmlReport.Report build(Path root) throws IOException {
        Path audioDir = root.resolve("collection/audio files");
        Files.createDirectories(audioDir);
        List<String> ids = List.of("a1", "a2", "b1", "b2", "n1", NASTY_ID);
        List<String> genres = Arrays.asList("rock", "rock", "বাউল", "বাউল", null, "r&b");
        List<String> langs = Arrays.asList("en", "en", "bn", "bn", "mixed", null);
        List<String> lyrics = Arrays.asList("river boat river", "boat on the river", "নদীর কূলে একতারা",
                "একতারা বাজে নদীর ধারে", null, "the night & the city");
        List<TrackInfo> tracks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Path audio = audioDir.resolve(i == 2 ? "বাউল গান #1.mp3" : "track" + i + ".mp3");
            Files.write(audio, new byte[] {'I', 'D', '3'});
            tracks.add(new TrackInfo(ids.get(i), genres.get(i) == null ? List.of() : List.of(genres.get(i)),
                    langs.get(i), genres.get(i), audio, lyrics.get(i)));
        }
        Map<String, int[]> methods = new LinkedHashMap<>();
        methods.put("mlp_vae kmeans k=2", new int[] {0, 0, 1, 1, 1, 0});
        methods.put("pca dbscan eps=0.5", new int[] {0, 0, -1, -1, -1, -1});
        Assignments assignments = new Assignments(ids, genres, langs, methods);

        Path results = root.resolve("results");
        List<TaskReport> tasks = new ArrayList<>();
        for (String task : List.of("easy", "hard")) {
            Path folder = results.resolve(task);
            List<ResultRow> rows = new ArrayList<>();
            rows.add(new ResultRow(task, "mlp_vae_latent8", "mfcc_summary", false, "kmeans", "k=2", 1,
                    new ResultRow.Scores(2, 0, 1, 0.61, 0.5, 40.0, 0.9, 0.8, 0.75, 0.9, 0.9), true,
                    "best silhouette of the k sweep"));
            rows.add(new ResultRow(task, "pca8", "mfcc_summary", false, "kmeans", "k=3", 1,
                    new ResultRow.Scores(3, 0, 1, 0.12, 1.5, 12.5, 0.2, 0.3, 0.25, 0.6, 0.5), true, ""));
            rows.add(new ResultRow(task, "raw_mfcc", "mfcc_summary", false, "dbscan", "eps=0.5 min_samples=2", 1,
                    new ResultRow.Scores(1, 4, 1 / 3.0, Double.NaN, Double.NaN, Double.NaN, 0.05, 0.1, Double.NaN,
                    0.4, 0.3), false,
                    "one cluster: internal metrics undefined"));
            rows.add(new ResultRow(task, "pca8", "mfcc_summary", false, "ward", "k=4", 1,
                    new ResultRow.Scores(4, 0, 1, 0.35, 0.9, 30.0, 0.5, 0.55, 0.5, 0.7, 0.6), true, ""));
            if (task.equals("hard")) {
                rows.add(new ResultRow(task, "mlp_vae_latent8", "mfcc_summary", false, "kmeans", "k=2", 2,
                        new ResultRow.Scores(2, 0, 1, 0.59, 0.55, 38.0, 0.8, 0.7, 0.65, 0.85, 0.85), true, ""));
                rows.add(new ResultRow(task, "cvae_latent8", "mfcc+genre", true, "kmeans", "k=2", 1,
                        new ResultRow.Scores(2, 0, 1, 0.7, 0.4, 50.0, 1.0, 1.0, 1.0, 1.0, 1.0), true,
                        "genre was the CVAE condition"));
            }
            List<HistoryRow> history = new ArrayList<>();
            for (int e = 1; e <= 5; e++) {
                history.add(new HistoryRow("mlp_vae_latent8", 1, e, 10.0 / e, 9.0 / e, 1, 1,
                        task.equals("hard") ? 1 : 4, Double.NaN, 0.1));
            }
            RunWriter writer = new RunWriter(folder);
            writer.writeResults(rows);
            writer.writeAssignments(assignments);
            writer.writeHistory(history);
            Path plots = folder.resolve("plots");
            int[] selected = methods.get("mlp_vae kmeans k=2");
            List<Plot> plotList = List.of(
                    new Plot("training curves", Plots.trainingCurves("mlp_vae_latent8", history,
                            plots.resolve("training.png"))),
                    new Plot("map by cluster", Plots.scatterByCluster("clusters", POINTS, selected,
                            plots.resolve("map cluster.png"))),
                    new Plot("metrics", Plots.metricBars(rows, List.of(Metric.SILHOUETTE, Metric.ARI),
                            plots.resolve("metrics.png"))));
            // The answer rule picks the first row by silhouette and by ARI (the CVAE row used the labels).
            Map<Metric, ResultRow> best = Map.of(Metric.SILHOUETTE, rows.get(0), Metric.ARI, rows.get(0));
            // mlp_vae_latent8 has a training history, so it is the VAE; pca8 ward k=4 the best baseline by ARI.
            TaskReport.HeadToHead headToHead = new TaskReport.HeadToHead(rows.get(0), rows.get(3));
            tasks.add(new TaskReport(task, folder, rows, best, headToHead, history, assignments, tracks,
                    "mlp_vae kmeans k=2", plotList, List.of()));
        }
        return new HtmlReport.Report("gaan report <test>", tasks,
                List.of(new SkippedTrack("x9", "undecodable: invalid data found when processing input")),
                List.of(new TruncatedTrack("x8", "audio/x8.wav: truncated: the header declares 30.000 s of audio but "
                        + "the file holds 12.500 s")),
                List.of(), null, List.of(), "among the selected run of every sweep (test rule)", null, map(tasks.get(0)));
    }
}
