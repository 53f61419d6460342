package gaan.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_TX_FLOAT_RDFT;
import static org.bytedeco.ffmpeg.global.avutil.av_tx_init;
import static org.bytedeco.ffmpeg.global.avutil.av_tx_uninit;

import java.lang.ref.Cleaner;

import org.bytedeco.ffmpeg.avutil.AVTXContext;
import org.bytedeco.ffmpeg.avutil.av_tx_fn;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Power spectrum of real float32 frames of a power-of-two length, by FFmpeg's {@code av_tx}
 * real-to-complex transform (SIMD; about twice as fast as JTransforms' float64 transform here).
 * Single precision is enough for librosa parity: the fixtures' mel tolerances hold with margin.
 *
 * <p>Owns an FFmpeg transform context and native buffers, released when the instance becomes
 * unreachable. Not thread-safe: one instance per thread.
 */
final class RealFft {
    private static final Cleaner CLEANER = Cleaner.create();
    /** av_tx's SIMD code wants buffers aligned for AVX-512 loads. */
    private static final int ALIGN_BYTES = 64;

    private final int n;
    private final Native handle;
    private final float[] spectrum;

    /** The native side; also the cleanup action, so it must not refer back to the RealFft. */
    private static final class Native implements Runnable {
        final AVTXContext ctx = new AVTXContext(null);
        final PointerPointer<Pointer> fnSlot = new PointerPointer<>(1L);
        final av_tx_fn fn = new av_tx_fn(fnSlot);
        final FloatPointer inRaw;
        final FloatPointer outRaw;
        final FloatPointer in;
        final FloatPointer out;

        Native(int n) {
            inRaw = new FloatPointer(n + 2 + ALIGN_BYTES / 4);
            outRaw = new FloatPointer(n + 2 + ALIGN_BYTES / 4);
            in = aligned(inRaw);
            out = aligned(outRaw);
        }

        private static FloatPointer aligned(FloatPointer raw) {
            long misalignment = raw.address() % ALIGN_BYTES;
            long shift = misalignment == 0 ? 0 : (ALIGN_BYTES - misalignment) / Float.BYTES;
            // A pointer whose address itself is aligned: native calls on a void* ignore the position.
            return raw.getPointer(shift);
        }

        @Override
        public void run() {
            av_tx_uninit(ctx);
        }
    }

    RealFft(int n) {
        this.n = n;
        this.handle = new Native(n);
        FloatPointer scale = new FloatPointer(1).put(1f);
        // av_tx_init writes the transform function into the slot behind `fn`.
        int ret = av_tx_init(handle.ctx, handle.fn, AV_TX_FLOAT_RDFT, 0, n, scale, 0);
        scale.close();
        if (ret < 0) {
            throw new IllegalStateException("FFmpeg's av_tx cannot make a " + n + "-point real FFT (error " + ret + ")");
        }
        CLEANER.register(this, handle);
        this.spectrum = new float[n + 2];
    }

    /** {@code power[k] = |X[k]|^2}, {@code k = 0..n/2}, of the real frame {@code x[0, n)}. */
    void power(float[] x, double[] power) {
        handle.in.put(x, 0, n);
        handle.fn.call(handle.ctx, handle.out, handle.in, Float.BYTES);
        handle.out.get(spectrum, 0, n + 2);
        float[] s = spectrum;
        for (int k = 0; k <= n / 2; k++) {
            // float32 products, as librosa squares its complex64 magnitudes
            float re = s[2 * k];
            float im = s[2 * k + 1];
            power[k] = re * re + im * im;
        }
    }
}
