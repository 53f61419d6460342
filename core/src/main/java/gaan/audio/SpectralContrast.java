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
    /**
     * Bins sorted together before selection ({@link #block}): none, four or eight, whichever takes
     * the fewest min/max steps for the band's {@code q} ({@link #steps}).
     */
    private static final int[] GROUPS = {1, 4, 8};
    /** Min/max operations of the sorting networks of four (five comparators) and eight (19) values. */
    private static final int SORT4_OPS = 2 * 5;
    private static final int SORT8_OPS = 2 * 19;

    private final int[] first;
    private final int[] end;
    private final int[] q;
    private final int[] group;

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
        group = new int[bands];
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
            group[k] = GROUPS[0];
            for (int g : GROUPS) {
                group[k] = steps(q[k], g) < steps(q[k], group[k]) ? g : group[k];
            }
        }
    }

    /**
     * Min/max operations per bin of selecting a band's {@code n} largest and {@code n} smallest
     * values with groups of {@code g} bins ({@link #block}): the group's sort, then for each rank
     * {@code r} a network of {@code n / r} places in each direction (two operations a place, one
     * at the last), per bin of the group.
     */
    private static double steps(int n, int g) {
        int ops = g == 8 ? SORT8_OPS : g == 4 ? SORT4_OPS : 0;
        for (int r = 1; r <= g; r++) {
            int places = n / r;
            ops += places > 0 ? 2 * (2 * places - 1) : 0;
        }
        return (double) ops / g;
    }

    int bands() {
        return q.length;
    }

    /** Band {@code b}'s bins {@code [first, end)} and how many of them its peak and valley average. */
    record Band(int first, int end, int quantile) {
    }

    Band band(int b) {
        return new Band(first[b], end[b], q[b]);
    }

    /** Scratch rows of the block's width for {@link #block}. */
    static final class Scratch {
        /** Networks of the largest values: ranks r = 1 .. group of sizes q / r, one after another. */
        final float[][] high;
        /** Networks of the smallest values, laid out as {@link #high}. */
        final float[][] low;
        /** A group's values sorted, largest first. */
        final float[][] sorted;
        /** Rows 4 .. 7 of {@link #sorted}. */
        final float[][] upper;
        final float[] carryHigh;
        final float[] carryLow;

        Scratch(SpectralContrast contrast, int width) {
            int rows = 0;
            int sortedRows = 0;
            for (int b = 0; b < contrast.q.length; b++) {
                rows = Math.max(rows, networkRows(contrast.q[b], contrast.group[b]));
                sortedRows = Math.max(sortedRows, contrast.group[b]);
            }
            high = new float[rows][width];
            low = new float[rows][width];
            sorted = new float[sortedRows][width];
            upper = java.util.Arrays.copyOfRange(sorted, Math.min(4, sortedRows), sortedRows);
            carryHigh = new float[width];
            carryLow = new float[width];
        }
    }

    /** Rows of the networks of a band whose quantile takes {@code n} values, groups of {@code g}: {@code sum_r floor(n / r)}. */
    private static int networkRows(int n, int g) {
        int rows = 0;
        for (int r = 1; r <= g; r++) {
            rows += n / r;
        }
        return rows;
    }

    /**
     * Peak and valley magnitudes of block columns {@code [0, count)} of {@code power[k][j]} into
     * {@code peak[band][t0 + j]} and {@code valley[band][t0 + j]}.
     *
     * <p>The band's bins are taken {@code g} at a time (four or eight: {@link #GROUPS}) and sorted
     * within the group; a value of rank {@code r} in its group (r - 1 of its group are larger) is
     * among the band's {@code n} largest only if it is among the {@code floor(n / r)} largest values
     * of rank {@code r}, as each larger one of them brings r - 1 more. So the rank-r values go
     * through a network of {@code n / r} places, not {@code n}: for the top band ({@code n = 9})
     * 22 places for eight values where one network would take 72 (and symmetrically for the
     * smallest). The networks are merged into the first at the end of the band; the selected
     * values are the same.
     */
    void block(float[][] power, int count, Scratch s, double[][] peak, double[][] valley, int t0) {
        int width = s.carryHigh.length;
        float[][] high = s.high;
        float[][] low = s.low;
        float[][] sorted = s.sorted;
        for (int band = 0; band < q.length; band++) {
            int n = q[band];
            int g = group[band];
            int rows = networkRows(n, g);
            for (int i = 0; i < rows; i++) {
                java.util.Arrays.fill(high[i], Float.NEGATIVE_INFINITY);
                java.util.Arrays.fill(low[i], Float.POSITIVE_INFINITY);
            }
            int k = first[band];
            for (; g > 1 && k + g <= end[band]; k += g) {
                if (g == 8) {
                    sort8(power, k, sorted, s.upper, width);
                } else {
                    sort4(power[k], power[k + 1], power[k + 2], power[k + 3], sorted, width);
                }
                for (int r = 1, at = 0; r <= g && n / r > 0; at += n / r, r++) {
                    insert(sorted[r - 1], sorted[g - r], high, low, at, n / r, s, width);
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

    /**
     * Each column of rows a, b, c, d sorted into {@code out[0][j] >= ... >= out[3][j]} (five
     * comparators), a loop each. C2 did not unroll, and so did not vectorise, the five in one loop
     * (ten min/max and eight arrays: 40 % of the contrast's time then).
     */
    private static void sort4(float[] a, float[] b, float[] c, float[] d, float[][] out, int width) {
        float[] o0 = out[0];
        float[] o1 = out[1];
        float[] o2 = out[2];
        float[] o3 = out[3];
        compare(a, b, o0, o1, width);
        compare(c, d, o2, o3, width);
        compare(o0, o2, width);
        compare(o1, o3, width);
        compare(o1, o2, width);
    }

    /**
     * Each column of rows {@code power[k .. k + 8)} sorted into {@code out[0][j] >= ... >= out[7][j]}:
     * each half by {@link #sort4}, then Batcher's odd-even merge, a loop per comparator, as C2
     * vectorises only small loop bodies (the 19 comparators in one loop ran at scalar speed).
     */
    private static void sort8(float[][] power, int k, float[][] out, float[][] upper, int width) {
        sort4(power[k], power[k + 1], power[k + 2], power[k + 3], out, width);
        sort4(power[k + 4], power[k + 5], power[k + 6], power[k + 7], upper, width);
        compare(out[0], out[4], width);
        compare(out[1], out[5], width);
        compare(out[2], out[6], width);
        compare(out[3], out[7], width);
        compare(out[2], out[4], width);
        compare(out[3], out[5], width);
        compare(out[1], out[2], width);
        compare(out[3], out[4], width);
        compare(out[5], out[6], width);
    }

    /** Comparator {@code (a, b)} on each column, in place: the larger value to {@code a}. */
    private static void compare(float[] a, float[] b, int width) {
        compare(a, b, a, b, width);
    }

    /**
     * Comparator on each column: the larger of {@code a[j]} and {@code b[j]} to {@code larger[j]},
     * the smaller to {@code smaller[j]} (either may be {@code a} or {@code b}).
     */
    private static void compare(float[] a, float[] b, float[] larger, float[] smaller, int width) {
        for (int j = 0; j < width; j++) {
            float x = a[j];
            float y = b[j];
            larger[j] = Math.max(x, y);
            smaller[j] = Math.min(x, y);
        }
    }

    /**
     * Sends {@code largest} through the network {@code high[from .. from + size)}, which holds the
     * largest values so far, largest first, and {@code smallest} through {@code low[from .. from +
     * size)}, smallest first: each place keeps the larger (smaller) of its value and the one coming
     * through and passes the other on (min/max, no branches, so the loops over the frames
     * vectorise); what the last place passes on drops out. A loop per network and place: the same
     * time as both networks' step in one loop.
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
            compare(hi, inHigh, hi, outHigh, width);
            compare(inLow, lo, outLow, lo, width);
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
