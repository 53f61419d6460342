package gaan.audio;

/**
 * librosa's {@code filters.mel(sr, n_fft, n_mels, fmin, fmax, htk=False, norm='slaney')}:
 * triangular filters whose edges are {@code n_mels + 2} points evenly spaced on the Slaney mel
 * scale (linear below 1 kHz at 200/3 Hz per mel, logarithmic above with step ln(6.4)/27), each
 * scaled by {@code 2 / (f[i+2] - f[i])} so that it has unit area. Weights are float32, rounded
 * where librosa rounds them, so the filterbank equals librosa's bit for bit.
 *
 * <p>Each filter is stored as its non-zero range of bins; applying the bank costs about two
 * multiply-adds per bin. Immutable and thread-safe.
 */
public final class MelFilterbank {
    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private final int bins;
    private final int[] start;
    private final double[][] weights;

    public MelFilterbank(int sampleRate, int nFft, int nMels, double fmin, double fmax) {
        this.bins = nFft / 2 + 1;
        double[] melF = melFrequencies(nMels + 2, fmin, fmax);
        double[] fdiff = new double[nMels + 1];
        for (int i = 0; i < fdiff.length; i++) {
            fdiff[i] = melF[i + 1] - melF[i];
        }
        start = new int[nMels];
        weights = new double[nMels][];
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
            weights[m] = new double[first < 0 ? 0 : last - first + 1];
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
                out[m][start[m] + k] = (float) weights[m][k];
            }
        }
        return out;
    }

    /** Mel power of one frame: {@code mel[m] = sum_k W[m][k] * power[k]}. */
    public void applyFrame(double[] power, double[] mel) {
        for (int m = 0; m < weights.length; m++) {
            double[] w = weights[m];
            int s = start[m];
            // Four partial sums: one chain of dependent additions would wait on each add's latency.
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int k = 0;
            for (; k + 3 < w.length; k += 4) {
                s0 += w[k] * power[s + k];
                s1 += w[k + 1] * power[s + k + 1];
                s2 += w[k + 2] * power[s + k + 2];
                s3 += w[k + 3] * power[s + k + 3];
            }
            for (; k < w.length; k++) {
                s0 += w[k] * power[s + k];
            }
            mel[m] = (s0 + s1) + (s2 + s3);
        }
    }

    /** Mel spectrogram {@code (nMels, T)} of a power spectrogram {@code (bins, T)}. */
    public float[][] apply(float[][] power) {
        int frames = power.length == 0 ? 0 : power[0].length;
        float[][] out = new float[weights.length][frames];
        double[] column = new double[bins];
        double[] mel = new double[weights.length];
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < bins; k++) {
                column[k] = power[k][t];
            }
            applyFrame(column, mel);
            for (int m = 0; m < mel.length; m++) {
                out[m][t] = (float) mel[m];
            }
        }
        return out;
    }
}
