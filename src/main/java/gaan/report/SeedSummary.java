package gaan.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mean ± standard deviation over seeds of the selected run of every sweep, one row per
 * representation and algorithm: {@code clustering_summary.csv}. The standard deviation is the
 * sample one (ddof 1, as pandas' {@code std}); NaN scores of a seed are left out of its metric,
 * and a metric with no defined value is NaN.
 *
 * @param seeds number of seeds summarised
 * @param mean  per {@link Metric}, in declaration order
 * @param std   per {@link Metric}, in declaration order
 */
public record SeedSummary(String task, String representation, String inputs, boolean labelsUsedAsInput,
                          String algorithm, int seeds, double[] mean, double[] std) {

    public static final String FILE = "clustering_summary.csv";

    public static List<SeedSummary> of(List<ResultRow> rows) {
        Map<String, List<ResultRow>> groups = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            if (r.selected()) {
                groups.computeIfAbsent(r.representation() + "\u0000" + r.algorithm(), k -> new ArrayList<>()).add(r);
            }
        }
        List<SeedSummary> out = new ArrayList<>();
        Metric[] metrics = Metric.values();
        for (List<ResultRow> g : groups.values()) {
            double[] mean = new double[metrics.length];
            double[] std = new double[metrics.length];
            for (int m = 0; m < metrics.length; m++) {
                double[] v = g.stream().mapToDouble(metrics[m]::of).filter(x -> !Double.isNaN(x)).toArray();
                double mu = java.util.Arrays.stream(v).average().orElse(Double.NaN);
                double ss = 0;
                for (double x : v) {
                    ss += (x - mu) * (x - mu);
                }
                mean[m] = mu;
                std[m] = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : Double.NaN;
            }
            ResultRow f = g.get(0);
            out.add(new SeedSummary(f.task(), f.representation(), f.inputs(), f.labelsUsedAsInput(), f.algorithm(),
                    g.size(), mean, std));
        }
        return out;
    }

    /** Columns of {@link #FILE}: the identifying columns, then {@code <metric>_mean, <metric>_std} per metric. */
    public static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("task", "representation", "inputs", "labels_used_as_input",
                "algorithm", "seeds"));
        for (Metric m : Metric.values()) {
            c.add(m.column() + "_mean");
            c.add(m.column() + "_std");
        }
        return c;
    }

    List<Object> record() {
        List<Object> rec = new ArrayList<>(List.of(task, representation, inputs, labelsUsedAsInput, algorithm, seeds));
        for (int m = 0; m < mean.length; m++) {
            rec.add(RunWriter.number(mean[m]));
            rec.add(RunWriter.number(std[m]));
        }
        return rec;
    }
}
