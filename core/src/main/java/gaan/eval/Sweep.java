package gaan.eval;

import java.util.ArrayList;
import java.util.List;

import gaan.cluster.Clusterer;
import gaan.cluster.Partition;

/**
 * Runs each candidate on the same points, in order, and scores every partition; a candidate that
 * rejects the data (IllegalArgumentException, e.g. k above the number of points) becomes a failed
 * row instead of stopping the sweep. Pick the reported run with a {@link SelectionRule}.
 */
public final class Sweep {
    private final Metrics metrics;

    public Sweep(Metrics metrics) {
        this.metrics = metrics;
    }

    /**
     * @param truth labels for external metrics (-1 = unlabelled), or null
     */
    public List<SweepResult> run(double[][] x, List<? extends Clusterer> candidates, int[] truth) {
        List<SweepResult> runs = new ArrayList<>(candidates.size());
        for (Clusterer c : candidates) {
            long start = System.nanoTime();
            Partition p;
            try {
                p = c.fit(x);
            } catch (IllegalArgumentException e) {
                runs.add(new SweepResult(c.method(), null, null, (System.nanoTime() - start) / 1e9, 0, e.getMessage()));
                continue;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long scoring = System.nanoTime();
            Scores scores = metrics.score(x, p, truth);
            runs.add(new SweepResult(p.method(), p, scores, seconds, (System.nanoTime() - scoring) / 1e9, null));
        }
        return runs;
    }
}
