package gaan.audio;

/**
 * Power spectrogram {@code |STFT(y)|^2} as librosa computes it with {@code center=True}: the
 * signal is padded with {@code nFft/2} zeros on each side ({@code pad_mode='constant'}), frame
 * {@code t} covers padded samples {@code [t*hop, t*hop + nFft)} and is multiplied by a periodic
 * Hann window ({@code 0.5 - 0.5 cos(2 pi n / nFft)}, scipy's {@code get_window('hann', nFft)}).
 * There are {@code T = 1 + len(y) / hop} frames (integer division) and {@code nFft/2 + 1}
 * frequency bins; bin {@code k} is {@code k * sr / nFft} Hz. The windowed frame, its FFT
 * ({@link PairedFft}, two frames per transform) and the squared magnitudes are float32, as
 * librosa's complex64 STFT.
 *
 * <p>Frames are computed in blocks of {@link #BLOCK} consecutive frames laid out bin-major
 * ({@code block[k][j]} is bin {@code k} of frame {@code t0 + j}), so that the mel step reads
 * each bin's frames contiguously and vectorises over frames.
 *
 * <p>Holds a scratch frame and an FFT plan: one instance per thread.
 */
public final class Spectrogram {
    /**
     * Frames per block: every per-bin loop of the mel step and the descriptors runs over them, and
     * C2's code around a loop (scalar iterations before and after the vectorised ones) costs about
     * as much as 64 frames of a min/max step: 128 frames took 1 to 1.4 ms off the descriptors of a
     * 30 s file against 64 (192 and 256 no better). A block is 525 KiB, within a 1 MiB L2.
     */
    public static final int BLOCK = 128;

    private final int nFft;
    private final int hop;
    /** The Hann window times 1/2: {@link PairedFft}'s split leaves the powers of halved frames unscaled. */
    private final float[] halfWindow;
    private final PairedFft fft;
    /** The two windowed frames of a pair. */
    private final float[] frameA;
    private final float[] frameB;

    public Spectrogram(int nFft, int hopLength) {
        this.nFft = nFft;
        this.hop = hopLength;
        // float32 window and products: the frame is float32 anyway, and float loops vectorise wider.
        this.halfWindow = new float[nFft];
        for (int n = 0; n < nFft; n++) {
            halfWindow[n] = 0.5f * (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * n / nFft));
        }
        this.fft = new PairedFft(nFft, BLOCK);
        this.frameA = new float[nFft];
        this.frameB = new float[nFft];
    }

    public int bins() {
        return nFft / 2 + 1;
    }

    /** Number of frames for {@code samples} input samples: {@code 1 + samples / hop}. */
    public int frames(int samples) {
        return 1 + samples / hop;
    }

    /** A buffer for {@link #powerBlock}: {@code bins() x BLOCK} values. */
    public float[][] newBlock() {
        return new float[bins()][BLOCK];
    }

    /**
     * Writes the power of frames {@code t0 .. t0 + BLOCK - 1} of {@code y} into {@code block}
     * ({@code block[k][j]}); the columns of frames past the last one hold stale values.
     */
    public void powerBlock(float[] y, int t0, float[][] block) {
        int count = Math.min(BLOCK, frames(y.length) - t0);
        for (int j = 0; j < count; j += 2) {
            // An odd count pairs the last frame with the one after it, whose column is left stale.
            window(y, t0 + j, frameA);
            window(y, t0 + j + 1, frameB);
            fft.transform(frameA, frameB, j / 2);
        }
        fft.powers(count, block);
    }

    /** Frame {@code t} of the zero-padded signal, times {@link #halfWindow}, into {@code frame}. */
    private void window(float[] y, int t, float[] frame) {
        int origin = t * hop - nFft / 2;
        int from = Math.max(0, -origin);
        int to = Math.min(nFft, y.length - origin);
        if (from > 0 || to < nFft) {
            java.util.Arrays.fill(frame, 0f);
        }
        if (to > from) {
            System.arraycopy(y, origin + from, frame, from, to - from);
        }
        // In place with one index: C2 cannot prove that two arrays read at different offsets do not
        // alias, and would not vectorise frame[n] = w[n] * y[origin + n].
        float[] w = halfWindow;
        for (int n = 0; n < nFft; n++) {
            frame[n] *= w[n];
        }
    }
}
