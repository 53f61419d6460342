package gaan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import gaan.cluster.Blobs;
import gaan.cluster.KMeans;
import gaan.cluster.Partition;

class RecommenderTest {
    private static final Blobs BLOBS = Blobs.make(300, 2, 3, 0.6, 4);
    private final Recommender rule = Recommender.standard();

    private static Recommender.Candidate fitted(KMeans clusterer, long seed, boolean usesLabels, boolean kFromLabels) {
        Partition p = clusterer.fit(BLOBS.x());
        return new Recommender.Candidate("kmeans k=" + p.clusters(), seed, BLOBS.x(), clusterer, p.labels(),
                new Metrics(1).silhouette(BLOBS.x(), p.labels()), usesLabels, kFromLabels);
    }

    /** 95 % of the points in one cluster, the rest in a second: a degenerate answer. */
    private static Recommender.Candidate giant() {
        int[] labels = new int[BLOBS.x().length];
        for (int i = 0; i < labels.length / 20; i++) {
            labels[i] = 1;
        }
        return new Recommender.Candidate("giant", 0, BLOBS.x(), null, labels, 0.9, false, false);
    }

    @Test
    void prefersAStableThreeClusterPartitionToAGiantCluster() {
        List<Recommender.Candidate> candidates = List.of(giant(), fitted(new KMeans(3, 0, 1), 0, false, false));
        Recommender.Choice c = rule.recommend(candidates).orElseThrow();
        assertEquals(1, c.index());
        assertEquals(1.0, c.chosen().stability(), 1e-12);
        assertTrue(c.evidence().get(0).excluded().startsWith("largest cluster holds 95%"), c.evidence().get(0).excluded());
    }

    @Test
    void neverPicksRowsThatUsedTheLabels() {
        List<Recommender.Candidate> candidates = List.of(
                fitted(new KMeans(3, 0, 1), 0, true, false),
                fitted(new KMeans(3, 1, 1), 1, false, true),
                fitted(new KMeans(7, 0, 1), 0, false, false));
        Recommender.Choice c = rule.recommend(candidates).orElseThrow();
        assertEquals(2, c.index());
        assertEquals("labels were an input of the representation", c.evidence().get(0).excluded());
        assertEquals("k was set to the number of labels", c.evidence().get(1).excluded());
        assertTrue(Double.isNaN(c.evidence().get(0).score()));
    }

    @Test
    void nothingIsRecommendedWhenEveryRowUsedTheLabels() {
        assertTrue(rule.recommend(List.of(fitted(new KMeans(3, 0, 1), 0, true, false))).isEmpty());
    }

    @Test
    void takesTheBestLabelFreeAnswerWhenNoneIsNonDegenerate() {
        Recommender.Choice c = rule.recommend(List.of(giant())).orElseThrow();
        assertEquals(0, c.index());
        assertTrue(c.rule().endsWith("No clustering passed the guards, so the best label-free one was taken."));
    }

    @Test
    void seedAgreementComparesOnlyTheSameGroupAcrossSeeds() {
        List<Recommender.Candidate> candidates = List.of(
                fitted(new KMeans(3, 0, 1), 0, false, false),
                fitted(new KMeans(3, 5, 1), 5, false, false),
                fitted(new KMeans(6, 0, 1), 0, false, false));
        Recommender.Choice c = rule.recommend(candidates).orElseThrow();
        assertEquals(1.0, c.evidence().get(0).seedAgreement(), 1e-12);
        assertTrue(Double.isNaN(c.evidence().get(2).seedAgreement()));
        assertTrue(Arrays.asList(0, 1).contains(c.index()));
    }

    /**
     * One elongated cloud without clusters: K-Means splits it in two across its long axis the same
     * way on every subsample, so its raw stability is high; the shuffled cloud is as elongated and
     * its split as stable, so nothing is left beyond chance.
     */
    @Test
    void aStableSplitOfACloudWithoutClustersIsNotCredited() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] x = new double[200][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {4 * r.nextGaussian(), r.nextGaussian()};
        }
        KMeans twoMeans = new KMeans(2, 0, 1);
        Recommender.Candidate split = new Recommender.Candidate("kmeans k=2", 0, x, twoMeans, twoMeans.fit(x).labels(),
                Double.NaN, false, false);
        Recommender.Evidence e = rule.recommend(List.of(split)).orElseThrow().chosen();
        assertTrue(e.stability() > 0.9, e.toString());
        assertTrue(e.nullStability() > 0.9, e.toString());
        assertTrue(Math.abs(e.adjustedStability()) < 0.1, e.toString());
    }

    /**
     * Three blobs apart in all of 50 dimensions, each feature alone overlapping: their partition is
     * stable; shuffling the features separately leaves one overlapping cloud, whose split is not.
     */
    @Test
    void realClustersKeepTheirStabilityBeyondChance() {
        Blobs blobs = Blobs.make(300, 50, 3, 4.0, 4);
        KMeans threeMeans = new KMeans(3, 0, 1);
        Recommender.Candidate c = new Recommender.Candidate("kmeans k=3", 0, blobs.x(), threeMeans,
                threeMeans.fit(blobs.x()).labels(), Double.NaN, false, false);
        Recommender.Evidence e = rule.recommend(List.of(c)).orElseThrow().chosen();
        assertEquals(1.0, e.stability(), 1e-12);
        assertTrue(e.adjustedStability() > 0.3, e.toString());
    }

    /** Each column keeps its values; rows are mixed. */
    @Test
    void theNullKeepsEveryColumnsValues() {
        double[][] x = BLOBS.x();
        double[][] s = Recommender.shuffled(x, new SplittableRandom(5));
        for (int j = 0; j < 2; j++) {
            final int col = j;
            double[] a = Arrays.stream(x).mapToDouble(row -> row[col]).sorted().toArray();
            double[] b = Arrays.stream(s).mapToDouble(row -> row[col]).sorted().toArray();
            assertArrayEquals(a, b);
        }
        assertTrue(Arrays.stream(s).filter(row -> Arrays.stream(x).noneMatch(o -> Arrays.equals(o, row))).count() > 250);
    }

    /**
     * {@code latent} (n × m) written in 40 columns that rise and fall together: the latent
     * coordinates times m orthonormal rows of 40 (so the spread along each latent axis is kept),
     * plus a little noise of each column's own.
     */
    private static double[][] inFortyCorrelatedColumns(double[][] latent, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int m = latent[0].length;
        double[][] mix = new double[m][40];
        for (int t = 0; t < m; t++) {
            for (int j = 0; j < 40; j++) {
                mix[t][j] = r.nextGaussian();
            }
            for (int u = 0; u < t; u++) {
                double dot = 0;
                for (int j = 0; j < 40; j++) {
                    dot += mix[t][j] * mix[u][j];
                }
                for (int j = 0; j < 40; j++) {
                    mix[t][j] -= dot * mix[u][j];
                }
            }
            double norm = Math.sqrt(Arrays.stream(mix[t]).map(v -> v * v).sum());
            for (int j = 0; j < 40; j++) {
                mix[t][j] /= norm;
            }
        }
        double[][] x = new double[latent.length][40];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 40; j++) {
                double v = 0.1 * r.nextGaussian();
                for (int t = 0; t < m; t++) {
                    v += latent[i][t] * mix[t][j];
                }
                x[i][j] = v;
            }
        }
        return x;
    }

    /** One elongated Gaussian cloud (standard deviations 4, 1.5 and 1), no clusters. */
    private static double[][] elongatedCloud(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = new double[] {4 * r.nextGaussian(), 1.5 * r.nextGaussian(), r.nextGaussian()};
        }
        return z;
    }

    private Recommender.Evidence answer(double[][] x, int k) {
        KMeans kMeans = new KMeans(k, 0, 1);
        Partition p = kMeans.fit(x);
        return rule.recommend(List.of(new Recommender.Candidate("kmeans k=" + k, 0, x, kMeans, p.labels(),
                new Metrics(1).silhouette(x, p.labels()), false, false))).orElseThrow().chosen();
    }

    /**
     * The same cloud split in two, once as 40 correlated columns and once as its principal-component
     * scores: the shuffled-feature null credits the columns (shuffled one by one they make a round
     * cloud, whose split is not reproducible) and not the scores; the rotation-invariant null gives
     * both the same credit, close to none, and so the same score across tasks.
     */
    @Test
    void aCloudGetsTheSameCreditAcrossTasksInCorrelatedColumnsAndInPrincipalComponents() {
        double[][] columns = inFortyCorrelatedColumns(elongatedCloud(200, 7), 8);
        double[][] components = new gaan.linalg.Pca(40, 1).fit(columns).transform(columns);
        Recommender.Evidence inColumns = answer(columns, 2);
        Recommender.Evidence inComponents = answer(components, 2);
        assertTrue(inColumns.adjustedStability() > inComponents.adjustedStability() + 0.3,
                "the within-task null depends on the basis: " + inColumns + " vs " + inComponents);
        assertEquals(inColumns.adjustedComponentStability(), inComponents.adjustedComponentStability(), 0.02);
        assertTrue(Math.abs(inColumns.adjustedComponentStability()) < 0.1, inColumns.toString());
        assertEquals(inColumns.scoreAcrossTasks(), inComponents.scoreAcrossTasks(), 0.02);
    }

    /**
     * Across tasks, six separate groups written in 40 correlated columns outrank the split of a
     * cloud written the same way. The rotation-invariant null is cautious: each principal axis keeps
     * its several modes when shuffled, so even such groups keep a modest part of their stability.
     */
    @Test
    void acrossTasksRealClustersOutrankTheSplitOfACorrelatedCloud() {
        Blobs groups = Blobs.make(240, 5, 6, 1.0, 9);
        Recommender.Evidence clusters = answer(inFortyCorrelatedColumns(groups.x(), 8), 6);
        Recommender.Evidence cloud = answer(inFortyCorrelatedColumns(elongatedCloud(200, 7), 8), 2);
        assertTrue(clusters.adjustedComponentStability() > 0.1, clusters.toString());
        assertEquals(0, Recommender.best(new double[] {clusters.scoreAcrossTasks(), cloud.scoreAcrossTasks()}));
    }

    /**
     * Agreement with a task's other clusterings is left out across tasks: it counts how alike the
     * task's representations are, not how good its answer is. A task whose three representations are
     * the same points (as raw MFCC, their PCA and a VAE of them are nearly) agrees with itself
     * perfectly about a split of a cloud; a task with real groups and a second, different view does
     * not. Counted, that agreement made the split the run's answer.
     */
    @Test
    void acrossTasksAgreementAmongATasksOwnRepresentationsEarnsNothing() {
        double[][] cloud = inFortyCorrelatedColumns(elongatedCloud(200, 7), 8);
        double[][] scaled = Arrays.stream(cloud).map(row -> Arrays.stream(row).map(v -> 2 * v).toArray())
                .toArray(double[][]::new);
        Recommender.Choice redundant = rule.recommend(List.of(candidate("raw", cloud, 2), candidate("scaled", scaled, 2),
                candidate("copy", cloud.clone(), 2))).orElseThrow();
        double[][] groups = inFortyCorrelatedColumns(Blobs.make(240, 5, 6, 1.0, 9).x(), 8);
        double[][] otherView = inFortyCorrelatedColumns(elongatedCloud(240, 11), 3);
        Recommender.Choice distinct = rule.recommend(List.of(candidate("groups", groups, 6),
                candidate("other view", otherView, 2))).orElseThrow();
        assertEquals(1.0, redundant.chosen().consensus(), 1e-9);
        assertTrue(distinct.chosen().consensus() < 0.2, distinct.chosen().toString());
        assertEquals(6, distinct.chosen().clusters());
        assertEquals(1, Recommender.best(new double[] {redundant.chosen().scoreAcrossTasks(),
                distinct.chosen().scoreAcrossTasks()}), redundant.chosen() + " vs " + distinct.chosen());
    }

    private static Recommender.Candidate candidate(String group, double[][] x, int k) {
        KMeans kMeans = new KMeans(k, 0, 1);
        Partition p = kMeans.fit(x);
        return new Recommender.Candidate(group, 0, x, kMeans, p.labels(), new Metrics(1).silhouette(x, p.labels()),
                false, false);
    }

    /** The rotation-invariant null keeps the spread along every principal axis; rows are mixed. */
    @Test
    void theAcrossTaskNullKeepsEveryPrincipalComponentsScores() {
        double[][] x = inFortyCorrelatedColumns(elongatedCloud(100, 3), 4);
        double[][] scores = new gaan.linalg.Pca(40, 1).fit(x).transform(x);
        double[][] s = Recommender.componentShuffled(x, new SplittableRandom(5));
        assertEquals(40, s[0].length);
        for (int c = 0; c < 40; c++) {
            final int col = c;
            double[] a = Arrays.stream(scores).mapToDouble(row -> row[col]).sorted().toArray();
            double[] b = Arrays.stream(s).mapToDouble(row -> row[col]).sorted().toArray();
            assertArrayEquals(a, b, 1e-9);
        }
        assertTrue(Arrays.stream(s).filter(row -> Arrays.stream(scores).noneMatch(o -> Arrays.equals(o, row))).count() > 90);
    }

    @Test
    void theRuleSaysHowItChose() {
        assertTrue(rule.rule().startsWith("Chosen without labels"), rule.rule());
        assertTrue(rule.rule().contains("10 subsamples of 80%"), rule.rule());
        assertTrue(rule.rule().contains("each feature shuffled"), rule.rule());
        assertTrue(rule.rule().contains("Across tasks"), rule.rule());
    }

    @Test
    void onLargeCollectionsEachRefitSeesAtMostMaxPoints() {
        Blobs blobs = Blobs.make(3000, 4, 3, 0.5, 5);
        List<Integer> sizes = new java.util.ArrayList<>();
        KMeans kMeans = new KMeans(3, 1, 1);
        gaan.cluster.Clusterer recording = new gaan.cluster.Clusterer() {
            @Override
            public Partition fit(double[][] x) {
                synchronized (sizes) {
                    sizes.add(x.length);
                }
                return kMeans.fit(x);
            }

            @Override
            public gaan.cluster.Method method() {
                return kMeans.method();
            }
        };
        Recommender capped = new Recommender(new Recommender.Weights(0.4, 0.2, 0.2, 0.2), new Recommender.Guards(2, 0.5, 0.8),
                new Recommender.Resampling(10, 0.8, 500, 3, 2000), 0);
        Recommender.Candidate c = new Recommender.Candidate("kmeans", 1, blobs.x(), recording,
                kMeans.fit(blobs.x()).labels(), 0.5, false, false);
        assertTrue(capped.stability(c, blobs.x(), c.labels()) > 0.9);
        assertEquals(List.of(2000, 2000, 2000), sizes, "3 subsamples of min(80 % of 3000, 2000) points");
        sizes.clear();
        capped.nullStability(c, new java.util.IdentityHashMap<>(), capped::featureNull);
        assertEquals(List.of(2500, 2000, 2000, 2000), sizes, "the null: 2000 / 0.8 points, then its subsamples");
        sizes.clear();
        capped.nullStability(c, new java.util.IdentityHashMap<>(), capped::componentNull);
        assertEquals(List.of(2500, 2000, 2000, 2000), sizes, "the same for the across-task null");
        // Below the cap nothing changes: 80 % of 1000 points.
        sizes.clear();
        Blobs small = Blobs.make(1000, 4, 3, 0.5, 5);
        capped.stability(new Recommender.Candidate("kmeans", 1, small.x(), recording, kMeans.fit(small.x()).labels(),
                0.5, false, false), small.x(), kMeans.fit(small.x()).labels());
        assertEquals(List.of(800, 800, 800), sizes);
    }
}
