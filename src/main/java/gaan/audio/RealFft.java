package gaan.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_TX_FLOAT_RDFT;
import static org.bytedeco.ffmpeg.global.avutil.av_tx_init;
import static org.bytedeco.ffmpeg.global.avutil.av_tx_uninit;

import java.lang.ref.Cleaner;
import java.nio.FloatBuffer;

import org.bytedeco.ffmpeg.avutil.AVTXContext;
import org.bytedeco.ffmpeg.avutil.av_tx_fn;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Power spectra of real float32 frames of a power-of-two length, by FFmpeg's {@code av_tx}
 * real-to-complex transform (SIMD; about twice as fast as JTransforms' float64 transform here).
 * Single precision is enough for librosa parity: the fixtures' mel tolerances hold with margin.
 *
 * <p>Frames are transformed one by one into one native buffer, each spectrum copied out into a
 * batch of {@code batch} spectra at once (while it is in L1), which is then turned into powers
 * laid out bin-major ({@link #powers}).
 *
 * <p>Owns an FFmpeg transform context and native buffers, released when the instance becomes
 * unreachable. Not thread-safe: one instance per thread.
 */
final class RealFft {
    private static final Cleaner CLEANER = Cleaner.create();
    /** av_tx's SIMD code wants buffers aligned for AVX-512 loads. */
    private static final int ALIGN_BYTES = 64;
    private static final int ALIGN_FLOATS = ALIGN_BYTES / Float.BYTES;
    /** Bins per tile of the transposition. */
    private static final int TILE = 64;

    private final int n;
    /** Floats from one spectrum to the next in the batch: n + 2, rounded up to a multiple of 16. */
    private final int stride;
    private final Native handle;
    private final float[] spectra;

    /** The native side; also the cleanup action, so it must not refer back to the RealFft. */
    private static final class Native implements Runnable {
        final AVTXContext ctx = new AVTXContext(null);
        final PointerPointer<Pointer> fnSlot = new PointerPointer<>(1L);
        final av_tx_fn fn = new av_tx_fn(fnSlot);
        final FloatPointer inRaw;
        final FloatPointer outRaw;
        final FloatPointer in;
        final FloatPointer out;
        /**
         * Views of {@link #in} and {@link #out}: their bulk copies are plain Java (an intrinsic memory
         * copy), where FloatPointer's get and put are a JNI call each, twice per frame.
         */
        final FloatBuffer inView;
        final FloatBuffer outView;

        Native(int n) {
            inRaw = new FloatPointer(n + ALIGN_FLOATS);
            outRaw = new FloatPointer(n + 2 + ALIGN_FLOATS);
            in = aligned(inRaw);
            out = aligned(outRaw);
            inView = in.limit(n).asBuffer();
            outView = out.limit(n + 2).asBuffer();
            if (inView.capacity() != n || outView.capacity() != n + 2) {
                throw new IllegalStateException("unexpected FFT buffer views: " + inView + ", " + outView);
            }
        }

        private static FloatPointer aligned(FloatPointer raw) {
            long misalignment = raw.address() % ALIGN_BYTES;
            long shift = misalignment == 0 ? 0 : (ALIGN_BYTES - misalignment) / Float.BYTES;
            return raw.getPointer(shift);
        }

        @Override
        public void run() {
            av_tx_uninit(ctx);
        }
    }

    /** A transform of {@code n} points with room for {@code batch} spectra, a multiple of 8. */
    RealFft(int n, int batch) {
        if (batch % 8 != 0) {
            throw new IllegalArgumentException("the batch must be a multiple of 8, got " + batch);
        }
        this.n = n;
        this.stride = (n + 2 + ALIGN_FLOATS - 1) / ALIGN_FLOATS * ALIGN_FLOATS;
        this.handle = new Native(n);
        FloatPointer scale = new FloatPointer(1).put(1f);
        // av_tx_init writes the transform function into the slot behind `fn`.
        int ret = av_tx_init(handle.ctx, handle.fn, AV_TX_FLOAT_RDFT, 0, n, scale, 0);
        scale.close();
        if (ret < 0) {
            throw new IllegalStateException("FFmpeg's av_tx cannot make a " + n + "-point real FFT (error " + ret + ")");
        }
        CLEANER.register(this, handle);
        this.spectra = new float[stride * batch];
    }

    /** Transforms the real frame {@code x[0, n)} into slot {@code j} of the batch. */
    void transform(float[] x, int j) {
        handle.inView.put(0, x, 0, n);
        handle.fn.call(handle.ctx, handle.out, handle.in, Float.BYTES);
        // Copied out while the spectrum is still in L1: one native buffer stays hot for every frame.
        handle.outView.get(0, spectra, j * stride, n + 2);
    }

    /**
     * {@code out[k][j] = |X_j[k]|^2}, {@code k = 0..n/2}, for the spectra in slots
     * {@code j < count}; columns up to the next multiple of eight get stale values. The products are
     * float32, as librosa squares its complex64 magnitudes.
     */
    void powers(int count, float[][] out) {
        float[] s = spectra;
        int bins = n / 2 + 1;
        // A transposition: tiled so that the tile's output rows stay in L1, eight frames per pass so
        // that each row is loaded once per eight contiguous stores.
        for (int k0 = 0; k0 < bins; k0 += TILE) {
            int k1 = Math.min(bins, k0 + TILE);
            for (int j = 0; j < count; j += 8) {
                int b0 = j * stride;
                int b1 = b0 + stride;
                int b2 = b1 + stride;
                int b3 = b2 + stride;
                int b4 = b3 + stride;
                int b5 = b4 + stride;
                int b6 = b5 + stride;
                int b7 = b6 + stride;
                for (int k = k0; k < k1; k++) {
                    float[] row = out[k];
                    int at = 2 * k;
                    row[j] = power(s, b0 + at);
                    row[j + 1] = power(s, b1 + at);
                    row[j + 2] = power(s, b2 + at);
                    row[j + 3] = power(s, b3 + at);
                    row[j + 4] = power(s, b4 + at);
                    row[j + 5] = power(s, b5 + at);
                    row[j + 6] = power(s, b6 + at);
                    row[j + 7] = power(s, b7 + at);
                }
            }
        }
    }

    private static float power(float[] s, int at) {
        float re = s[at];
        float im = s[at + 1];
        return re * re + im * im;
    }
}
