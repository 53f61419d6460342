package gaan.audio;

/**
 * librosa 0.11's {@code feature.tempo(onset_envelope=onset, sr, hop_length)} with its defaults
 * ({@code ac_size=8.0, start_bpm=120, std_bpm=1.0, max_tempo=320, aggregate=np.mean}) and the
 * mean of the {@code feature.tempogram} it is taken from.
 *
 * <p>The tempogram: the onset envelope is padded by {@code N/2} frames on each side with linear
 * ramps from 0 to its end values ({@code np.pad(mode='linear_ramp')}), {@code N = floor(ac_size
 * sr / hop)} (344); frame {@code t} (one per onset frame) is {@code N} padded values times a
 * periodic Hann window; its autocorrelation over lags {@code 0..N-1} is divided by its largest
 * magnitude ({@code norm=inf}; an all-zero frame stays zero). The tempo is {@code 60 sr / (hop l)}
 * for the lag {@code l} maximising {@code log1p(1e6 tg[l]) - 0.5 (log2(bpm_l) - log2(120))^2},
 * {@code tg} the tempogram's mean over frames, among lags whose tempo is below 320 BPM.
 *
 * <p>librosa takes each frame's autocorrelation by FFT. Here the windowed products are slid
 * along the envelope instead: with {@code p_l[m] = o[m] o[m+l]}, the Hann window makes
 * {@code ac_t[l] = sum_n h[n] h[n+l] p_l[t+n]} a combination of three sums
 * {@code A_j = sum_n e^{i j theta n} p_l[t+n]} ({@code j = 0, 1, 2}, {@code theta = 2 pi / N}), each
 * updated in O(1) per frame and lag (a sliding DFT, float64), so the whole tempogram costs
 * O(T N) instead of O(T N log N). The rounding this adds stays near 1e-13 of a frame's values.
 * Immutable and thread-safe.
 */
final class Tempogram {
    static final double AC_SIZE_SECONDS = 8.0;
    static final double START_BPM = 120.0;
    static final double STD_BPM = 1.0;
    static final double MAX_TEMPO = 320.0;

    private final int n;
    private final double[] bpms;
    private final double[] logPrior;
    /** Per lag: {@code 1 + cos(theta l) / 2}, {@code 1 + e^{i theta l}}, {@code e^{i theta l}}, {@code e^{-i theta l}}, {@code e^{-2 i theta l}}. */
    private final double[] c0;
    private final double[] e1r;
    private final double[] e1i;
    private final double[] in1r;
    private final double[] in1i;
    private final double[] in2r;
    private final double[] in2i;
    private final double[] cos;
    private final double[] sin;

    Tempogram(int sampleRate, int hop) {
        // time_to_frames: floor(int(ac_size * sr) / hop).
        this.n = (int) (AC_SIZE_SECONDS * sampleRate) / hop;
        bpms = new double[n];
        logPrior = new double[n];
        bpms[0] = Double.POSITIVE_INFINITY;
        boolean belowMax = false;
        for (int l = 0; l < n; l++) {
            if (l > 0) {
                bpms[l] = 60.0 * sampleRate / (hop * (double) l);
            }
            belowMax |= bpms[l] < MAX_TEMPO;
            double z = (log2(bpms[l]) - log2(START_BPM)) / STD_BPM;
            logPrior[l] = belowMax ? -0.5 * z * z : Double.NEGATIVE_INFINITY;
        }
        double theta = 2 * Math.PI / n;
        c0 = new double[n];
        e1r = new double[n];
        e1i = new double[n];
        in1r = new double[n];
        in1i = new double[n];
        in2r = new double[n];
        in2i = new double[n];
        cos = new double[n];
        sin = new double[n];
        for (int l = 0; l < n; l++) {
            cos[l] = Math.cos(theta * l);
            sin[l] = Math.sin(theta * l);
        }
        for (int l = 0; l < n; l++) {
            c0[l] = 1 + 0.5 * cos[l];
            e1r[l] = 1 + cos[l];
            e1i[l] = sin[l];
            in1r[l] = cos[l];
            in1i[l] = -sin[l];
            in2r[l] = cos[(2 * l) % n];
            in2i[l] = -sin[(2 * l) % n];
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2.0);
    }

    /** Autocorrelation window {@code N}, frames; the tempogram has {@code N} lags. */
    int lags() {
        return n;
    }

    /** Tempo (BPM) of lag {@code l}; infinite for lag 0. */
    double bpm(int lag) {
        return bpms[lag];
    }

    /** The lag librosa's {@code tempo} picks from a mean tempogram. */
    int bestLag(double[] meanTempogram) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < n; l++) {
            double score = Math.log1p(1e6 * meanTempogram[l]) + logPrior[l];
            if (score > bestScore) {
                best = l;
                bestScore = score;
            }
        }
        return best;
    }

    /** The tempogram's mean over frames, {@code N} lags, of the onset envelope {@code onset[0, frames)}. */
    double[] meanTempogram(float[] onset, int frames) {
        int half = n / 2;
        int length = frames + 2 * half;
        double[] o = new double[length];
        double[] rev = new double[length];
        double first = onset[0];
        double lastValue = onset[frames - 1];
        for (int i = 0; i < half; i++) {
            // np.pad linear_ramp to end value 0: float32 like the envelope.
            o[i] = (float) (first * i / half);
            o[half + frames + i] = (float) (lastValue * (half - 1 - i) / half);
        }
        for (int t = 0; t < frames; t++) {
            o[half + t] = onset[t];
        }
        for (int i = 0; i < length; i++) {
            rev[i] = o[length - 1 - i];
        }
        // Non-zero values per frame: an all-zero frame's autocorrelation is exactly 0, as librosa's.
        int nonZero = 0;
        for (int i = 0; i < n; i++) {
            nonZero += o[i] != 0 ? 1 : 0;
        }
        double[] a0 = new double[n];
        double[] a1r = new double[n];
        double[] a1i = new double[n];
        double[] a2r = new double[n];
        double[] a2i = new double[n];
        for (int l = 0; l < n; l++) {
            for (int m = 0; m < n - l; m++) {
                double p = o[m] * o[m + l];
                a0[l] += p;
                a1r[l] += cos[m] * p;
                a1i[l] += sin[m] * p;
                a2r[l] += cos[(2 * m) % n] * p;
                a2i[l] += sin[(2 * m) % n] * p;
            }
        }
        double r1r = cos[1];
        double r1i = -sin[1];
        double r2r = cos[2 % n];
        double r2i = -sin[2 % n];
        double[] mean = new double[n];
        for (int t = 0; t < frames; t++) {
            // norm=inf divides by the largest |ac_t[l]|, which is ac_t[0] (Cauchy-Schwarz); an
            // all-zero frame adds nothing (scale 0), as librosa's stays zero.
            double ac0 = 0.25 * (c0[0] * a0[0] - (e1r[0] * a1r[0] - e1i[0] * a1i[0])
                    + 0.5 * (in1r[0] * a2r[0] + in1i[0] * a2i[0]));
            double scale = nonZero == 0 ? 0.0 : ac0 < Double.MIN_NORMAL ? 1.0 : 1.0 / ac0;
            boolean last = t + 1 == frames;
            double out = o[t];
            double in = last ? 0.0 : o[t + n];
            int revAt = last ? 0 : length - 1 - t - n;
            // Each lag's autocorrelation from the sums, then the sums slid on: three loops over the
            // lags rather than one, as each is small enough for the JIT to vectorise.
            for (int l = 0; l < n; l++) {
                mean[l] += scale * 0.25 * (c0[l] * a0[l] - (e1r[l] * a1r[l] - e1i[l] * a1i[l])
                        + 0.5 * (in1r[l] * a2r[l] + in1i[l] * a2i[l]));
            }
            for (int l = 0; l < n; l++) {
                double pOut = out * o[t + l];
                double pIn = rev[revAt + l] * in;
                a0[l] += pIn - pOut;
                double x1r = a1r[l] - pOut + in1r[l] * pIn;
                double x1i = a1i[l] + in1i[l] * pIn;
                a1r[l] = r1r * x1r - r1i * x1i;
                a1i[l] = r1r * x1i + r1i * x1r;
            }
            for (int l = 0; l < n; l++) {
                double pOut = out * o[t + l];
                double pIn = rev[revAt + l] * in;
                double x2r = a2r[l] - pOut + in2r[l] * pIn;
                double x2i = a2i[l] + in2i[l] * pIn;
                a2r[l] = r2r * x2r - r2i * x2i;
                a2i[l] = r2r * x2i + r2i * x2r;
            }
            if (!last) {
                nonZero += (o[t + n] != 0 ? 1 : 0) - (o[t] != 0 ? 1 : 0);
            }
        }
        for (int l = 0; l < n; l++) {
            mean[l] /= frames;
        }
        return mean;
    }
}
