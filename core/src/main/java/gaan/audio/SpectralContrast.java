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
 * <p>The selection runs on powers (the square root is monotonic) through a branch-free
 * insertion network per frame, which the JIT vectorises over the block's frames; only the
 * selected values are square-rooted. Immutable and thread-safe.
 */
final class SpectralContrast {
    static final double FMIN = 200.0;
    static final int N_BANDS = 6;
    static final double QUANTILE = 0.02;
    private static final double AMIN = 1e-10;
    private static final double TOP_DB = 80.0;

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

    /** The largest {@code q} of any band: rows of the selection scratch. */
    int maxQuantileCount() {
        int max = 0;
        for (int v : q) {
            max = Math.max(max, v);
        }
        return max;
    }

    /**
     * Peak and valley magnitudes of block columns {@code [0, count)} of {@code power[k][j]} into
     * {@code peak[band][t0 + j]} and {@code valley[band][t0 + j]}; {@code low} and {@code high} are
     * {@link #maxQuantileCount()} scratch rows of the block's width, {@code carryLow} and
     * {@code carryHigh} one row each.
     */
    void block(float[][] power, int count, float[][] low, float[][] high, float[] carryLow, float[] carryHigh,
               double[][] peak, double[][] valley, int t0) {
        int width = low[0].length;
        for (int band = 0; band < q.length; band++) {
            int n = q[band];
            for (int i = 0; i < n; i++) {
                java.util.Arrays.fill(low[i], Float.POSITIVE_INFINITY);
                java.util.Arrays.fill(high[i], Float.NEGATIVE_INFINITY);
            }
            for (int k = first[band]; k < end[band]; k++) {
                float[] row = power[k];
                System.arraycopy(row, 0, carryLow, 0, width);
                System.arraycopy(row, 0, carryHigh, 0, width);
                // low[0..n) holds the n smallest so far in ascending order, high[0..n) the n largest
                // in descending order: each value bubbles through (min/max swaps, no branches).
                for (int i = 0; i < n; i++) {
                    float[] lo = low[i];
                    float[] hi = high[i];
                    for (int j = 0; j < width; j++) {
                        float l = lo[j];
                        float cl = carryLow[j];
                        lo[j] = Math.min(l, cl);
                        carryLow[j] = Math.max(l, cl);
                        float h = hi[j];
                        float ch = carryHigh[j];
                        hi[j] = Math.max(h, ch);
                        carryHigh[j] = Math.min(h, ch);
                    }
                }
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
