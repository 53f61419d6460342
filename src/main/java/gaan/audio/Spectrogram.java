package gaan.audio;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Power spectrogram {@code |STFT(y)|^2} as librosa computes it with {@code center=True}: the
 * signal is padded with {@code nFft/2} zeros on each side ({@code pad_mode='constant'}), frame
 * {@code t} covers padded samples {@code [t*hop, t*hop + nFft)} and is multiplied by a periodic
 * Hann window ({@code 0.5 - 0.5 cos(2 pi n / nFft)}, scipy's {@code get_window('hann', nFft)}).
 * There are {@code T = 1 + len(y) / hop} frames (integer division) and {@code nFft/2 + 1}
 * frequency bins; bin {@code k} is {@code k * sr / nFft} Hz. Values are computed in float64.
 *
 * <p>Holds a scratch frame and an FFT plan: one instance per thread.
 */
public final class Spectrogram {
    private final int nFft;
    private final int hop;
    private final double[] window;
    private final DoubleFFT_1D fft;
    private final double[] frame;

    public Spectrogram(int nFft, int hopLength) {
        this.nFft = nFft;
        this.hop = hopLength;
        this.window = new double[nFft];
        for (int n = 0; n < nFft; n++) {
            window[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / nFft);
        }
        this.fft = new DoubleFFT_1D(nFft);
        this.frame = new double[nFft];
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
        java.util.Arrays.fill(frame, 0.0);
        for (int n = from; n < to; n++) {
            frame[n] = window[n] * y[origin + n];
        }
        fft.realForward(frame);
        int half = nFft / 2;
        power[0] = frame[0] * frame[0];
        power[half] = frame[1] * frame[1];
        for (int k = 1; k < half; k++) {
            double re = frame[2 * k];
            double im = frame[2 * k + 1];
            power[k] = re * re + im * im;
        }
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
