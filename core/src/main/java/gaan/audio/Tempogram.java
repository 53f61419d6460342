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
 * O(T N) instead of O(T N log N). As {@code ac_t[l]} is linear in the sums, the mean over frames
 * of {@code ac_t[l] / ac_t[0]} is the same combination of the sums weighted by {@code 1 / ac_t[0]}
 * and added up over the frames: no frame's autocorrelation is formed. The rounding this adds
 * stays near 1e-13 of a frame's values.
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
    /** Per lag: {@code cos(theta l)}, {@code sin(theta l)}, {@code cos(2 theta l)}, {@code sin(2 theta l)}. */
    private final double[] cos;
    private final double[] sin;
    private final double[] cos2;
    private final double[] sin2;

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
        cos = new double[n];
        sin = new double[n];
        for (int l = 0; l < n; l++) {
            cos[l] = Math.cos(theta * l);
            sin[l] = Math.sin(theta * l);
        }
        cos2 = new double[n];
        sin2 = new double[n];
        for (int l = 0; l < n; l++) {
            cos2[l] = cos[(2 * l) % n];
            sin2[l] = sin[(2 * l) % n];
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

    /**
     * The windowed autocorrelation at lag {@code l} from the sums {@code A_0}, {@code A_1},
     * {@code A_2} of the lag's products: {@code h[n] h[n+l]} expanded into the exponentials
     * {@code e^{i j theta n}}, {@code j = 0, 1, 2}.
     */
    private double acf(int l, double a0, double a1r, double a1i, double a2r, double a2i) {
        return 0.25 * ((1 + 0.5 * cos[l]) * a0 - ((1 + cos[l]) * a1r - sin[l] * a1i)
                + 0.5 * (cos[l] * a2r - sin[l] * a2i));
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
                a2r[l] += cos2[m] * p;
                a2i[l] += sin2[m] * p;
            }
        }
        double r1r = cos[1];
        double r1i = -sin[1];
        double r2r = cos2[1];
        double r2i = -sin2[1];
        // The sums weighted by each frame's scale, added up over the frames: the autocorrelation is
        // linear in the sums, so the mean tempogram is acf of these, taken once at the end.
        double[] w0 = new double[n];
        double[] w1r = new double[n];
        double[] w1i = new double[n];
        double[] w2r = new double[n];
        double[] w2i = new double[n];
        double[] outgoing = new double[n];
        double[] incoming = new double[n];
        for (int t = 0; t < frames; t++) {
            // norm=inf divides by the largest |ac_t[l]|, which is ac_t[0] (Cauchy-Schwarz); an
            // all-zero frame adds nothing (scale 0), as librosa's stays zero.
            double scale0 = acf(0, a0[0], a1r[0], a1i[0], a2r[0], a2i[0]);
            double scale = nonZero == 0 ? 0.0 : scale0 < Double.MIN_NORMAL ? 1.0 : 1.0 / scale0;
            boolean last = t + 1 == frames;
            double out = o[t];
            double in = last ? 0.0 : o[t + n];
            int revAt = last ? 0 : length - 1 - t - n;
            // The weighted sums, then the sums slid on: four loops over the lags rather than one,
            // each small enough for C2 to unroll and so vectorise (it does neither to a large body).
            for (int l = 0; l < n; l++) {
                w0[l] += scale * a0[l];
                w1r[l] += scale * a1r[l];
                w1i[l] += scale * a1i[l];
            }
            for (int l = 0; l < n; l++) {
                w2r[l] += scale * a2r[l];
                w2i[l] += scale * a2i[l];
            }
            // The windows copied out first: the JIT does not vectorise loops that read o and rev
            // at an offset from the index they store at.
            System.arraycopy(o, t, outgoing, 0, n);
            System.arraycopy(rev, revAt, incoming, 0, n);
            for (int l = 0; l < n; l++) {
                double pOut = out * outgoing[l];
                double pIn = incoming[l] * in;
                a0[l] += pIn - pOut;
                double x1r = a1r[l] - pOut + cos[l] * pIn;
                double x1i = a1i[l] - sin[l] * pIn;
                a1r[l] = r1r * x1r - r1i * x1i;
                a1i[l] = r1r * x1i + r1i * x1r;
            }
            for (int l = 0; l < n; l++) {
                double pOut = out * outgoing[l];
                double pIn = incoming[l] * in;
                double x2r = a2r[l] - pOut + cos2[l] * pIn;
                double x2i = a2i[l] - sin2[l] * pIn;
                a2r[l] = r2r * x2r - r2i * x2i;
                a2i[l] = r2r * x2i + r2i * x2r;
            }
            if (!last) {
                nonZero += (o[t + n] != 0 ? 1 : 0) - (o[t] != 0 ? 1 : 0);
            }
        }
        double[] mean = new double[n];
        for (int l = 0; l < n; l++) {
            mean[l] = acf(l, w0[l], w1r[l], w1i[l], w2r[l], w2i[l]) / frames;
        }
        return mean;
    }
}
