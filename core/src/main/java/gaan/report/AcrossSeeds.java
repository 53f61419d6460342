package gaan.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Result rows that differ only in their seed, summarised as mean ± standard deviation per metric.
 * The standard deviation is the sample one (ddof = 1, as pandas' {@code std}); with one finite
 * value it is NaN. Undefined (NaN) values of a seed are left out of that metric's summary, and
 * {@link Stat#n()} says how many seeds counted. Every algorithm is grouped, DBSCAN with a knee eps
 * included, and k chosen from the data: values fitted per seed do not split a method (see
 * {@link #settings}).
 */
public final class AcrossSeeds {

    /** Mean, sample standard deviation and number of finite values. */
    public record Stat(double mean, double std, int n) {
    }

    /**
     * One method over its seeds.
     *
     * @param first  the first row of the group (its representation, inputs, flag, algorithm)
     * @param params the settings the seeds share: {@link ResultRow#params()} without the values
     *               fitted per seed (see {@link #settings})
     * @param seeds  number of rows (seeds) in the group
     * @param stats  summary per metric
     */
    public record Group(ResultRow first, String params, int seeds, Map<Metric, Stat> stats) {
        public Stat stat(Metric m) {
            return stats.get(m);
        }
    }

    private AcrossSeeds() {
    }

    /** Groups in order of first appearance. */
    public static List<Group> of(List<ResultRow> rows) {
        Map<List<Object>, List<ResultRow>> groups = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            groups.computeIfAbsent(List.of(r.representation(), r.inputs(), r.labelsUsedAsInput(), r.algorithm(),
                    settings(r)), k -> new ArrayList<>()).add(r);
        }
        List<Group> out = new ArrayList<>();
        for (List<ResultRow> g : groups.values()) {
            Map<Metric, Stat> stats = new EnumMap<>(Metric.class);
            for (Metric m : Metric.values()) {
                stats.put(m, stat(g.stream().mapToDouble(m::of).filter(Double::isFinite).toArray()));
            }
            out.add(new Group(g.get(0), settings(g.get(0)), g.size(), stats));
        }
        return out;
    }

    /**
     * A row's parameters as set, without those the algorithm chose from the data at fit time (named
     * {@code *_value}, such as DBSCAN's {@code eps_value} for {@code eps=knee×1.0}), and with
     * {@code k=from the data} where k was chosen per seed ({@link ResultRow#kFromData()}): these
     * differ from seed to seed by design, so the same setting over several seeds is one method.
     */
    static String settings(ResultRow r) {
        return r.parameters().entrySet().stream().filter(e -> !e.getKey().endsWith(FITTED_SUFFIX))
                .map(e -> e.getKey() + "=" + (e.getKey().equals("k") && r.kFromData() ? "from the data" : e.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static final String FITTED_SUFFIX = "_value";

    /** True when some method was run with more than one seed. */
    public static boolean hasRepeats(List<ResultRow> rows) {
        return of(rows).stream().anyMatch(g -> g.seeds() > 1);
    }

    static Stat stat(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Stat(Double.NaN, Double.NaN, 0);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new Stat(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN, n);
    }
}
