package gaan.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import gaan.cluster.Agglomerative;
import gaan.cluster.Clusterer;
import gaan.cluster.KMeans;
import gaan.cluster.Partition;
import gaan.cluster.Spectral;

/**
 * Chooses the number of clusters from the points alone, over k = 2 … min({@value #MAX_K}, n / 5):
 * for spectral clustering the highest modularity of its cut on its own kNN graph (White &amp;
 * Smyth 2005), the lowest BIC for Gaussian mixtures, the highest silhouette for every other algorithm
 * (K-Means, agglomerative: one merge tree cut at every k), on at most {@value #SILHOUETTE_SAMPLE}
 * points. Ties go to the smaller k. No labels are read.
 */
public final class KSelection {
    public static final int MAX_K = 20;

    /** How k was chosen. */
    public enum Criterion {
        MODULARITY("highest modularity on the kNN graph"),
        BIC("lowest BIC"),
        SILHOUETTE("highest silhouette");

        private final String text;

        Criterion(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * @param ks     the candidates, increasing
     * @param scores the criterion per candidate (modularity, BIC, or silhouette); NaN when a
     *               candidate could not run
     * @param partitions per candidate, the sweep's partition where it is the fit's ({@link #partition}), else null
     */
    public record Choice(int k, Criterion criterion, int[] ks, double[] scores, List<Partition> partitions) {
        /**
         * The sweep's partition into {@code clusters}, when the sweep made exactly what a fit at that k
         * gives (spectral's cuts, agglomerative's tree; not K-Means, swept with one restart); else null.
         */
        public Partition partition(int clusters) {
            for (int i = 0; i < ks.length; i++) {
                if (ks[i] == clusters) {
                    return partitions.get(i);
                }
            }
            return null;
        }

        /**
         * Text for a result row's note: {@code k=6 from the data (highest silhouette over k=2..20)};
         * {@code gaan.report.ResultRow#kFromData()} recognises it.
         */
        public String note() {
            return "k=" + k + " from the data (" + criterion + " over k=" + ks[0] + ".." + ks[ks.length - 1] + ")";
        }
    }

    /**
     * Points the silhouette criterion is computed on at most (a fixed-seed sample above that, as
     * scikit-learn's {@code sample_size}): it scores up to 19 partitions per choice.
     */
    public static final int SILHOUETTE_SAMPLE = 2000;

    /**
     * Restarts of each K-Means candidate while k is chosen: one, as scikit-learn ≥ 1.4 runs
     * k-means++ by default ({@code n_init='auto'}); the clustering at the chosen k then runs with
     * the spec's own restarts. Ten restarts for each of up to 19 candidates was most of the
     * clustering time on large collections.
     */
    public static final int SWEEP_RESTARTS = 1;

    private final Metrics metrics;

    public KSelection(int threads) {
        this.metrics = new Metrics(threads, SILHOUETTE_SAMPLE, 0);
    }

    /** The candidate k for n points: 2 … min(20, n / 5), at least {2}. */
    public static List<Integer> candidates(int n) {
        List<Integer> out = new ArrayList<>();
        for (int k = 2; k <= Math.max(2, Math.min(MAX_K, n / 5)); k++) {
            out.add(k);
        }
        return out;
    }

    /**
     * Chooses k for the family {@code withK} (the same clusterer for any k: same seed, threads and
     * other parameters).
     *
     * @throws IllegalArgumentException if no candidate k can be scored on these points
     */
    public Choice choose(double[][] x, IntFunction<Clusterer> withK) {
        int[] ks = candidates(x.length).stream().mapToInt(Integer::intValue).toArray();
        double[] scores = new double[ks.length];
        List<Partition> reusable = new ArrayList<>(java.util.Collections.nCopies(ks.length, null));
        Clusterer probe = withK.apply(ks[0]);
        Criterion criterion;
        if (probe instanceof Spectral spectral) {
            criterion = Criterion.MODULARITY;
            try {
                List<Spectral.Cut> cuts = spectral.fitEachK(x, ks);
                for (int i = 0; i < ks.length; i++) {
                    scores[i] = cuts.get(i).modularity();
                    reusable.set(i, cuts.get(i).partition());
                }
            } catch (IllegalArgumentException e) {
                Arrays.fill(scores, Double.NaN);
            }
        } else {
            criterion = probe.method().algorithm().equals("gmm") ? Criterion.BIC : Criterion.SILHOUETTE;
            List<Partition> partitions = new ArrayList<>();
            if (probe instanceof Agglomerative tree) {
                try {
                    partitions.addAll(tree.fitEachK(x, ks));
                    for (int i = 0; i < ks.length; i++) {
                        reusable.set(i, partitions.get(i));
                    }
                } catch (IllegalArgumentException e) {
                    Arrays.fill(scores, Double.NaN);
                }
            } else {
                for (int k : ks) {
                    try {
                        Clusterer candidate = withK.apply(k);
                        partitions.add((candidate instanceof KMeans kMeans ? kMeans.withRestarts(SWEEP_RESTARTS)
                                : candidate).fit(x));
                    } catch (IllegalArgumentException e) {
                        partitions.add(null);
                    }
                }
            }
            for (int i = 0; i < partitions.size(); i++) {
                Partition p = partitions.get(i);
                scores[i] = p == null ? Double.NaN
                        : criterion == Criterion.BIC ? p.bic() : metrics.silhouette(x, p.labels());
            }
        }
        int best = -1;
        for (int i = 0; i < ks.length; i++) {
            if (!Double.isNaN(scores[i]) && (best < 0
                    || (criterion == Criterion.BIC ? scores[i] < scores[best] : scores[i] > scores[best]))) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("no k in " + ks[0] + ".." + ks[ks.length - 1] + " could be scored by "
                    + criterion + " on " + x.length + " points");
        }
        return new Choice(ks[best], criterion, ks, scores, reusable);
    }
}
