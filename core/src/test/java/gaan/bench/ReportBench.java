package gaan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import gaan.report.Plots;
import gaan.report.Projection;

/**
 * {@code bench/run.sh report [n...]}: wall and CPU seconds of the report's 2-D map ({@link
 * Projection#map}: exact t-SNE up to {@link Projection#EXACT_TSNE_MAX_N} points, Barnes-Hut above;
 * 1000 iterations, 32-D blobs) for each n (default 500 1000 2000 20000), seconds of exact t-SNE up
 * to {@value #EXACT_MAX_N} points, of a PCA map, and of one scatter PNG, plus peak memory.
 */
public final class ReportBench {
    private static final int EXACT_MAX_N = 2000;

    private ReportBench() {
    }

    public static void main(String[] args) throws IOException {
        int[] sizes = args.length == 0 ? new int[] {500, 1000, 2000, 20000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Bench bench = Bench.create();
        Map<String, Object> tsne = new LinkedHashMap<>();
        Map<String, Object> maps = new LinkedHashMap<>();
        Map<String, Object> pca = new LinkedHashMap<>();
        Path dir = Files.createTempDirectory("gaan-report-bench");
        double scatterSeconds = Double.NaN;
        for (int n : sizes) {
            double[][] x = blobs(n, 32, 8, 1);
            System.err.println("map n=" + n);
            String[] method = new String[1];
            double[] cpu = new double[1];
            double mapSeconds = Bench.medianSeconds(1,
                    () -> cpu[0] = Bench.cpuSeconds(() -> method[0] = Projection.map(x).method()));
            Map<String, Object> timing = new LinkedHashMap<>();
            timing.put("method", method[0]);
            timing.put("seconds", mapSeconds);
            timing.put("cpu_seconds", cpu[0]);
            maps.put("n" + n, timing);
            if (n <= EXACT_MAX_N) {
                tsne.put("n" + n, Bench.medianSeconds(1, () -> Projection.tsne(x, 30, 1000)));
            }
            pca.put("n" + n, Bench.medianSeconds(3, () -> Projection.pca(x, 2)));
            double[][] map = Projection.pca(x, 2);
            int[] clusters = new int[n];
            for (int i = 0; i < n; i++) {
                clusters[i] = i % 8;
            }
            scatterSeconds = Bench.medianSeconds(3, () -> Plots.scatterByCluster("bench", map, clusters,
                    dir.resolve("scatter.png")));
        }
        bench.put("map_seconds", maps).put("exact_tsne_1000_iterations_seconds", tsne).put("pca_2_components_seconds", pca)
                .put("scatter_png_seconds_largest_n", scatterSeconds).put("peak_rss_mb", Bench.peakRssMb());
        bench.print();
    }

    private static double[][] blobs(int n, int d, int k, long seed) {
        Random r = new Random(seed);
        List<double[]> centres = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            double[] centre = new double[d];
            for (int j = 0; j < d; j++) {
                centre[j] = 5 * r.nextGaussian();
            }
            centres.add(centre);
        }
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            double[] centre = centres.get(i % k);
            for (int j = 0; j < d; j++) {
                x[i][j] = centre[j] + r.nextGaussian();
            }
        }
        return x;
    }
}
