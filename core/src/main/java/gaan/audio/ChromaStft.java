package gaan.audio;

/**
 * librosa 0.11's {@code feature.chroma_stft(S=|D|^2, tuning=0.0)} with its defaults
 * ({@code n_chroma=12, norm=inf}): the power spectrum times {@code filters.chroma(sr, n_fft,
 * tuning=0, ctroct=5, octwidth=2, norm=2, base_c=True)} (Gaussian bumps around each pitch class
 * in every octave, each bin's column L2-normalised, weighted by a Gaussian over octaves centred
 * on octave 5, rows starting at C), then each frame divided by its largest value (frames whose
 * largest value is below float32's smallest normal number are left as they are, as
 * {@code util.normalize} leaves them). The filterbank is built in float64 and rounded to float32
 * as librosa's; the product is summed in float32. Immutable and thread-safe.
 */
final class ChromaStft {
    static final int N_CHROMA = 12;
    private static final double CTROCT = 5.0;
    private static final double OCTWIDTH = 2.0;
    /** Chroma rows per pass over the block: each power value is loaded once for four rows. */
    private static final int PASS = 4;

    /**
     * A weight below this fraction of its bin's largest is left out of the product: at most
     * {@code 12 * NEGLIGIBLE} of the frame's largest chroma value in all (each chroma value is at
     * least the weighted power of its own class), well below float32 rounding. A class's Gaussian
     * bumps fall below it about three semitones from their centres, so each pass skips a fifth
     * of the bins.
     */
    static final double NEGLIGIBLE = 1e-9;

    /** {@code (N_CHROMA, bins)} float32 weights, row 0 = C. */
    private final float[][] weights;
    /** Per pass of {@code PASS} rows: the bins where one of its rows' weights is not negligible, ascending. */
    private final int[][] passBins;

    ChromaStft(double sampleRate, int nFft) {
        int n = N_CHROMA;
        double[] frqbins = new double[nFft];
        for (int i = 1; i < nFft; i++) {
            double hz = i * (sampleRate / nFft);
            // hz_to_octs with tuning 0: log2(f / (440 / 16)).
            frqbins[i] = n * (Math.log(hz / (440.0 / 16)) / Math.log(2.0));
        }
        frqbins[0] = frqbins[1] - 1.5 * n;
        double[] binwidth = new double[nFft];
        for (int i = 0; i < nFft - 1; i++) {
            binwidth[i] = Math.max(frqbins[i + 1] - frqbins[i], 1.0);
        }
        binwidth[nFft - 1] = 1;
        double half = Math.rint(n / 2.0);
        double[][] wts = new double[n][nFft];
        for (int i = 0; i < nFft; i++) {
            double norm = 0;
            for (int c = 0; c < n; c++) {
                double d = frqbins[i] - c;
                d = floorMod(d + half + 10 * n, n) - half;
                double z = 2 * d / binwidth[i];
                wts[c][i] = Math.exp(-0.5 * z * z);
                norm += wts[c][i] * wts[c][i];
            }
            norm = Math.sqrt(norm);
            double octave = (frqbins[i] / n - CTROCT) / OCTWIDTH;
            double octaveWeight = Math.exp(-0.5 * octave * octave);
            for (int c = 0; c < n; c++) {
                wts[c][i] = wts[c][i] / norm * octaveWeight;
            }
        }
        int bins = nFft / 2 + 1;
        weights = new float[n][bins];
        int shift = 3 * (n / 12);
        for (int c = 0; c < n; c++) {
            // base_c: np.roll(wts, -3, axis=0) puts the A-based row 3 first.
            double[] src = wts[(c + shift) % n];
            for (int i = 0; i < bins; i++) {
                weights[c][i] = (float) src[i];
            }
        }
        passBins = new int[N_CHROMA / PASS][];
        for (int c0 = 0; c0 < N_CHROMA; c0 += PASS) {
            int[] kept = new int[bins];
            int count = 0;
            for (int k = 0; k < bins; k++) {
                float largest = 0f;
                float passLargest = 0f;
                for (int c = 0; c < n; c++) {
                    largest = Math.max(largest, weights[c][k]);
                    passLargest = c >= c0 && c < c0 + PASS ? Math.max(passLargest, weights[c][k]) : passLargest;
                }
                if (passLargest >= NEGLIGIBLE * largest) {
                    kept[count++] = k;
                }
            }
            passBins[c0 / PASS] = java.util.Arrays.copyOf(kept, count);
        }
    }

    /** numpy's {@code np.remainder} for a positive divisor: the result has the divisor's sign. */
    private static double floorMod(double x, double m) {
        double r = x % m;
        return r < 0 ? r + m : r;
    }

    /** The {@code (12, nFft/2 + 1)} filterbank, as {@code librosa.filters.chroma} returns it. */
    float[][] weights() {
        return weights;
    }

    /**
     * Chroma of block columns {@code [0, count)} of {@code power[k][j]} into
     * {@code chroma[c][t0 + j]}; {@code acc} is {@code PASS} scratch rows of the block's width.
     * Negligible weights ({@link #NEGLIGIBLE}) are skipped, {@code PASS} rows at a time.
     */
    void block(float[][] power, int count, float[][] acc, float[][] chroma, int t0) {
        int width = acc[0].length;
        for (int c0 = 0; c0 < N_CHROMA; c0 += PASS) {
            float[] a0 = acc[0];
            float[] a1 = acc[1];
            float[] a2 = acc[2];
            float[] a3 = acc[3];
            for (float[] row : acc) {
                java.util.Arrays.fill(row, 0f);
            }
            float[] w0 = weights[c0];
            float[] w1 = weights[c0 + 1];
            float[] w2 = weights[c0 + 2];
            float[] w3 = weights[c0 + 3];
            for (int k : passBins[c0 / PASS]) {
                float[] p = power[k];
                float x0 = w0[k];
                float x1 = w1[k];
                float x2 = w2[k];
                float x3 = w3[k];
                for (int j = 0; j < width; j++) {
                    float v = p[j];
                    a0[j] += x0 * v;
                    a1[j] += x1 * v;
                    a2[j] += x2 * v;
                    a3[j] += x3 * v;
                }
            }
            for (int q = 0; q < PASS; q++) {
                System.arraycopy(acc[q], 0, chroma[c0 + q], t0, count);
            }
        }
        for (int j = t0; j < t0 + count; j++) {
            float max = 0f;
            for (int c = 0; c < N_CHROMA; c++) {
                max = Math.max(max, Math.abs(chroma[c][j]));
            }
            float norm = max < Float.MIN_NORMAL ? 1f : max;
            for (int c = 0; c < N_CHROMA; c++) {
                chroma[c][j] /= norm;
            }
        }
    }
}
