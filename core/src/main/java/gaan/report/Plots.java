package gaan.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG plots of a run and of a collection (XChart, rendered headless). Every method writes one PNG
 * to the path it is given (creating parent folders) and returns that path. Categorical colours
 * come from one fixed palette, so "rock" has the same colour in every plot made from the same
 * category list; at most {@link #MAX_CATEGORIES} categories are drawn, the rarest merged into
 * {@code other}.
 */
public final class Plots {
    /** Legends beyond this many entries stop being readable; rarer categories become "other". */
    public static final int MAX_CATEGORIES = 12;
    static final String NOISE = "noise";
    static final String UNKNOWN = "unknown";
    private static final String OTHER = "other";

    /** Tableau 10 followed by darker variants: distinct in print and for common colour blindness. */
    private static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
        new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
        new Color(0x9C755F), new Color(0xBAB0AC), new Color(0x2F4B7C), new Color(0xA05195),
    };
    private static final Color NEUTRAL = new Color(0x555555);

    static {
        // XChart renders through AWT; without a display AWT must be told before it initialises.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Plots() {
    }

    /** A named curve for {@link #lines}. */
    public record Curve(String name, double[] x, double[] y) {
    }

    /**
     * Training curves of one model: a 2×2 grid of loss (with reconstruction and validation loss),
     * KL, β and active units against epoch, one line per seed.
     */
    public static Path trainingCurves(String model, List<HistoryRow> history, Path out) {
        Map<Long, List<HistoryRow>> bySeed = history.stream().filter(h -> h.model().equals(model))
                .sorted(Comparator.comparingInt(HistoryRow::epoch))
                .collect(Collectors.groupingBy(HistoryRow::seed, TreeMap::new, Collectors.toList()));
        if (bySeed.isEmpty()) {
            throw new IllegalArgumentException("no training history for model '" + model + "'");
        }
        boolean oneSeed = bySeed.size() == 1;
        XYChart loss = xy(model + ": loss", "epoch", "loss per sample", 560, 400);
        XYChart kl = xy(model + ": KL", "epoch", "KL (nats)", 560, 400);
        XYChart beta = xy(model + ": beta", "epoch", "beta", 560, 400);
        XYChart active = xy(model + ": active units", "epoch", "active units", 560, 400);
        for (Map.Entry<Long, List<HistoryRow>> e : bySeed.entrySet()) {
            List<HistoryRow> rows = e.getValue();
            String suffix = oneSeed ? "" : " seed " + e.getKey();
            double[] epochs = rows.stream().mapToDouble(HistoryRow::epoch).toArray();
            line(loss, "loss" + suffix, epochs, rows.stream().mapToDouble(HistoryRow::loss).toArray());
            line(loss, "reconstruction" + suffix, epochs,
                    rows.stream().mapToDouble(HistoryRow::reconstruction).toArray());
            line(loss, "validation" + suffix, epochs, rows.stream().mapToDouble(HistoryRow::valLoss).toArray());
            line(kl, "KL" + suffix, epochs, rows.stream().mapToDouble(HistoryRow::kl).toArray());
            line(beta, "beta" + suffix, epochs, rows.stream().mapToDouble(HistoryRow::beta).toArray());
            line(active, "active units" + suffix, epochs,
                    rows.stream().mapToDouble(h -> h.activeUnits() < 0 ? Double.NaN : h.activeUnits()).toArray());
        }
        return saveGrid(List.of(loss, kl, beta, active), 2, 2, out);
    }

    /** A 2-D map coloured by cluster (-1 drawn as noise in grey). */
    public static Path scatterByCluster(String title, double[][] points, int[] clusters, Path out) {
        List<String> names = Arrays.stream(clusters).mapToObj(c -> c < 0 ? NOISE : "cluster " + c).toList();
        return scatter(title, points, names, out);
    }

    /** A 2-D map coloured by a category per point (genre, language, ...); {@code null} is "unknown". */
    public static Path scatter(String title, double[][] points, List<String> categories, Path out) {
        requireSameLength(points.length, categories.size(), "points", "categories");
        List<String> cats = capCategories(categories);
        XYChart chart = new XYChartBuilder().width(900).height(650).title(title).xAxisTitle("dimension 1")
                .yAxisTitle("dimension 2").build();
        style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(6);
        List<String> order = categoryOrder(cats);
        for (int c = 0; c < order.size(); c++) {
            String name = order.get(c);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < points.length; i++) {
                if (cats.get(i).equals(name)) {
                    xs.add(points[i][0]);
                    ys.add(points[i][1]);
                }
            }
            XYSeries s = chart.addSeries(name + " (" + xs.size() + ")", xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(colour(name, c));
        }
        return save(chart, out);
    }

    /**
     * Metrics of several methods side by side: one group of bars per row (labelled by
     * {@link ResultRow#label()}), one bar per metric. Undefined (NaN) metrics are left out of
     * their group rather than drawn as zero.
     */
    public static Path metricBars(String title, List<ResultRow> rows, List<Metric> metrics, Path out) {
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(900, 90 * rows.size())).height(650)
                .title(title).xAxisTitle("method").yAxisTitle("score").build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLabelRotation(30);
        List<String> labels = uniqueLabels(rows);
        for (int m = 0; m < metrics.size(); m++) {
            Metric metric = metrics.get(m);
            List<Double> values = rows.stream().map(r -> finiteOrNull(metric.of(r))).toList();
            chart.addSeries(metric.column(), labels, values).setFillColor(PALETTE[m % PALETTE.length]);
        }
        return save(chart, out);
    }

    /**
     * Cluster composition: for each cluster, stacked bars of the share of each genre (left) and each
     * language (right) among its tracks.
     */
    public static Path clusterComposition(String title, int[] clusters, List<String> genres, List<String> languages,
                                          Path out) {
        return saveGrid(List.of(shares(title + ": genre share", clusters, genres),
                shares(title + ": language share", clusters, languages)), 1, 2, out);
    }

    /** Contingency table clusters (rows) × labels (columns), counts written in the cells. */
    public static Path contingency(String title, int[] clusters, List<String> labels, Path out) {
        requireSameLength(clusters.length, labels.size(), "clusters", "labels");
        List<String> clusterNames = clusterNames(clusters);
        List<String> labelNames = new ArrayList<>(new TreeSet<>(labels.stream().map(Plots::known).toList()));
        double[][] counts = new double[clusterNames.size()][labelNames.size()];
        for (int i = 0; i < clusters.length; i++) {
            counts[clusterNames.indexOf(clusterName(clusters[i]))][labelNames.indexOf(known(labels.get(i)))]++;
        }
        HeatMapChart chart = heatMapChart(title, "label", "cluster", labelNames, clusterNames, counts,
                Math.max(700, 60 * labelNames.size() + 250), Math.max(500, 40 * clusterNames.size() + 200));
        chart.getStyler().setShowValue(true);
        chart.getStyler().setHeatMapValueDecimalPattern("#");
        chart.getStyler().setXAxisLabelRotation(30);
        return save(chart, out);
    }

    /** Any matrix as a heat map: {@code values[row][col]}, rows on the y axis, columns on the x axis. */
    public static Path heatMap(String title, String xTitle, String yTitle, List<String> columns, List<String> rows,
                               double[][] values, Path out) {
        HeatMapChart chart = heatMapChart(title, xTitle, yTitle, columns, rows, values, 900, 700);
        return save(chart, out);
    }

    /**
     * Several same-sized matrices (e.g. mean log-mel spectrograms, {@code [band][frame]}) as a
     * grid of heat maps with a shared colour scale, low bands at the bottom.
     */
    public static Path heatMapGrid(Map<String, double[][]> panels, String xTitle, String yTitle, Path out) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[][] m : panels.values()) {
            for (double[] r : m) {
                for (double v : r) {
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        List<Chart<?, ?>> charts = new ArrayList<>();
        for (Map.Entry<String, double[][]> e : panels.entrySet()) {
            double[][] m = e.getValue();
            List<String> cols = indexLabels(m.length == 0 ? 0 : m[0].length);
            HeatMapChart chart = heatMapChart(e.getKey(), xTitle, yTitle, cols, indexLabels(m.length), m, 500, 420);
            chart.getStyler().setAxisTicksVisible(false);
            chart.getStyler().setMin(min).setMax(max);
            charts.add(chart);
        }
        int cols = Math.min(3, Math.max(1, charts.size()));
        return saveGrid(charts, (charts.size() + cols - 1) / cols, cols, out);
    }

    /**
     * Bars of counts per category, e.g. tracks per genre; categories in the given order.
     */
    public static Path bars(String title, String xTitle, String yTitle, Map<String, ? extends Number> values,
                            Path out) {
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(800, 45 * values.size())).height(550)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAvailableSpaceFill(0.9);
        chart.getStyler().setXAxisLabelRotation(values.size() > 6 ? 45 : 0);
        if (values.isEmpty()) {
            chart.addSeries(yTitle, List.of("none"), List.of(0));
        } else {
            chart.addSeries(yTitle, new ArrayList<>(values.keySet()), new ArrayList<Number>(values.values()))
                    .setFillColor(PALETTE[0]);
        }
        return save(chart, out);
    }

    /** Box plots of values per group (e.g. lyrics length per language); groups without values are left out. */
    public static Path boxes(String title, String yTitle, Map<String, double[]> groups, Path out) {
        BoxChart chart = new BoxChartBuilder().width(800).height(550).title(title).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        int c = 0;
        for (Map.Entry<String, double[]> g : groups.entrySet()) {
            double[] finite = Arrays.stream(g.getValue()).filter(Double::isFinite).toArray();
            if (finite.length > 0) {
                chart.addSeries(g.getKey() + " (" + finite.length + ")", finite)
                        .setFillColor(PALETTE[c++ % PALETTE.length]);
            }
        }
        if (c == 0) {
            chart.addSeries("no values", new double[] {0});
        }
        return save(chart, out);
    }

    /**
     * A histogram of the finite values with {@code bins} equal-width bins, each labelled by its
     * centre; when every value is the same, one bar labelled by that value.
     */
    public static Path histogram(String title, String xTitle, double[] values, int bins, Path out) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        double lo = Arrays.stream(finite).min().orElse(0);
        double hi = Arrays.stream(finite).max().orElse(0);
        int n = hi > lo ? bins : 1;
        double width = hi > lo ? (hi - lo) / bins : 1;
        double[] counts = new double[n];
        for (double v : finite) {
            counts[Math.min(n - 1, (int) ((v - lo) / width))]++;
        }
        List<String> labels = binLabels(lo, hi, n);
        Map<String, Double> byBin = new LinkedHashMap<>();
        for (int b = 0; b < n; b++) {
            byBin.put(labels.get(b), counts[b]);
        }
        return bars(title, xTitle, "count", byBin, out);
    }

    /**
     * Labels of {@code bins} equal bins over {@code [lo, hi]}: their centres with as many decimals
     * as half a bin's width needs (no 10 s track shown as "11"); one bin when {@code lo == hi}.
     */
    static List<String> binLabels(double lo, double hi, int bins) {
        if (!(hi > lo)) {
            return List.of(Numbers.fourDigits(lo));
        }
        double width = (hi - lo) / bins;
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(width / 2)));
        List<String> out = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            out.add(String.format(java.util.Locale.ROOT, "%." + decimals + "f", lo + (b + 0.5) * width));
        }
        return out;
    }

    /** Line chart of named curves, e.g. silhouette against k for each representation. */
    public static Path lines(String title, String xTitle, String yTitle, List<Curve> curves, Path out) {
        XYChart chart = xy(title, xTitle, yTitle, 900, 600);
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            XYSeries s = line(chart, curve.name(), curve.x(), curve.y());
            if (s != null) {
                s.setLineColor(PALETTE[c % PALETTE.length]);
                s.setMarkerColor(PALETTE[c % PALETTE.length]);
            }
        }
        return save(chart, out);
    }

    /**
     * Sweep curves from result rows: for each representation + algorithm, the metric against the
     * number of clusters found (mean over seeds at the same number).
     */
    public static Path sweep(String title, List<ResultRow> rows, Metric metric, Path out) {
        Map<String, TreeMap<Integer, double[]>> groups = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            double v = metric.of(r);
            if (!Double.isFinite(v)) {
                continue;
            }
            double[] sumCount = groups.computeIfAbsent(r.representation() + " " + r.algorithm(), k -> new TreeMap<>())
                    .computeIfAbsent(r.scores().nClusters(), k -> new double[2]);
            sumCount[0] += v;
            sumCount[1]++;
        }
        List<Curve> curves = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, double[]>> g : groups.entrySet()) {
            double[] x = g.getValue().keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] y = g.getValue().values().stream().mapToDouble(sc -> sc[0] / sc[1]).toArray();
            curves.add(new Curve(g.getKey(), x, y));
        }
        return lines(title, "clusters found", metric.column(), curves, out);
    }

    // --- helpers -------------------------------------------------------------------------------

    private static CategoryChart shares(String title, int[] clusters, List<String> categories) {
        requireSameLength(clusters.length, categories.size(), "clusters", "categories");
        List<String> cats = capCategories(categories);
        List<String> clusterNames = clusterNames(clusters);
        List<String> order = categoryOrder(cats);
        double[][] counts = new double[order.size()][clusterNames.size()];
        double[] totals = new double[clusterNames.size()];
        for (int i = 0; i < clusters.length; i++) {
            int c = clusterNames.indexOf(clusterName(clusters[i]));
            counts[order.indexOf(cats.get(i))][c]++;
            totals[c]++;
        }
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(600, 50 * clusterNames.size() + 300))
                .height(500).title(title).xAxisTitle("cluster").yAxisTitle("share of tracks").build();
        style(chart.getStyler());
        chart.getStyler().setStacked(true);
        chart.getStyler().setOverlapped(false);
        for (int k = 0; k < order.size(); k++) {
            List<Double> share = new ArrayList<>();
            for (int c = 0; c < clusterNames.size(); c++) {
                share.add(counts[k][c] / totals[c]);
            }
            chart.addSeries(order.get(k), clusterNames, share).setFillColor(colour(order.get(k), k));
        }
        return chart;
    }

    private static HeatMapChart heatMapChart(String title, String xTitle, String yTitle, List<String> columns,
                                             List<String> rows, double[][] values, int width, int height) {
        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setRangeColors(new Color[] {new Color(0x440154), new Color(0x31688E),
            new Color(0x35B779), new Color(0xFDE725)});
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setDrawBorder(false);
        chart.getStyler().setHeatMapValueDecimalPattern("#.##");
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                double v = values[r][c];
                cells.add(new Number[] {c, r, Double.isFinite(v) ? v : null});
            }
        }
        chart.addSeries(title, columns, rows, cells);
        return chart;
    }

    private static XYChart xy(String title, String xTitle, String yTitle, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setMarkerSize(4);
        return chart;
    }

    /** Adds a line of the finite points; returns null (adds nothing) when there are none. */
    private static XYSeries line(XYChart chart, String name, double[] x, double[] y) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        return xs.isEmpty() ? null : chart.addSeries(name, xs, ys);
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setChartTitleBoxVisible(false);
        styler.setSeriesColors(PALETTE);
        styler.setAntiAlias(true);
        styler.setBaseFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        if (styler instanceof AxesChartStyler axes) {
            axes.setPlotGridLinesColor(new Color(0xE5E5E5));
        }
    }

    /** The category as drawn: null becomes "unknown", rare ones "other". */
    private static List<String> capCategories(List<String> categories) {
        List<String> known = categories.stream().map(Plots::known).toList();
        Map<String, Long> counts = known.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        if (counts.size() <= MAX_CATEGORIES) {
            return known;
        }
        List<String> keep = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_CATEGORIES - 1).map(Map.Entry::getKey).toList();
        return known.stream().map(s -> keep.contains(s) ? s : OTHER).toList();
    }

    /** Sorted categories, with noise/unknown/other last so real categories get the first colours. */
    private static List<String> categoryOrder(List<String> cats) {
        List<String> special = List.of(OTHER, UNKNOWN, NOISE);
        List<String> order = new ArrayList<>(new TreeSet<>(cats));
        order.sort(Comparator.comparing((String s) -> special.contains(s)).thenComparing(Plots::naturalKey));
        return order;
    }

    /** Orders "cluster 10" after "cluster 9". */
    private static String naturalKey(String s) {
        return s.matches("cluster \\d+") ? String.format("cluster %09d", Integer.parseInt(s.substring(8))) : s;
    }

    private static Color colour(String category, int index) {
        return category.equals(NOISE) || category.equals(UNKNOWN) || category.equals(OTHER) ? NEUTRAL
                : PALETTE[index % PALETTE.length];
    }

    private static String known(String s) {
        return s == null || s.isBlank() ? UNKNOWN : s;
    }

    private static String clusterName(int c) {
        return c < 0 ? NOISE : Integer.toString(c);
    }

    private static List<String> clusterNames(int[] clusters) {
        int[] distinct = Arrays.stream(clusters).distinct().sorted().toArray();
        List<String> names = new ArrayList<>();
        for (int c : distinct) {
            if (c >= 0) {
                names.add(clusterName(c));
            }
        }
        if (distinct.length > 0 && distinct[0] < 0) {
            names.add(NOISE);
        }
        return names;
    }

    /** Method labels made unique (a sweep can repeat one label over seeds). */
    private static List<String> uniqueLabels(List<ResultRow> rows) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (ResultRow r : rows) {
            int n = seen.merge(r.label(), 1, Integer::sum);
            out.add(n == 1 ? r.label() : r.label() + " #" + n);
        }
        return out;
    }

    private static List<String> indexLabels(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static void requireSameLength(int a, int b, String what, String other) {
        if (a != b) {
            throw new IllegalArgumentException(a + " " + what + " but " + b + " " + other + "; give one per track");
        }
    }

    private static Path save(Chart<?, ?> chart, Path out) {
        return saveGrid(List.of(chart), 1, 1, out);
    }

    /** Charts laid out row by row in a {@code rows × cols} grid of equal cells (the largest chart's size). */
    private static Path saveGrid(List<? extends Chart<?, ?>> charts, int rows, int cols, Path out) {
        int cellW = charts.stream().mapToInt(Chart::getWidth).max().orElse(1);
        int cellH = charts.stream().mapToInt(Chart::getHeight).max().orElse(1);
        BufferedImage grid = new BufferedImage(cols * cellW, rows * cellH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
            for (int i = 0; i < charts.size(); i++) {
                g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), (i % cols) * cellW, (i / cols) * cellH, null);
            }
        } finally {
            g.dispose();
        }
        try {
            prepare(out);
            ImageIO.write(grid, "png", out.toFile());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write plot " + out + ": " + e.getMessage(), e);
        }
    }

    private static void prepare(Path out) throws IOException {
        if (!out.getFileName().toString().endsWith(".png")) {
            throw new IllegalArgumentException("plot file must end in .png (XChart appends it otherwise): " + out);
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
    }
}
