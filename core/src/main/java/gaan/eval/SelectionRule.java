package gaan.eval;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * How the reported best run of a sweep is chosen: the best value of one criterion among the runs
 * that succeeded, cover at least {@code minCoverage} of the points, and have the criterion
 * defined; ties go to the earliest run. {@link #toString()} is the text written into the results.
 */
public record SelectionRule(Criterion criterion, double minCoverage) {
    /** What is compared, and which way is better. */
    public enum Criterion {
        SILHOUETTE("silhouette", true, r -> r.scores().silhouette()),
        DAVIES_BOULDIN("Davies-Bouldin index", false, r -> r.scores().daviesBouldin()),
        CALINSKI_HARABASZ("Calinski-Harabasz index", true, r -> r.scores().calinskiHarabasz()),
        BIC("BIC", false, r -> r.partition().bic());

        private final String label;
        private final boolean higherIsBetter;
        private final ToDoubleFunction<SweepResult> value;

        Criterion(String label, boolean higherIsBetter, ToDoubleFunction<SweepResult> value) {
            this.label = label;
            this.higherIsBetter = higherIsBetter;
            this.value = value;
        }
    }

    public SelectionRule {
        if (!(minCoverage >= 0 && minCoverage <= 1)) {
            throw new IllegalArgumentException("minCoverage is a share in [0, 1], got " + minCoverage);
        }
    }


    public Optional<SweepResult> select(List<SweepResult> runs) {
        SweepResult best = null;
        double bestValue = Double.NaN;
        for (SweepResult run : runs) {
            if (run.failed() || run.scores().coverage() < minCoverage) {
                continue;
            }
            double v = criterion.value.applyAsDouble(run);
            if (Double.isNaN(v)) {
                continue;
            }
            if (best == null || (criterion.higherIsBetter ? v > bestValue : v < bestValue)) {
                best = run;
                bestValue = v;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s among runs covering at least %.0f%% of points with it defined;"
                + " ties go to the earliest run", criterion.higherIsBetter ? "highest" : "lowest", criterion.label,
                100 * minCoverage);
    }
}
