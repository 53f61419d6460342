package gaan.audio;

/**
 * librosa's {@code filters.mel(sr, n_fft, n_mels, fmin, fmax, htk=False, norm='slaney')}:
 * triangular filters whose edges are {@code n_mels + 2} points evenly spaced on the Slaney mel
 * scale (linear below 1 kHz at 200/3 Hz per mel, logarithmic above with step ln(6.4)/27), each
 * scaled by {@code 2 / (f[i+2] - f[i])} so that it has unit area. Weights are float32, rounded
 * where librosa rounds them, so the filterbank equals librosa's bit for bit.
 *
 * <p>Each filter is stored as its non-zero range of bins; applying the bank costs about two
 * multiply-adds per bin and frame. Immutable and thread-safe.
 */
public final class MelFilterbank {
    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private final int bins;
    private final int[] start;
    private final float[][] weights;

    public MelFilterbank(int sampleRate, int nFft, int nMels, double fmin, double fmax) {
        this.bins = nFft / 2 + 1;
        double[] melF = melFrequencies(nMels + 2, fmin, fmax);
        double[] fdiff = new double[nMels + 1];
        for (int i = 0; i < fdiff.length; i++) {
            fdiff[i] = melF[i + 1] - melF[i];
        }
        start = new int[nMels];
        weights = new float[nMels][];
        float[] row = new float[bins];
        // np.fft.rfftfreq(n, d=1/sr) multiplies k by 1/(n*d); the same rounding keeps the weights identical.
        double binHz = 1.0 / (nFft * (1.0 / sampleRate));
        for (int m = 0; m < nMels; m++) {
            double enorm = 2.0 / (melF[m + 2] - melF[m]);
            int first = -1;
            int last = -1;
            for (int k = 0; k < bins; k++) {
                double freq = k * binHz;
                double lower = -(melF[m] - freq) / fdiff[m];
                double upper = (melF[m + 2] - freq) / fdiff[m + 1];
                float w = (float) Math.max(0.0, Math.min(lower, upper));
                row[k] = (float) (w * enorm);
                if (row[k] != 0f) {
                    first = first < 0 ? k : first;
                    last = k;
                }
            }
            start[m] = Math.max(first, 0);
            weights[m] = new float[first < 0 ? 0 : last - first + 1];
            for (int k = 0; k < weights[m].length; k++) {
                weights[m][k] = row[start[m] + k];
            }
        }
    }

    /** librosa's Slaney {@code hz_to_mel}. */
    public static double hzToMel(double hz) {
        return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
    }

    /** librosa's Slaney {@code mel_to_hz}. */
    public static double melToHz(double mel) {
        return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
    }

    /**
     * Centre frequency in Hz of each band of {@code new MelFilterbank(sr, nFft, nMels, fmin, fmax)},
     * low to high: the peak of its triangle, the inner points of librosa's {@code mel_frequencies}.
     */
    public static double[] centreFrequencies(int nMels, double fmin, double fmax) {
        return java.util.Arrays.copyOfRange(melFrequencies(nMels + 2, fmin, fmax), 1, nMels + 1);
    }

    /** {@code n} frequencies evenly spaced in mel from fmin to fmax, as {@code np.linspace} spaces them. */
    static double[] melFrequencies(int n, double fmin, double fmax) {
        double lo = hzToMel(fmin);
        double hi = hzToMel(fmax);
        double step = (hi - lo) / (n - 1);
        double[] hz = new double[n];
        for (int i = 0; i < n; i++) {
            hz[i] = melToHz(i == n - 1 ? hi : lo + i * step);
        }
        return hz;
    }

    public int bands() {
        return weights.length;
    }

    /** The dense {@code (nMels, nFft/2 + 1)} weight matrix, as {@code librosa.filters.mel} returns it. */
    public float[][] dense() {
        float[][] out = new float[weights.length][bins];
        for (int m = 0; m < weights.length; m++) {
            for (int k = 0; k < weights[m].length; k++) {
                out[m][start[m] + k] = weights[m][k];
            }
        }
        return out;
    }

    /**
     * Mel power of a block of {@code count} frames laid out as {@link Spectrogram#powerBlock}
     * writes them: {@code mel[m][t0 + j] = sum_k W[m][k] * block[k][j]}, summed in float32 as
     * librosa's float32 matrix product sums.
     */
    public void applyBlock(float[][] block, int count, float[][] mel, int t0) {
        float[] acc = new float[block[0].length];
        for (int m = 0; m < weights.length; m++) {
            float[] w = weights[m];
            int s = start[m];
            java.util.Arrays.fill(acc, 0f);
            int k = 0;
            // Four bins per pass over the block's frames: each pass costs a loop set-up (alignment
            // pre-loop, tail) as well as its vector work.
            for (; k + 3 < w.length; k += 4) {
                float w0 = w[k];
                float w1 = w[k + 1];
                float w2 = w[k + 2];
                float w3 = w[k + 3];
                float[] b0 = block[s + k];
                float[] b1 = block[s + k + 1];
                float[] b2 = block[s + k + 2];
                float[] b3 = block[s + k + 3];
                // Over the block's frames, one index for every array: C2 vectorises it.
                for (int j = 0; j < acc.length; j++) {
                    acc[j] += (w0 * b0[j] + w1 * b1[j]) + (w2 * b2[j] + w3 * b3[j]);
                }
            }
            for (; k < w.length; k++) {
                float wk = w[k];
                float[] bin = block[s + k];
                for (int j = 0; j < acc.length; j++) {
                    acc[j] += wk * bin[j];
                }
            }
            System.arraycopy(acc, 0, mel[m], t0, count);
        }
    }
}
