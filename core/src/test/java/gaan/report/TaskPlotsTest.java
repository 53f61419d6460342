package gaan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskPlotsTest {
    @TempDir
    Path dir;

    static final int N = 24;

    static Assignments assignments(boolean labelled) {
        List<String> ids = new java.util.ArrayList<>();
        List<String> labels = new java.util.ArrayList<>();
        List<String> langs = new java.util.ArrayList<>();
        int[] km = new int[N];
        for (int i = 0; i < N; i++) {
            ids.add("t" + i);
            labels.add(labelled ? (i % 3 == 0 ? "rock" : "folk") : null);
            langs.add(i % 2 == 0 ? "en" : "bn");
            km[i] = i % 3;
        }
        Map<String, int[]> methods = new LinkedHashMap<>();
        methods.put("vae/kmeans k=3", km);
        return new Assignments(ids, labels, langs, methods);
    }

    static double[][] representation() {
        double[][] x = new double[N][4];
        for (int i = 0; i < N; i++) {
            x[i][i % 3] = 10 + (i % 5) * 0.1;
            x[i][3] = i * 0.01;
        }
        return x;
    }

    private static List<String> names(List<Plot> plots) {
        return plots.stream().map(p -> p.file().getFileName().toString()).toList();
    }

    @Test
    void writesTheFullSetForALabelledTaskWithHistoryAndASweep() throws IOException {
        List<ResultRow> rows = PlotsTest.sweepRows();
        List<Plot> plots = TaskPlots.write(dir.resolve("plots"), rows, PlotsTest.history(), assignments(true),
                "vae/kmeans k=3", representation());
        assertEquals(List.of("training_mlp_vae.png", "training_other_model.png", "metrics.png",
                "sweep_silhouette.png", "map_vae_kmeans_k_3_clusters.png", "map_vae_kmeans_k_3_labels.png",
                "map_vae_kmeans_k_3_languages.png", "composition_vae_kmeans_k_3.png",
                "contingency_vae_kmeans_k_3.png"), names(plots));
        for (Plot p : plots) {
            PlotsTest.png(p.file(), javax.imageio.ImageIO.read(p.file().toFile()).getWidth(),
                    javax.imageio.ImageIO.read(p.file().toFile()).getHeight());
        }
    }

    @Test
    void leavesOutLabelPlotsHistoryAndSweepWhenThereAreNone() {
        ResultRow one = PlotsTest.sweepRows().get(0);
        List<Plot> plots = TaskPlots.write(dir.resolve("plots"), List.of(one), List.of(), assignments(false),
                "vae/kmeans k=3", null);
        assertEquals(List.of("metrics.png", "composition_vae_kmeans_k_3.png"), names(plots));
        assertEquals(List.of(), TaskPlots.write(dir, Collections.emptyList(), List.of(), assignments(false), null,
                null));
    }

    @Test
    void rejectsARepresentationOfTheWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskPlots.write(dir,
                List.of(), List.of(), assignments(true), "vae/kmeans k=3", Arrays.copyOf(representation(), 5)));
        assertEquals("selected representation has 5 rows for 24 tracks of method 'vae/kmeans k=3'", e.getMessage());
    }
}
