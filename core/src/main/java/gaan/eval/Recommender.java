package gaan.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import gaan.cluster.Clusterer;
import gaan.cluster.Partition;
import gaan.linalg.Pca;

/**
 * The one label-free answer to "which clustering is it": among the candidate partitions of the
 * same tracks, the one that is most reproducible. Its evidence, all computed without labels:
 * <ul>
 * <li>stability beyond chance: the candidate's clusterer re-fitted on fixed-seed subsamples of
 *     {@code fraction} of the points, mean ARI with the full partition on each subsample, minus
 *     the same stability on null points: each column of the points permuted on its own (fixed
 *     seed), which keeps every feature's values and removes the structure between features (the
 *     reference of Tibshirani, Walther &amp; Hastie's gap statistic, 2001, drawn from the data),
 *     clustered by the same clusterer with the same k. A split that only follows how widely the
 *     features spread is as stable on the null and earns nothing (K-Means at k = 2 looks reliable
 *     on almost any data). The difference, not Lange et al.'s (s − null) / (1 − null), because
 *     that ratio turns noise into a large number when the null is close to 1;</li>
 * <li>seed agreement: mean ARI with the candidates of the same group (representation, algorithm
 *     and parameters) built from other seeds;</li>
 * <li>consensus: mean ARI with every other eligible candidate (the partition the others agree with);</li>
 * <li>silhouette (negative values count as 0), coverage and the largest cluster's share.</li>
 * </ul>
 * The score is coverage × the weighted mean of the defined terms among stability beyond chance, seed agreement,
 * consensus and silhouette ({@link Weights}, set once in {@link #standard()}). A candidate is never
 * recommended when labels shaped it (labels used as input, or k set to the number of labels);
 * degenerate answers (fewer than 2 clusters, too little coverage, one giant cluster; {@link Guards})
 * are left out unless nothing else remains. Ties go to the earliest candidate.
 *
 * <p>Across tasks (answers on different representations, often of the same tracks) the
 * shuffled-feature null is not a common footing: it depends on the basis. Features that rise and
 * fall together (40 correlated MFCC columns) lose that correlation when shuffled one by one, so the
 * null is a round cloud and any split of the elongated data looks reproducible beyond chance; the
 * same points given as principal-component scores get no such credit. Each task's chosen answer is
 * therefore also scored against a rotation-invariant null: the points' principal-component scores
 * each permuted on its own (the principal-axes reference of Tibshirani et al.'s gap statistic,
 * drawn from the data), which keeps the spread along every principal axis. That score
 * ({@link Evidence#scoreAcrossTasks()}) is the one {@link #best} compares, without the consensus
 * term: agreement with the task's other clusterings counts how alike the task's representations
 * are (raw MFCC, their PCA and a VAE of them are nearly the same points; descriptors and timbre
 * frames are not), not how good its answer is, so it is no common footing either. Within a task the
 * shuffled-feature null stays: on real music it is what prefers the full descriptor vector's
 * clustering to its 16-component PCA (docs/quality.md has the figures for both).
 */
public final class Recommender {
    /** Relative weights of the score's terms (need not sum to 1). */
    public record Weights(double stability, double seedAgreement, double consensus, double silhouette) {
    }

    /** What makes an answer degenerate. */
    public record Guards(int minClusters, double minCoverage, double maxLargestShare) {
    }

    /**
     * One partition to choose from.
     *
     * @param group       candidates that differ only by seed share it (e.g. representation|algorithm|params)
     * @param seed        the seed of the representation and clusterer
     * @param x           the points that were clustered (rows = the task's tracks)
     * @param clusterer   what made the partition, re-fitted for stability; null skips stability
     * @param labels      the partition (-1 = noise)
     * @param silhouette  its silhouette, NaN when undefined
     * @param usesLabels  labels were an input of the representation
     * @param kFromLabels k was set to the number of labels
     */
    public record Candidate(String group, long seed, double[][] x, Clusterer clusterer, int[] labels,
                            double silhouette, boolean usesLabels, boolean kFromLabels) {
    }

    /**
     * The evidence on one candidate; NaN where undefined (no other seed, not eligible).
     *
     * @param componentNullStability stability on the rotation-invariant null (each principal-component
     *                               score permuted on its own); computed for the chosen candidate only
     * @param scoreAcrossTasks       {@code score} with that null in place of the shuffled-feature one and
     *                               without consensus: what answers of different tasks are compared by;
     *                               chosen candidate only
     * @param excluded               why the candidate cannot be recommended, or null
     */
    public record Evidence(double stability, double nullStability, double componentNullStability,
                           double seedAgreement, double consensus, double silhouette, double coverage,
                           double largestShare, int clusters, double score, double scoreAcrossTasks, String excluded) {
        /** Stability beyond the null's: stability − null stability; NaN when either is undefined. */
        public double adjustedStability() {
            return Recommender.adjusted(stability, nullStability);
        }

        /** Stability beyond the rotation-invariant null's; NaN when either is undefined. */
        public double adjustedComponentStability() {
            return Recommender.adjusted(stability, componentNullStability);
        }
    }

    /** The recommended candidate (its index), the evidence on every candidate, and the rule in words. */
    public record Choice(int index, List<Evidence> evidence, String rule) {
        public Evidence chosen() {
            return evidence.get(index);
        }
    }

    /**
     * How stability is estimated: {@code subsamples} fixed-seed subsamples of {@code fraction} of
     * the points, or {@code largeSubsamples} above {@code largeFrom} points, where each re-fit costs
     * more and the ARI on one subsample varies less (it averages over more points). A subsample
     * holds at most {@code maxPoints} points, and the null is drawn from at most
     * {@code maxPoints / fraction} of them, so the rule's cost stops growing with the collection (as
     * the silhouette's sample does); below that size nothing changes.
     */
    public record Resampling(int subsamples, double fraction, int largeFrom, int largeSubsamples, int maxPoints) {
        public Resampling {
            if (subsamples < 0 || largeSubsamples < 0 || !(fraction > 0 && fraction < 1) || maxPoints < 2) {
                throw new IllegalArgumentException("Recommender needs subsamples ≥ 0, 0 < fraction < 1 and maxPoints ≥ 2;"
                        + " got " + subsamples + ", " + largeSubsamples + ", " + fraction + ", " + maxPoints);
            }
        }

        int count(int n) {
            return n > largeFrom ? largeSubsamples : subsamples;
        }

        /** Points in one subsample of {@code n}. */
        int size(int n) {
            return (int) Math.min(Math.round(fraction * n), maxPoints);
        }

        /** Points the null is drawn from, of {@code n}. */
        int nullSize(int n) {
            return (int) Math.min(n, Math.round(maxPoints / fraction));
        }
    }

    private final Weights weights;
    private final Guards guards;
    private final Resampling resampling;
    private final long seed;

    public Recommender(Weights weights, Guards guards, Resampling resampling, long seed) {
        this.weights = weights;
        this.guards = guards;
        this.resampling = resampling;
        this.seed = seed;
    }

    /** gaan's rule: every constant of the recommendation is set here. */
    public static Recommender standard() {
        return new Recommender(new Weights(0.4, 0.2, 0.2, 0.2), new Guards(2, 0.5, 0.8),
                new Resampling(10, 0.8, 500, 3, 2000), 0);
    }

    /** The rule in one plain sentence, for the results. */
    public String rule() {
        return String.format(Locale.ROOT, "Chosen without labels: the clustering with the highest coverage × weighted"
                + " mean of stability beyond chance (re-fitted on %d subsamples of %.0f%% of the tracks, %d above %d"
                + " tracks, at most %d tracks each, minus the same with each feature shuffled across the tracks on its own;"
                + " weight %s), agreement across seeds (%s), agreement with the other clusterings (%s) and silhouette"
                + " (%s), among those with at least %d clusters, coverage of at least %.0f%% and no cluster holding more"
                + " than %.0f%% of the tracks; clusterings whose representation or k came from the labels are never"
                + " chosen. Across tasks the answers are compared by the same score with each principal-component"
                + " score shuffled instead of each feature, which gives the same points the same credit in any basis,"
                + " and without the agreement with the task's other clusterings, which counts how alike a task's"
                + " representations are.",
                resampling.subsamples, 100 * resampling.fraction, resampling.largeSubsamples,
                resampling.largeFrom, resampling.maxPoints, num(weights.stability), num(weights.seedAgreement), num(weights.consensus),
                num(weights.silhouette), guards.minClusters, 100 * guards.minCoverage, 100 * guards.maxLargestShare);
    }

    private static String num(double w) {
        return String.format(Locale.ROOT, "%.2g", w);
    }

    /**
     * Chooses among candidates of the same tracks; empty when every candidate used the labels
     * (or there are none).
     */
    public Optional<Choice> recommend(List<Candidate> candidates) {
        int c = candidates.size();
        String[] excluded = new String[c];
        double[] coverage = new double[c];
        double[] largest = new double[c];
        int[] clusters = new int[c];
        for (int i = 0; i < c; i++) {
            Candidate cand = candidates.get(i);
            int[] labels = cand.labels();
            int[] sizes = sizes(labels);
            clusters[i] = sizes.length;
            int covered = Arrays.stream(sizes).sum();
            coverage[i] = labels.length == 0 ? 0 : (double) covered / labels.length;
            largest[i] = labels.length == 0 ? 1 : (double) Arrays.stream(sizes).max().orElse(0) / labels.length;
            if (cand.usesLabels()) {
                excluded[i] = "labels were an input of the representation";
            } else if (cand.kFromLabels()) {
                excluded[i] = "k was set to the number of labels";
            }
        }
        boolean[] labelFree = new boolean[c];
        for (int i = 0; i < c; i++) {
            labelFree[i] = excluded[i] == null;
        }
        if (!any(labelFree)) {
            return Optional.empty();
        }
        for (int i = 0; i < c; i++) {
            if (excluded[i] != null) {
                continue;
            }
            if (clusters[i] < guards.minClusters) {
                excluded[i] = "fewer than " + guards.minClusters + " clusters";
            } else if (coverage[i] < guards.minCoverage) {
                excluded[i] = String.format(Locale.ROOT, "coverage %.2f below %.2f", coverage[i], guards.minCoverage);
            } else if (largest[i] > guards.maxLargestShare) {
                excluded[i] = String.format(Locale.ROOT, "largest cluster holds %.0f%% of the tracks", 100 * largest[i]);
            }
        }
        boolean[] pool = new boolean[c];
        for (int i = 0; i < c; i++) {
            pool[i] = excluded[i] == null;
        }
        // Nothing survives the degeneracy guards: choose among the label-free candidates anyway.
        boolean relaxed = !any(pool);
        if (relaxed) {
            pool = labelFree;
        }
        List<Evidence> evidence = new ArrayList<>(c);
        Map<double[][], double[][]> nulls = new IdentityHashMap<>();
        int best = -1;
        for (int i = 0; i < c; i++) {
            Candidate cand = candidates.get(i);
            if (!pool[i]) {
                evidence.add(new Evidence(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, cand.silhouette(),
                        coverage[i], largest[i], clusters[i], Double.NaN, Double.NaN, excluded[i]));
                continue;
            }
            double stability = stability(cand, cand.x(), cand.labels());
            double nullStability = nullStability(cand, nulls, this::featureNull);
            double seeds = meanAri(candidates, i, pool, true);
            double consensus = meanAri(candidates, i, pool, false);
            double score = score(coverage[i], adjusted(stability, nullStability), seeds, consensus, cand.silhouette());
            evidence.add(new Evidence(stability, nullStability, Double.NaN, seeds, consensus, cand.silhouette(),
                    coverage[i], largest[i], clusters[i], score, Double.NaN, relaxed ? excluded[i] : null));
            if (best < 0 || orLowest(score) > orLowest(evidence.get(best).score())) {
                best = i;
            }
        }
        Evidence e = evidence.get(best);
        double componentNull = nullStability(candidates.get(best), new IdentityHashMap<>(), this::componentNull);
        evidence.set(best, new Evidence(e.stability(), e.nullStability(), componentNull, e.seedAgreement(),
                e.consensus(), e.silhouette(), e.coverage(), e.largestShare(), e.clusters(), e.score(),
                score(e.coverage(), adjusted(e.stability(), componentNull), e.seedAgreement(), Double.NaN,
                        e.silhouette()), e.excluded()));
        String rule = relaxed ? rule() + " No clustering passed the guards, so the best label-free one was taken."
                : rule();
        return Optional.of(new Choice(best, evidence, rule));
    }

    /** coverage × the weighted mean of the defined terms; a negative silhouette counts as 0. */
    private double score(double coverage, double adjustedStability, double seeds, double consensus, double silhouette) {
        double sil = Double.isNaN(silhouette) ? Double.NaN : Math.max(0, silhouette);
        return coverage * weightedMean(new double[] {adjustedStability, seeds, consensus, sil},
                new double[] {weights.stability, weights.seedAgreement, weights.consensus, weights.silhouette});
    }

    /**
     * Mean ARI between {@code labels}, a partition of {@code x}, and the candidate's clusterer
     * re-fitted on fixed-seed subsamples of {@code x}; NaN when none ran.
     */
    double stability(Candidate cand, double[][] x, int[] labels) {
        int n = labels.length;
        int count = resampling.count(n);
        if (cand.clusterer() == null || count == 0) {
            return Double.NaN;
        }
        int m = resampling.size(n);
        double sum = 0;
        int runs = 0;
        for (int b = 0; b < count; b++) {
            int[] index = Metrics.sample(n, m, new SplittableRandom(seed + b));
            double[][] sub = new double[m][];
            int[] full = new int[m];
            for (int i = 0; i < m; i++) {
                sub[i] = x[index[i]];
                full[i] = labels[index[i]];
            }
            Partition p;
            try {
                p = cand.clusterer().fit(sub);
            } catch (IllegalArgumentException e) {
                continue;
            }
            sum += Metrics.adjustedRand(full, p.labels());
            runs++;
        }
        return runs == 0 ? Double.NaN : sum / runs;
    }

    /**
     * The same stability on null points drawn from the candidate's by {@code draw}, clustered in
     * full by the candidate's clusterer; NaN when that fit fails. {@code nulls} keeps one null per
     * matrix: candidates that clustered the same points share it.
     */
    double nullStability(Candidate cand, Map<double[][], double[][]> nulls, UnaryOperator<double[][]> draw) {
        if (cand.clusterer() == null || resampling.count(cand.labels().length) == 0) {
            return Double.NaN;
        }
        double[][] x = nulls.computeIfAbsent(cand.x(), draw);
        try {
            return stability(cand, x, cand.clusterer().fit(x).labels());
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /** The within-task null: {@link #shuffled} (fixed seed) of at most {@link Resampling#nullSize} points. */
    double[][] featureNull(double[][] x) {
        return shuffled(capped(x), new SplittableRandom(seed - 1));
    }

    /** The across-task null: {@link #componentShuffled} (fixed seed) of at most {@link Resampling#nullSize} points. */
    double[][] componentNull(double[][] x) {
        return componentShuffled(capped(x), new SplittableRandom(seed - 1));
    }

    /** {@code x}, or a fixed-seed sample of {@link Resampling#nullSize} of its rows when it has more. */
    private double[][] capped(double[][] x) {
        int m = resampling.nullSize(x.length);
        if (m == x.length) {
            return x;
        }
        int[] index = Metrics.sample(x.length, m, new SplittableRandom(seed - 2));
        double[][] out = new double[m][];
        for (int i = 0; i < m; i++) {
            out[i] = x[index[i]];
        }
        return out;
    }

    /** {@code x} with each column permuted on its own. */
    static double[][] shuffled(double[][] x, SplittableRandom random) {
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        double[][] out = new double[n][d];
        for (int j = 0; j < d; j++) {
            int[] order = Metrics.permutation(n, random);
            for (int i = 0; i < n; i++) {
                out[i][j] = x[order[i]][j];
            }
        }
        return out;
    }

    /**
     * {@code x}'s principal-component scores (all min(d, n − 1) of them, so distances between rows
     * are {@code x}'s), each permuted on its own. The scores do not change when {@code x} is rotated
     * (the components' signs follow the scores, as in scikit-learn), so the same points in any basis
     * get the same null.
     */
    static double[][] componentShuffled(double[][] x, SplittableRandom random) {
        int rank = x.length < 2 ? 0 : Math.min(x[0].length, x.length - 1);
        if (rank < 1) {
            return shuffled(x, random);
        }
        return shuffled(new Pca(rank, 1).fit(x).transform(x), random);
    }

    /** stability − null stability; NaN when either is undefined. */
    static double adjusted(double stability, double nullStability) {
        return stability - nullStability;
    }

    /** Mean ARI with the pool's other candidates: of the same group and another seed, or all of them. */
    private static double meanAri(List<Candidate> candidates, int i, boolean[] pool, boolean sameGroupOnly) {
        Candidate a = candidates.get(i);
        double sum = 0;
        int count = 0;
        for (int j = 0; j < candidates.size(); j++) {
            Candidate b = candidates.get(j);
            if (j == i || !pool[j]
                    || sameGroupOnly && (!b.group().equals(a.group()) || b.seed() == a.seed())) {
                continue;
            }
            sum += Metrics.adjustedRand(a.labels(), b.labels());
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** The weighted mean over the defined values; NaN when none is. */
    private static double weightedMean(double[] values, double[] w) {
        double sum = 0;
        double total = 0;
        for (int t = 0; t < values.length; t++) {
            if (!Double.isNaN(values[t])) {
                sum += w[t] * values[t];
                total += w[t];
            }
        }
        return total == 0 ? Double.NaN : sum / total;
    }

    /**
     * Across answers on different track sets (one per task), where partitions cannot be compared:
     * the index of the highest score (each answer's {@link Evidence#scoreAcrossTasks()}), the first
     * on ties; -1 for none.
     */
    public static int best(double[] scores) {
        int best = -1;
        for (int i = 0; i < scores.length; i++) {
            if (best < 0 || orLowest(scores[i]) > orLowest(scores[best])) {
                best = i;
            }
        }
        return best;
    }

    private static double orLowest(double score) {
        return Double.isNaN(score) ? Double.NEGATIVE_INFINITY : score;
    }

    /** Sizes of clusters 0..max (noise left out). */
    private static int[] sizes(int[] labels) {
        int max = -1;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        int[] sizes = new int[max + 1];
        for (int l : labels) {
            if (l >= 0) {
                sizes[l]++;
            }
        }
        return Arrays.stream(sizes).filter(s -> s > 0).toArray();
    }

    private static boolean any(boolean[] flags) {
        for (boolean f : flags) {
            if (f) {
                return true;
            }
        }
        return false;
    }
}
