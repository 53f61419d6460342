package gaan.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
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

import gaan.text.Language;

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
    /** What a point without a category is called: the language tagger's word for "no language". */
    static final String UNKNOWN = Language.UNKNOWN.code();
    private static final String OTHER = "other";

    /** Tableau 10 followed by darker variants: distinct in print and for common colour blindness. */
    private static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
        new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
        new Color(0x9C755F), new Color(0xBAB0AC), new Color(0x2F4B7C), new Color(0xA05195),
    };
    private static final Color NEUTRAL = new Color(0x555555);
    /** Marker shapes of lines, the next one used each time the palette's colours run out. */
    private static final org.knowm.xchart.style.markers.Marker[] MARKERS = {SeriesMarkers.CIRCLE,
        SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN};
    /** Viridis at four stops: the heat maps' colour scale, low to high. */
    private static final Color[] HEAT_COLOURS = {new Color(0x440154), new Color(0x31688E), new Color(0x35B779),
        new Color(0xFDE725)};
    /** Pixels a legend entry takes, for charts that grow to fit their legend. */
    private static final int LEGEND_ROW = 20;
    /** Room XChart leaves at each side of a title. */
    private static final int TITLE_MARGIN = 10;
    static final int COLOUR_BAR_WIDTH = 90;
    static final int COLOUR_BAR_TICKS = 8;
    private static final int HEAT_MAP_LABELS = 6;
    private static final int UPRIGHT_LABEL_SPACING = 16;
    private static final FontRenderContext FRC = new FontRenderContext(null, true, false);

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
        return saveGrid(trainingCharts(model, history), 2, 2, out);
    }

    /** The four panels of {@link #trainingCurves}: epochs and active units on integer ticks. */
    static List<XYChart> trainingCharts(String model, List<HistoryRow> history) {
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
        List<HistoryRow> rows = bySeed.values().stream().flatMap(List::stream).toList();
        int first = rows.stream().mapToInt(HistoryRow::epoch).min().orElse(0);
        int last = rows.stream().mapToInt(HistoryRow::epoch).max().orElse(0);
        List<XYChart> panels = List.of(loss, kl, beta, active);
        for (XYChart panel : panels) {
            integerAxis(panel, true, first, last);
        }
        // β warms up in equal steps, and XChart ticks every value of evenly spaced data (0.05, 0.1, ...):
        // a top 3 % above the largest β makes the axis uneven, so it gets round ticks
        double betaMax = rows.stream().mapToDouble(HistoryRow::beta).filter(Double::isFinite).max().orElse(1);
        beta.getStyler().setYAxisMin(0.0).setYAxisMax(Math.max(betaMax, 1e-9) * 1.03);
        int units = rows.stream().mapToInt(HistoryRow::activeUnits).max().orElse(-1);
        if (units >= 0) {
            integerAxis(active, false, 0, units);
        }
        return panels;
    }

    /** A 2-D map coloured by cluster (-1 drawn as noise in grey). */
    public static Path scatterByCluster(String title, double[][] points, int[] clusters, Path out) {
        List<String> names = Arrays.stream(clusters).mapToObj(c -> c < 0 ? NOISE : "cluster " + c).toList();
        return scatter(title, points, names, out);
    }

    /**
     * Whether a map coloured by {@code categories} is worth drawing: some point has one (a map with
     * every point "unknown", as on a collection without lyrics, says nothing).
     */
    public static boolean anyKnown(List<String> categories) {
        return categories.stream().anyMatch(c -> c != null && !c.equals(UNKNOWN));
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
     * Metrics of several methods as small multiples: one panel per metric, each with its own scale
     * and one bar per row (labelled by {@link #barLabels}, every one written), three panels to a row
     * (two when many bars widen them). Undefined (NaN) metrics are left out of their panel rather
     * than drawn as zero.
     */
    public static Path metricBars(List<ResultRow> rows, List<Metric> metrics, Path out) {
        List<CategoryChart> panels = metricCharts(rows, metrics);
        int cols = Math.min(panels.isEmpty() || panels.get(0).getWidth() <= 420 ? 3 : 2, Math.max(1, panels.size()));
        return saveGrid(panels, (panels.size() + cols - 1) / cols, cols, out);
    }

    /** The panels of {@link #metricBars}. */
    static List<CategoryChart> metricCharts(List<ResultRow> rows, List<Metric> metrics) {
        List<String> labels = barLabels(rows);
        Font tickFont = baseFont();
        double longest = labels.stream().mapToDouble(l -> textWidth(l, tickFont)).max().orElse(0);
        // labels stand upright under their bars; the panel grows by their length so the bars keep their height
        int height = 300 + (int) Math.ceil(longest);
        List<CategoryChart> panels = new ArrayList<>();
        for (int m = 0; m < metrics.size(); m++) {
            Metric metric = metrics.get(m);
            CategoryChart chart = new CategoryChartBuilder().width(Math.max(400, 110 + 18 * rows.size())).height(height)
                    .title(metric.title() + (metric.higherIsBetter() ? " (higher is better)" : " (lower is better)"))
                    .yAxisTitle(metric.column()).build();
            style(chart.getStyler());
            chart.getStyler().setLegendVisible(false);
            chart.getStyler().setXAxisLabelRotation(90);
            // XChart skips category labels closer than this hint (74 px by default); upright ones need a line
            chart.getStyler().setXAxisTickMarkSpacingHint(UPRIGHT_LABEL_SPACING);
            chart.getStyler().setYAxisTickLabelsFormattingFunction(Numbers::fourDigits);
            List<Double> values = rows.stream().map(r -> finiteOrNull(metric.of(r))).toList();
            chart.addSeries(metric.column(), labels, values).setFillColor(PALETTE[m % PALETTE.length]);
            panels.add(chart);
        }
        return panels;
    }

    /**
     * Cluster composition: for each cluster, stacked bars of the share of each genre (left) and each
     * language (right) among its tracks. The panels' titles are short; the caption names the method.
     */
    public static Path clusterComposition(int[] clusters, List<String> genres, List<String> languages, Path out) {
        return saveGrid(compositionCharts(clusters, genres, languages), 1, 2, out);
    }

    static List<CategoryChart> compositionCharts(int[] clusters, List<String> genres, List<String> languages) {
        return List.of(shares("Genre share per cluster", clusters, genres),
                shares("Language share per cluster", clusters, languages));
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
     * grid of heat maps with one shared colour scale, drawn once at the right as a colour bar
     * titled {@code unit}; low rows at the bottom, labelled by {@code rowLabels} (e.g. each mel
     * band's centre frequency), a few of them written.
     */
    public static Path heatMapGrid(Map<String, double[][]> panels, String xTitle, String yTitle, List<String> rowLabels,
                                   String unit, Path out) {
        double[] range = finiteRange(panels.values());
        List<HeatMapChart> charts = heatMapPanels(panels, xTitle, yTitle, rowLabels, range);
        int cols = Math.min(3, Math.max(1, charts.size()));
        BufferedImage grid = grid(charts, (charts.size() + cols - 1) / cols, cols, COLOUR_BAR_WIDTH);
        Graphics2D g = grid.createGraphics();
        try {
            colourBar(g, grid.getWidth() - COLOUR_BAR_WIDTH, grid.getHeight(), range[0], range[1], unit);
        } finally {
            g.dispose();
        }
        return write(grid, out);
    }

    /** The panels of {@link #heatMapGrid}, without their own colour legends, on the scale {@code range}. */
    static List<HeatMapChart> heatMapPanels(Map<String, double[][]> panels, String xTitle, String yTitle,
                                            List<String> rowLabels, double[] range) {
        List<HeatMapChart> charts = new ArrayList<>();
        for (Map.Entry<String, double[][]> e : panels.entrySet()) {
            double[][] m = e.getValue();
            if (m.length != rowLabels.size()) {
                throw new IllegalArgumentException("panel '" + e.getKey() + "' has " + m.length + " rows but "
                        + rowLabels.size() + " row labels were given; give one label per row");
            }
            List<String> cols = indexLabels(m.length == 0 ? 0 : m[0].length);
            HeatMapChart chart = heatMapChart(e.getKey(), xTitle, yTitle, cols, rowLabels, m, 500, 420);
            chart.getStyler().setLegendVisible(false);
            // XChart reads this count for both axes of a heat map: a handful of labelled rows and columns
            chart.getStyler().setXAxisMaxLabelCount(HEAT_MAP_LABELS);
            chart.getStyler().setMin(range[0]).setMax(range[1]);
            charts.add(chart);
        }
        return charts;
    }

    /**
     * The colour bar's ticks over {@code [min, max]}: multiples of the round step (1, 2 or 5 × 10^n)
     * that gives at most {@value #COLOUR_BAR_TICKS} of them.
     */
    static double[] colourBarTicks(double min, double max) {
        if (!(max > min)) {
            return new double[] {min};
        }
        double step = Math.pow(10, Math.floor(Math.log10((max - min) / COLOUR_BAR_TICKS)));
        for (double f : new double[] {1, 2, 5, 10}) {
            if ((max - min) / (f * step) <= COLOUR_BAR_TICKS) {
                step *= f;
                break;
            }
        }
        double first = Math.ceil(min / step) * step;
        int n = (int) Math.floor((max - first) / step + 1e-9) + 1;
        double[] ticks = new double[n];
        for (int i = 0; i < n; i++) {
            // round away the drift of repeated addition (0.30000000000000004)
            ticks[i] = new java.math.BigDecimal(first + i * step).round(new java.math.MathContext(12)).doubleValue();
        }
        return ticks;
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

    /** Line chart of named curves, e.g. the mean MFCC profile of each genre. */
    public static Path lines(String title, String xTitle, String yTitle, List<Curve> curves, Path out) {
        return save(lineChart(title, xTitle, yTitle, curves), out);
    }

    /**
     * Sweep curves from result rows: one line per representation, the metric against the number of
     * clusters found, each point the best over the representation's algorithms of the mean over
     * seeds at that number (best as {@link Metric#higherIsBetter()} says).
     */
    public static Path sweep(String title, List<ResultRow> rows, Metric metric, Path out) {
        return save(sweepChart(title, rows, metric), out);
    }

    static XYChart sweepChart(String title, List<ResultRow> rows, Metric metric) {
        Map<String, Map<String, TreeMap<Integer, double[]>>> sums = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            double v = metric.of(r);
            if (!Double.isFinite(v)) {
                continue;
            }
            double[] sumCount = sums.computeIfAbsent(r.representation(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.algorithm(), k -> new TreeMap<>())
                    .computeIfAbsent(r.scores().nClusters(), k -> new double[2]);
            sumCount[0] += v;
            sumCount[1]++;
        }
        List<Curve> curves = new ArrayList<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (Map.Entry<String, Map<String, TreeMap<Integer, double[]>>> rep : sums.entrySet()) {
            TreeMap<Integer, Double> best = new TreeMap<>();
            for (TreeMap<Integer, double[]> byK : rep.getValue().values()) {
                byK.forEach((k, sc) -> best.merge(k, sc[0] / sc[1], metric.higherIsBetter() ? Math::max : Math::min));
            }
            first = Math.min(first, best.firstKey());
            last = Math.max(last, best.lastKey());
            curves.add(new Curve(rep.getKey(), best.keySet().stream().mapToDouble(Integer::doubleValue).toArray(),
                    best.values().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        XYChart chart = lineChart(title, "clusters found", metric.column() + " (best algorithm)", curves);
        if (!curves.isEmpty()) {
            integerAxis(chart, true, first, last);
        }
        return chart;
    }

    /**
     * Lines with markers, one colour a curve and, past the palette's end, another marker shape; the
     * chart grows taller when the legend (outside, at the right) needs the room.
     */
    private static XYChart lineChart(String title, String xTitle, String yTitle, List<Curve> curves) {
        int legendHeight = LEGEND_ROW * curves.size() + 120;
        XYChart chart = xy(title, xTitle, yTitle, 900, Math.max(600, legendHeight));
        chart.getStyler().setMarkerSize(7);
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            XYSeries s = line(chart, curve.name(), curve.x(), curve.y());
            if (s != null) {
                s.setLineColor(PALETTE[c % PALETTE.length]);
                s.setMarkerColor(PALETTE[c % PALETTE.length]);
                s.setMarker(MARKERS[(c / PALETTE.length) % MARKERS.length]);
            }
        }
        return chart;
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
        chart.getStyler().setRangeColors(HEAT_COLOURS);
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
        chart.getStyler().setYAxisTickLabelsFormattingFunction(Numbers::fourDigits);
        return chart;
    }

    /**
     * Integer ticks ({@code 0, 10, 20}, never {@code 2.5}) on an axis whose values are integers from
     * {@code lo} to {@code hi}. The axis runs half a unit past both ends: XChart puts a tick on every
     * value of an evenly spaced axis (epochs 1…80 ran together), and the half unit keeps it on round
     * steps instead; the spacing hint keeps those steps at least one unit apart.
     */
    private static void integerAxis(XYChart chart, boolean xAxis, int lo, int hi) {
        AxesChartStyler styler = chart.getStyler();
        int length = xAxis ? chart.getWidth() : chart.getHeight();
        int hint = Math.max(xAxis ? 60 : 40, length / Math.max(1, hi - lo) + 1);
        if (xAxis) {
            styler.setXAxisMin(lo - 0.5).setXAxisMax(hi + 0.5).setXAxisTickMarkSpacingHint(hint);
            styler.setXAxisDecimalPattern("0");
        } else {
            styler.setYAxisMin(lo - 0.5).setYAxisMax(hi + 0.5).setYAxisTickMarkSpacingHint(hint);
            styler.setYAxisTickLabelsFormattingFunction(null);
            styler.setYAxisDecimalPattern("0");
        }
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
        styler.setBaseFont(baseFont());
        if (styler instanceof AxesChartStyler axes) {
            axes.setPlotGridLinesColor(new Color(0xE5E5E5));
        }
    }

    private static Font baseFont() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    }

    static double textWidth(String text, Font font) {
        return text.isEmpty() ? 0 : new TextLayout(text, font, FRC).getBounds().getWidth();
    }

    /**
     * The title as it fits its chart: XChart centres a title on one line and cuts what overflows on
     * both sides, so a longer one loses its middle to an ellipsis (the caption has it whole).
     */
    static String fittedTitle(String title, Font font, int width) {
        double room = width - 2.0 * TITLE_MARGIN;
        if (title == null || textWidth(title, font) <= room) {
            return title;
        }
        int keep = title.length();
        String shortened;
        do {
            keep--;
            shortened = title.substring(0, (keep + 1) / 2) + "\u2026" + title.substring(title.length() - keep / 2);
        } while (keep > 0 && textWidth(shortened, font) > room);
        return shortened;
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

    /**
     * Method labels for bars: representation, algorithm and the parameters whose values differ
     * between the rows of that algorithm ({@code n_init=10} on every K-Means bar tells nothing),
     * made unique with {@code #2}, {@code #3} (a sweep can repeat one label over seeds).
     */
    static List<String> barLabels(List<ResultRow> rows) {
        Map<List<String>, java.util.Set<String>> values = new LinkedHashMap<>();
        rows.forEach(r -> r.parameters().forEach((k, v) -> values.computeIfAbsent(List.of(r.algorithm(), k),
                x -> new TreeSet<>()).add(v)));
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (ResultRow r : rows) {
            StringBuilder label = new StringBuilder(r.representation()).append(' ').append(r.algorithm());
            r.parameters().forEach((k, v) -> {
                if (values.get(List.of(r.algorithm(), k)).size() > 1) {
                    label.append(' ').append(k).append('=').append(v);
                }
            });
            String l = label.toString();
            int n = seen.merge(l, 1, Integer::sum);
            out.add(n == 1 ? l : l + " #" + n);
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
        return write(grid(charts, rows, cols, 0), out);
    }

    /** The charts drawn into a grid of equal cells, with {@code extraWidth} blank pixels at the right. */
    private static BufferedImage grid(List<? extends Chart<?, ?>> charts, int rows, int cols, int extraWidth) {
        int cellW = charts.stream().mapToInt(Chart::getWidth).max().orElse(1);
        int cellH = charts.stream().mapToInt(Chart::getHeight).max().orElse(1);
        BufferedImage grid = new BufferedImage(cols * cellW + extraWidth, rows * cellH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
            for (int i = 0; i < charts.size(); i++) {
                Chart<?, ?> chart = charts.get(i);
                chart.setTitle(fittedTitle(chart.getTitle(), chart.getStyler().getChartTitleFont(), chart.getWidth()));
                g.drawImage(BitmapEncoder.getBufferedImage(chart), (i % cols) * cellW, (i / cols) * cellH, null);
            }
        } finally {
            g.dispose();
        }
        return grid;
    }

    private static Path write(BufferedImage image, Path out) {
        try {
            prepare(out);
            ImageIO.write(image, "png", out.toFile());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write plot " + out + ": " + e.getMessage(), e);
        }
    }

    /** Smallest and largest finite value of the matrices ({@code NaN}s when there is none). */
    private static double[] finiteRange(java.util.Collection<double[][]> matrices) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[][] m : matrices) {
            for (double[] r : m) {
                for (double v : r) {
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        return min <= max ? new double[] {min, max} : new double[] {Double.NaN, Double.NaN};
    }

    /**
     * A vertical colour bar in the heat maps' colours (low at the bottom) in the strip of width
     * {@link #COLOUR_BAR_WIDTH} starting at {@code x}, its ticks from {@link #colourBarTicks} and
     * {@code unit} above it.
     */
    private static void colourBar(Graphics2D g, int x, int height, double min, double max, String unit) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(baseFont());
        g.setColor(Color.DARK_GRAY);
        int top = 60;
        int bottom = Math.max(top + 40, Math.min(height - 60, top + 360));
        int barX = x + 10;
        int barW = 18;
        g.drawString(unit, barX, top - 12);
        if (!(max >= min)) {
            return;
        }
        float[] fractions = new float[HEAT_COLOURS.length];
        for (int i = 0; i < fractions.length; i++) {
            fractions[i] = (float) i / (fractions.length - 1);
        }
        g.setPaint(new java.awt.LinearGradientPaint(barX, bottom, barX, top, fractions, HEAT_COLOURS));
        g.fillRect(barX, top, barW, bottom - top);
        g.setColor(Color.DARK_GRAY);
        g.drawRect(barX, top, barW, bottom - top);
        double span = max > min ? max - min : 1;
        int ascent = g.getFontMetrics().getAscent();
        for (double t : colourBarTicks(min, max)) {
            int y = (int) Math.round(bottom - (t - min) / span * (bottom - top));
            g.drawLine(barX + barW, y, barX + barW + 4, y);
            g.drawString(Numbers.fourDigits(t), barX + barW + 7, y + ascent / 2 - 1);
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
