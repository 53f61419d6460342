package gaan.eval;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Which clustering of a task is its answer, by one criterion: among the runs their sweep selected
 * ({@link SelectionRule}) whose representation did not use the evaluation labels, with at least two
 * clusters and coverage of at least {@code minCoverage}, the best finite value; ties go to the
 * earliest run. The run log, the report's summary and {@code gaan report} all read this rule;
 * {@link #toString()} is the sentence the report prints.
 */
public record AnswerRule(double minCoverage) {
    /** The rule gaan uses: half of the tracks in clusters at least. */
    public static final AnswerRule DEFAULT = new AnswerRule(0.5);

    /**
     * What the rule reads of one scored clustering.
     *
     * @param selectedInSweep   the sweep's {@link SelectionRule} chose it
     * @param labelsUsedAsInput the evaluation labels were an input of its representation
     * @param value             the criterion's value (NaN: undefined)
     */
    public record Candidate(boolean selectedInSweep, boolean labelsUsedAsInput, int nClusters, double coverage,
                            double value) {
    }

    public AnswerRule {
        if (!(minCoverage >= 0 && minCoverage <= 1)) {
            throw new IllegalArgumentException("minCoverage is a share in [0, 1], got " + minCoverage);
        }
    }

    /** The index of the answer among {@code candidates}, or empty when none is eligible. */
    public OptionalInt best(List<Candidate> candidates, boolean higherIsBetter) {
        int best = -1;
        double bestValue = Double.NaN;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (!c.selectedInSweep() || c.labelsUsedAsInput() || c.nClusters() < 2 || !(c.coverage() >= minCoverage)
                    || !Double.isFinite(c.value())) {
                continue;
            }
            if (best < 0 || (higherIsBetter ? c.value() > bestValue : c.value() < bestValue)) {
                best = i;
                bestValue = c.value();
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "among the selected run of every sweep whose representation did not use "
                + "the evaluation labels, with at least two clusters and coverage of at least %.0f%%",
                100 * minCoverage);
    }
}
