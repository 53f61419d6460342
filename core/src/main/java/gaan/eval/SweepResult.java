package gaan.eval;

import gaan.cluster.Method;
import gaan.cluster.Partition;

/**
 * One row of a sweep: the method, its partition and scores, the fit's and the scoring's seconds; or, when the
 * method could not run on these data (e.g. more clusters than points), no partition or scores and
 * the reason in {@code error}.
 */
public record SweepResult(Method method, Partition partition, Scores scores, double fitSeconds, double scoreSeconds,
                          String error) {
    public boolean failed() {
        return error != null;
    }
}
