package gaan.audio;

/**
 * librosa 0.11's {@code feature.spectral_contrast(S=|D|, fmin=200, n_bands=6, quantile=0.02,
 * linear=False)}: {@code n_bands + 1} octave bands with edges {@code 0, fmin, 2 fmin, ...}
 * (librosa's bin sets: a band also takes the bin just below its lower edge, drops its last bin,
 * and the top band runs to Nyquist); per frame and band the mean of the {@code q} smallest
 * magnitudes (valley) and of the {@code q} largest (peak), {@code q = max(1, rint(quantile *
 * bins in the band))}; contrast = {@code power_to_db(peak) - power_to_db(valley)}, each with
 * librosa's defaults (ref 1, amin 1e-10, top_db 80 below the maximum over all bands and frames,
 * so the floor is applied when the track is complete: {@link #finish}).
 *
 * <p>The selection runs on powers (the square root is monotonic) through branch-free sorting and
 * insertion networks, which the JIT vectorises over the block's frames ({@link #block}); only the
 * selected values are square-rooted. Immutable and thread-safe.
 */
final class SpectralContrast {
    static final double FMIN = 200.0;
    static final int N_BANDS = 6;
    static final double QUANTILE = 0.02;
    private static final double AMIN = 1e-10;
    private static final double TOP_DB = 80.0;
    /** Bins sorted together before selection ({@link #block}). */
    private static final int GROUP = 4;

    private final int[] first;
    private final int[] end;
    private final int[] q;

    SpectralContrast(double[] binFrequencies, double sampleRate) {
        int bands = N_BANDS + 1;
        double[] octa = new double[bands + 1];
        for (int i = 1; i <= bands; i++) {
            octa[i] = FMIN * Math.pow(2.0, i - 1);
        }
        if (octa[bands - 1] >= 0.5 * sampleRate) {
            throw new IllegalArgumentException("spectral contrast: band edge " + octa[bands - 1]
                    + " Hz exceeds Nyquist at " + sampleRate + " Hz");
        }
        first = new int[bands];
        end = new int[bands];
        q = new int[bands];
        int nBins = binFrequencies.length;
        for (int k = 0; k < bands; k++) {
            int lo = -1;
            int hi = -1;
            for (int b = 0; b < nBins; b++) {
                if (binFrequencies[b] >= octa[k] && binFrequencies[b] <= octa[k + 1]) {
                    lo = lo < 0 ? b : lo;
                    hi = b;
                }
            }
            int from = k > 0 ? lo - 1 : lo;
            int to = k == N_BANDS ? nBins : hi + 1;
            q[k] = (int) Math.max(1, Math.rint(QUANTILE * (to - from)));
            first[k] = from;
            end[k] = k < N_BANDS ? to - 1 : to;
        }
    }

    int bands() {
        return q.length;
    }

    /** Scratch rows of the block's width for {@link #block}. */
    static final class Scratch {
        /** Networks of the largest values: ranks r = 1 .. GROUP of sizes q / r, one after another. */
        final float[][] high;
        /** Networks of the smallest values, laid out as {@link #high}. */
        final float[][] low;
        /** A group's values sorted, largest first. */
        final float[][] sorted;
        final float[] carryHigh;
        final float[] carryLow;

        Scratch(SpectralContrast contrast, int width) {
            int rows = 0;
            for (int n : contrast.q) {
                rows = Math.max(rows, networkRows(n));
            }
            high = new float[rows][width];
            low = new float[rows][width];
            sorted = new float[GROUP][width];
            carryHigh = new float[width];
            carryLow = new float[width];
        }
    }

    /** Rows of the networks of a band whose quantile takes {@code n} values: {@code sum_r floor(n / r)}. */
    private static int networkRows(int n) {
        int rows = 0;
        for (int r = 1; r <= GROUP; r++) {
            rows += n / r;
        }
        return rows;
    }

    /**
     * Peak and valley magnitudes of block columns {@code [0, count)} of {@code power[k][j]} into
     * {@code peak[band][t0 + j]} and {@code valley[band][t0 + j]}.
     *
     * <p>The band's bins are taken {@value #GROUP} at a time and sorted within the group; a value
     * of rank {@code r} in its group (r - 1 of its group are larger) is among the band's {@code n}
     * largest only if it is among the {@code floor(n / r)} largest values of rank {@code r}, as
     * each larger one of them brings r - 1 more. So the rank-r values go through a network of
     * {@code n / r} places, not {@code n}: about half the min/max steps of sending every value
     * through one network of {@code n} (and symmetrically for the smallest). The networks are
     * merged into the first at the end of the band; the selected values are the same.
     */
    void block(float[][] power, int count, Scratch s, double[][] peak, double[][] valley, int t0) {
        int width = s.carryHigh.length;
        float[][] high = s.high;
        float[][] low = s.low;
        float[][] sorted = s.sorted;
        for (int band = 0; band < q.length; band++) {
            int n = q[band];
            int rows = networkRows(n);
            for (int i = 0; i < rows; i++) {
                java.util.Arrays.fill(high[i], Float.NEGATIVE_INFINITY);
                java.util.Arrays.fill(low[i], Float.POSITIVE_INFINITY);
            }
            int k = first[band];
            // With n = 1 a group saves nothing: each value takes one step either way.
            for (; n > 1 && k + GROUP <= end[band]; k += GROUP) {
                sort4(power[k], power[k + 1], power[k + 2], power[k + 3], sorted, width);
                for (int r = 1, at = 0; r <= GROUP && n / r > 0; at += n / r, r++) {
                    insert(sorted[r - 1], sorted[GROUP - r], high, low, at, n / r, s, width);
                }
            }
            for (; k < end[band]; k++) {
                insert(power[k], power[k], high, low, 0, n, s, width);
            }
            for (int i = n; i < rows; i++) {
                insert(high[i], low[i], high, low, 0, n, s, width);
            }
            for (int j = 0; j < count; j++) {
                double lowSum = 0;
                double highSum = 0;
                for (int i = 0; i < n; i++) {
                    lowSum += Math.sqrt(low[i][j]);
                    highSum += Math.sqrt(high[i][j]);
                }
                valley[band][t0 + j] = lowSum / n;
                peak[band][t0 + j] = highSum / n;
            }
        }
    }

    /** Each column of rows a, b, c, d sorted into {@code out[0][j] >= ... >= out[3][j]} (five comparators). */
    private static void sort4(float[] a, float[] b, float[] c, float[] d, float[][] out, int width) {
        float[] o0 = out[0];
        float[] o1 = out[1];
        float[] o2 = out[2];
        float[] o3 = out[3];
        for (int j = 0; j < width; j++) {
            float hi1 = Math.max(a[j], b[j]);
            float lo1 = Math.min(a[j], b[j]);
            float hi2 = Math.max(c[j], d[j]);
            float lo2 = Math.min(c[j], d[j]);
            float x = Math.min(hi1, hi2);
            float y = Math.max(lo1, lo2);
            o0[j] = Math.max(hi1, hi2);
            o1[j] = Math.max(x, y);
            o2[j] = Math.min(x, y);
            o3[j] = Math.min(lo1, lo2);
        }
    }

    /**
     * Sends {@code largest} through the network {@code high[from .. from + size)}, which holds the
     * largest values so far, largest first, and {@code smallest} through {@code low[from .. from +
     * size)}, smallest first: each place keeps the larger (smaller) of its value and the one coming
     * through and passes the other on (min/max, no branches, so the loops over the frames
     * vectorise); what the last place passes on drops out. Both networks in one loop per place:
     * with the block's 64 frames a loop's own cost is a good part of its time.
     */
    private static void insert(float[] largest, float[] smallest, float[][] high, float[][] low, int from, int size,
                               Scratch s, int width) {
        float[] inHigh = largest;
        float[] inLow = smallest;
        for (int i = from; i < from + size - 1; i++) {
            float[] hi = high[i];
            float[] lo = low[i];
            float[] outHigh = s.carryHigh;
            float[] outLow = s.carryLow;
            for (int j = 0; j < width; j++) {
                float h = hi[j];
                float ch = inHigh[j];
                hi[j] = Math.max(h, ch);
                outHigh[j] = Math.min(h, ch);
                float l = lo[j];
                float cl = inLow[j];
                lo[j] = Math.min(l, cl);
                outLow[j] = Math.max(l, cl);
            }
            inHigh = outHigh;
            inLow = outLow;
        }
        float[] hi = high[from + size - 1];
        float[] lo = low[from + size - 1];
        for (int j = 0; j < width; j++) {
            hi[j] = Math.max(hi[j], inHigh[j]);
            lo[j] = Math.min(lo[j], inLow[j]);
        }
    }

    /**
     * Contrast {@code (bands, frames)} in dB from the peaks and valleys of a whole track:
     * {@code power_to_db} of each (floored at its maximum over the track minus 80 dB), subtracted.
     */
    float[][] finish(double[][] peak, double[][] valley, int frames) {
        double[][] peakDb = toDb(peak, frames);
        double[][] valleyDb = toDb(valley, frames);
        float[][] out = new float[q.length][frames];
        for (int b = 0; b < q.length; b++) {
            for (int t = 0; t < frames; t++) {
                out[b][t] = (float) (peakDb[b][t] - valleyDb[b][t]);
            }
        }
        return out;
    }

    private static double[][] toDb(double[][] x, int frames) {
        double[][] db = new double[x.length][frames];
        double max = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < x.length; b++) {
            for (int t = 0; t < frames; t++) {
                db[b][t] = 10.0 * Math.log10(Math.max(AMIN, x[b][t]));
                max = Math.max(max, db[b][t]);
            }
        }
        for (double[] row : db) {
            for (int t = 0; t < frames; t++) {
                row[t] = Math.max(row[t], max - TOP_DB);
            }
        }
        return db;
    }
}
