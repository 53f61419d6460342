package gaan.cluster;

import java.util.SplittableRandom;
import java.util.function.ObjIntConsumer;

import gaan.linalg.Parallel;
import gaan.linalg.Points;

/**
 * Each track as a histogram of its frames over a codebook learnt from the collection: the
 * codebook approach to frame-level music similarity (Seyerlehner, Widmer &amp; Knees 2008, "Frame
 * level audio similarity – a codebook approach", DAFx; the vector-quantised MFCC histograms of
 * McFee, Barrington &amp; Lanckriet 2012). Where a summary keeps each coefficient's mean and spread,
 * the histogram keeps which sounds a track is made of and in what proportion.
 *
 * <p>Steps: every coefficient is standardised over the training frames, and when a frame is made of
 * blocks of different features (MFCCs and spectral contrast) each block is then scaled to the same
 * total variance, so a block's width does not decide its weight in the distances (the rule {@code
 * gaan.experiment.FeatureBlocks} applies to whole inputs; the frame keeps a mean coefficient variance
 * of 1); {@link KMeans} (one
 * restart) on at most {@value #MAX_TRAINING_FRAMES} frames drawn without replacement gives
 * {@code words} centres, each the mean of its frames; every frame of every track is shared among
 * its {@value #NEIGHBOURS} nearest centres with Gaussian weights that sum to one (the kernel
 * codebook of van Gemert et al. 2008, "Kernel codebooks for scene categorization", ECCV, localised
 * to the nearest words as Liu, Wang &amp; Liu 2011, "In defense of soft-assignment coding", ICCV);
 * a track's row is the square root of its words' frequencies. The rows have unit length, and their
 * Euclidean distance is √2 times the Hellinger distance between the histograms, so any clusterer on
 * the rows compares frame distributions by Hellinger.
 *
 * <p>Why soft: a frame near the border of two words goes wholly to one of them in a hard count,
 * and where the border falls depends on the seed; with hard counts the dev corpus's eigengap chose
 * k = 3 on some codebook seeds and 7 on others (ARI 0.18-0.34), with the weights k = 8 on all six
 * (0.25-0.28; docs/quality.md). The kernel's variance is the mean squared distance of a training
 * frame to its centre, so the width follows the data's scale, not a constant.
 *
 * <p>Conventions: frames {@code [track][frame][coefficient]}, float32 in, double out; every
 * track has at least one frame.
 */
public final class BagOfFrames {
    /** Frames the codebook is learnt from at most: beyond it more frames barely move the centres. */
    static final int MAX_TRAINING_FRAMES = 100_000;
    /** Lloyd iterations at most: the histogram only needs each frame's nearest word, not the last decimal. */
    private static final int MAX_ITER = 100;
    /** Words a frame is shared among: the nearest few carry almost all the Gaussian weight. */
    static final int NEIGHBOURS = 5;

    private final int words;
    private final int[] blocks;
    private final long seed;
    private final int threads;

    /** Frames of one block: every coefficient weighs the same. */
    public BagOfFrames(int words, long seed, int threads) {
        this(words, null, seed, threads);
    }

    /**
     * @param words   codebook size (capped by the number of training frames)
     * @param blocks  widths of the consecutive blocks a frame is made of, each given the same total
     *                variance (summing to the frame's width); null: one block
     * @param seed    draws the training frames and seeds K-Means
     * @param threads threads for K-Means and the assignment
     */
    public BagOfFrames(int words, int[] blocks, long seed, int threads) {
        if (words < 2 || threads < 1) {
            throw new IllegalArgumentException("BagOfFrames needs words ≥ 2 and threads ≥ 1; got words=" + words
                    + ", threads=" + threads);
        }
        if (blocks != null && java.util.Arrays.stream(blocks).anyMatch(b -> b < 1)) {
            throw new IllegalArgumentException("block widths must be ≥ 1, got " + java.util.Arrays.toString(blocks));
        }
        this.words = words;
        this.blocks = blocks == null ? null : blocks.clone();
        this.seed = seed;
        this.threads = threads;
    }

    /**
     * Tracks' frames handed out one track at a time, in track order; the array handed out may be
     * reused for the next track (copy what you keep), so a source need not hold the collection.
     */
    public interface FrameSource {
        int tracks();

        /** Frames of all tracks together (the default counts them in one pass). */
        default long totalFrames() {
            long[] total = {0};
            forEach((frames, t) -> total[0] += frames.length);
            return total[0];
        }

        /** Calls {@code each} with every track's frames {@code [frame][coefficient]} and its index, in order. */
        void forEach(ObjIntConsumer<float[][]> each);

        /** Frames held in memory, {@code [track][frame][coefficient]}. */
        static FrameSource of(float[][][] frames) {
            return new FrameSource() {
                @Override
                public int tracks() {
                    return frames.length;
                }

                @Override
                public void forEach(ObjIntConsumer<float[][]> each) {
                    for (int t = 0; t < frames.length; t++) {
                        each.accept(frames[t], t);
                    }
                }
            };
        }
    }

    /** Tracks assigned together: the frames of this many tracks are held at once, a few tens of MB. */
    static final int CHUNK_TRACKS = 1024;

    /** The rows {@code √(count of word w in the track / frames of the track)}, one per track. */
    public double[][] histograms(float[][][] frames) {
        return histograms(FrameSource.of(frames));
    }

    /**
     * {@link #histograms(float[][][])} of frames read from {@code source} in three passes (count,
     * training sample, assignment), holding at most {@value #MAX_TRAINING_FRAMES} training frames
     * and {@value #CHUNK_TRACKS} tracks' frames at a time.
     */
    public double[][] histograms(FrameSource source) {
        double[][] training = trainingFrames(source);
        int dim = training[0].length;
        double[] mean = new double[dim];
        double[] scale = new double[dim];
        standardisation(training, mean, scale);
        weighBlocks(scale);
        for (double[] f : training) {
            standardise(f, mean, scale);
        }
        int k = Math.min(words, training.length);
        int[] labels = new KMeans(k, 1, MAX_ITER, 1e-4, seed, threads).fit(training).labels();
        double[][] centres = centres(training, labels, k);
        double variance = meanSquaredDistance(training, labels, centres);
        double[][] rows = new double[source.tracks()][];
        float[][][] chunk = new float[Math.min(CHUNK_TRACKS, source.tracks())][][];
        int[] first = {0};
        try (Parallel par = new Parallel(threads)) {
            source.forEach((frames, t) -> {
                chunk[t - first[0]] = copy(frames);
                if (t - first[0] + 1 == chunk.length || t == source.tracks() - 1) {
                    int filled = t - first[0] + 1;
                    double[][] part = new double[filled][k];
                    par.forChunks(filled, 16, (from, to) -> assign(chunk, from, to, mean, scale, centres, variance, part));
                    System.arraycopy(part, 0, rows, first[0], filled);
                    first[0] = t + 1;
                }
            });
        }
        return rows;
    }

    /**
     * Rows {@code [from, to)}: each frame's unit weight spread over its nearest centres, then the
     * square roots of the frequencies.
     */
    private static void assign(float[][][] frames, int from, int to, double[] mean, double[] scale,
                               double[][] centres, double variance, double[][] rows) {
        int dim = mean.length;
        int k = centres.length;
        int m = Math.min(NEIGHBOURS, k);
        double[] v = new double[dim];
        double[] d2 = new double[k];
        int[] near = new int[m];
        double[] weight = new double[m];
        for (int t = from; t < to; t++) {
            for (float[] frame : frames[t]) {
                for (int j = 0; j < dim; j++) {
                    v[j] = frame[j];
                }
                standardise(v, mean, scale);
                for (int w = 0; w < k; w++) {
                    d2[w] = Points.sqDist(v, 0, centres[w], 0, dim);
                }
                nearest(d2, near);
                // Relative to the nearest word, so a frame far from every word still has weights that sum to one.
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    weight[i] = variance > 0 ? Math.exp(-(d2[near[i]] - d2[near[0]]) / (2 * variance)) : (i == 0 ? 1 : 0);
                    sum += weight[i];
                }
                for (int i = 0; i < m; i++) {
                    rows[t][near[i]] += weight[i] / sum;
                }
            }
            for (int w = 0; w < k; w++) {
                rows[t][w] = Math.sqrt(rows[t][w] / frames[t].length);
            }
        }
    }

    /** Every frame when there are few enough, else {@link #MAX_TRAINING_FRAMES} drawn without replacement. */
    private double[][] trainingFrames(FrameSource source) {
        long frames = source.totalFrames();
        if (frames > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(frames + " frames are more than one codebook pass handles (2^31 - 1);"
                    + " cluster a collection this large with gaan-spark");
        }
        int total = (int) frames;
        int take = Math.min(total, MAX_TRAINING_FRAMES);
        // Selection sampling (Knuth's algorithm S): each frame kept with probability needed / remaining.
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[take][];
        int[] kept = {0};
        int[] seen = {0};
        source.forEach((track, t) -> {
            for (float[] frame : track) {
                if (random.nextInt(total - seen[0]) < take - kept[0]) {
                    double[] f = new double[frame.length];
                    for (int j = 0; j < f.length; j++) {
                        f[j] = frame[j];
                    }
                    out[kept[0]++] = f;
                }
                seen[0]++;
            }
        });
        return out;
    }

    private static float[][] copy(float[][] frames) {
        float[][] c = new float[frames.length][];
        for (int i = 0; i < frames.length; i++) {
            c[i] = frames[i].clone();
        }
        return c;
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

    /**
     * Scales the standardised block b by √(width_b · blocks / width), so every block's total
     * variance is width / blocks.
     */
    private void weighBlocks(double[] scale) {
        if (blocks == null) {
            return;
        }
        int width = java.util.Arrays.stream(blocks).sum();
        if (width != scale.length) {
            throw new IllegalArgumentException("frames have " + scale.length + " values but the blocks "
                    + java.util.Arrays.toString(blocks) + " add up to " + width);
        }
        int from = 0;
        for (int b : blocks) {
            double factor = Math.sqrt((double) b * blocks.length / width);
            for (int j = from; j < from + b; j++) {
                scale[j] *= factor;
            }
            from += b;
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

    /** Mean over the training frames of the squared distance to their own centre. */
    private static double meanSquaredDistance(double[][] x, int[] labels, double[][] centres) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Points.sqDist(x[i], 0, centres[labels[i]], 0, x[i].length);
        }
        return sum / x.length;
    }

    /** The indices of the {@code near.length} smallest of {@code d2}, nearest first (lowest index on ties). */
    private static void nearest(double[] d2, int[] near) {
        int found = 0;
        for (int w = 0; w < d2.length; w++) {
            if (found < near.length || d2[w] < d2[near[found - 1]]) {
                int i = Math.min(found, near.length - 1);
                while (i > 0 && d2[near[i - 1]] > d2[w]) {
                    near[i] = near[i - 1];
                    i--;
                }
                near[i] = w;
                found = Math.min(found + 1, near.length);
            }
        }
    }
}
