package gaan.audio;

/**
 * Power spectrogram {@code |STFT(y)|^2} as librosa computes it with {@code center=True}: the
 * signal is padded with {@code nFft/2} zeros on each side ({@code pad_mode='constant'}), frame
 * {@code t} covers padded samples {@code [t*hop, t*hop + nFft)} and is multiplied by a periodic
 * Hann window ({@code 0.5 - 0.5 cos(2 pi n / nFft)}, scipy's {@code get_window('hann', nFft)}).
 * There are {@code T = 1 + len(y) / hop} frames (integer division) and {@code nFft/2 + 1}
 * frequency bins; bin {@code k} is {@code k * sr / nFft} Hz. The windowed frame, its FFT
 * ({@link RealFft}) and the squared magnitudes are float32, as librosa's complex64 STFT.
 *
 * <p>Holds a scratch frame and an FFT plan: one instance per thread.
 */
public final class Spectrogram {
    private final int nFft;
    private final int hop;
    private final float[] window;
    private final RealFft fft;
    private final float[] frame;

    public Spectrogram(int nFft, int hopLength) {
        this.nFft = nFft;
        this.hop = hopLength;
        // float32 window and products: the frame is float32 anyway, and float loops vectorise wider.
        this.window = new float[nFft];
        for (int n = 0; n < nFft; n++) {
            window[n] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * n / nFft));
        }
        this.fft = new RealFft(nFft);
        this.frame = new float[nFft];
    }

    public int bins() {
        return nFft / 2 + 1;
    }

    /** Number of frames for {@code samples} input samples: {@code 1 + samples / hop}. */
    public int frames(int samples) {
        return 1 + samples / hop;
    }

    /** Writes the power of frame {@code t} of {@code y} into {@code power[0, bins())}. */
    public void powerFrame(float[] y, int t, double[] power) {
        int origin = t * hop - nFft / 2;
        int from = Math.max(0, -origin);
        int to = Math.min(nFft, y.length - origin);
        if (from > 0 || to < nFft) {
            java.util.Arrays.fill(frame, 0f);
        }
        for (int n = from; n < to; n++) {
            frame[n] = window[n] * y[origin + n];
        }
        fft.power(frame, power);
    }

    /** The whole power spectrogram, shape {@code (bins, T)} as librosa returns it. */
    public float[][] power(float[] y) {
        int frames = frames(y.length);
        float[][] out = new float[bins()][frames];
        double[] column = new double[bins()];
        for (int t = 0; t < frames; t++) {
            powerFrame(y, t, column);
            for (int k = 0; k < column.length; k++) {
                out[k][t] = (float) column[k];
            }
        }
        return out;
    }
}
