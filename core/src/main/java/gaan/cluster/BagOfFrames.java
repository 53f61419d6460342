package gaan.cluster;

import java.util.SplittableRandom;

import gaan.linalg.Parallel;

/**
 * Each track as a histogram of its frames over a codebook learnt from the collection: the
 * codebook approach to frame-level music similarity (Seyerlehner, Widmer &amp; Knees 2008, "Frame
 * level audio similarity – a codebook approach", DAFx; the vector-quantised MFCC histograms of
 * McFee, Barrington &amp; Lanckriet 2012). Where a summary keeps each coefficient's mean and spread,
 * the histogram keeps which sounds a track is made of and in what proportion.
 *
 * <p>Steps: every coefficient is standardised over the training frames; {@link KMeans} (one
 * restart) on at most {@value #MAX_TRAINING_FRAMES} frames drawn without replacement gives
 * {@code words} centres, each the mean of its frames; every frame of every track goes to its
 * nearest centre; a track's row is the square root of its words' frequencies. The rows have unit
 * length, and their Euclidean distance is √2 times the Hellinger distance between the histograms,
 * so any clusterer on the rows compares frame distributions by Hellinger.
 *
 * <p>Conventions: frames {@code [track][frame][coefficient]}, float32 in, double out; every
 * track has at least one frame.
 */
public final class BagOfFrames {
    /** Frames the codebook is learnt from at most: beyond it more frames barely move the centres. */
    static final int MAX_TRAINING_FRAMES = 100_000;
    /** Lloyd iterations at most: the histogram only needs each frame's nearest word, not the last decimal. */
    private static final int MAX_ITER = 100;

    private final int words;
    private final long seed;
    private final int threads;

    /**
     * @param words   codebook size (capped by the number of training frames)
     * @param seed    draws the training frames and seeds K-Means
     * @param threads threads for K-Means and the assignment
     */
    public BagOfFrames(int words, long seed, int threads) {
        if (words < 2 || threads < 1) {
            throw new IllegalArgumentException("BagOfFrames needs words ≥ 2 and threads ≥ 1; got words=" + words
                    + ", threads=" + threads);
        }
        this.words = words;
        this.seed = seed;
        this.threads = threads;
    }

    /** The rows {@code √(count of word w in the track / frames of the track)}, one per track. */
    public double[][] histograms(float[][][] frames) {
        int dim = frames[0][0].length;
        double[][] training = trainingFrames(frames);
        double[] mean = new double[dim];
        double[] scale = new double[dim];
        standardisation(training, mean, scale);
        for (double[] f : training) {
            standardise(f, mean, scale);
        }
        int k = Math.min(words, training.length);
        int[] labels = new KMeans(k, 1, MAX_ITER, 1e-4, seed, threads).fit(training).labels();
        double[][] centres = centres(training, labels, k);
        double[][] rows = new double[frames.length][k];
        try (Parallel par = new Parallel(threads)) {
            par.forChunks(frames.length, 16, (from, to) -> assign(frames, from, to, mean, scale, centres, rows));
        }
        return rows;
    }

    /** Rows {@code [from, to)}: each frame counted at its nearest centre, then the square roots of the frequencies. */
    private static void assign(float[][][] frames, int from, int to, double[] mean, double[] scale,
                               double[][] centres, double[][] rows) {
        int dim = mean.length;
        int k = centres.length;
        double[] v = new double[dim];
        for (int t = from; t < to; t++) {
            for (float[] frame : frames[t]) {
                for (int j = 0; j < dim; j++) {
                    v[j] = frame[j];
                }
                standardise(v, mean, scale);
                rows[t][nearest(v, centres)]++;
            }
            for (int w = 0; w < k; w++) {
                rows[t][w] = Math.sqrt(rows[t][w] / frames[t].length);
            }
        }
    }

    /** Every frame when there are few enough, else {@link #MAX_TRAINING_FRAMES} drawn without replacement. */
    private double[][] trainingFrames(float[][][] frames) {
        int total = 0;
        for (float[][] track : frames) {
            total += track.length;
        }
        int take = Math.min(total, MAX_TRAINING_FRAMES);
        // Selection sampling (Knuth's algorithm S): each frame kept with probability needed / remaining.
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[take][];
        int kept = 0;
        int seen = 0;
        for (float[][] track : frames) {
            for (float[] frame : track) {
                if (random.nextInt(total - seen) < take - kept) {
                    double[] f = new double[frame.length];
                    for (int j = 0; j < f.length; j++) {
                        f[j] = frame[j];
                    }
                    out[kept++] = f;
                }
                seen++;
            }
        }
        return out;
    }

    /** Per coefficient the mean and standard deviation (ddof 0; 1 for a constant coefficient). */
    private static void standardisation(double[][] x, double[] mean, double[] scale) {
        for (double[] row : x) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= x.length;
        }
        for (double[] row : x) {
            for (int j = 0; j < mean.length; j++) {
                double d = row[j] - mean[j];
                scale[j] += d * d;
            }
        }
        for (int j = 0; j < mean.length; j++) {
            double sd = Math.sqrt(scale[j] / x.length);
            scale[j] = sd > 0 ? sd : 1;
        }
    }

    private static void standardise(double[] v, double[] mean, double[] scale) {
        for (int j = 0; j < v.length; j++) {
            v[j] = (v[j] - mean[j]) / scale[j];
        }
    }

    private static double[][] centres(double[][] x, int[] labels, int k) {
        double[][] c = new double[k][x[0].length];
        int[] count = new int[k];
        for (int i = 0; i < x.length; i++) {
            count[labels[i]]++;
            for (int j = 0; j < x[i].length; j++) {
                c[labels[i]][j] += x[i][j];
            }
        }
        for (int w = 0; w < k; w++) {
            for (int j = 0; j < c[w].length; j++) {
                c[w][j] /= Math.max(count[w], 1);
            }
        }
        return c;
    }

    private static int nearest(double[] v, double[][] centres) {
        int best = 0;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int w = 0; w < centres.length; w++) {
            double d = 0;
            for (int j = 0; j < v.length && d < bestDist; j++) {
                double e = v[j] - centres[w][j];
                d += e * e;
            }
            if (d < bestDist) {
                bestDist = d;
                best = w;
            }
        }
        return best;
    }
}
