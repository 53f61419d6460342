package gaan.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.AV_TX_FLOAT_FFT;
import static org.bytedeco.ffmpeg.global.avutil.av_tx_init;
import static org.bytedeco.ffmpeg.global.avutil.av_tx_uninit;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;

import java.nio.FloatBuffer;

import org.bytedeco.ffmpeg.avutil.AVTXContext;
import org.bytedeco.ffmpeg.avutil.av_tx_fn;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Power spectra of real float32 frames of a power-of-two length {@code n}, two frames per
 * complex FFT: frames {@code a} and {@code b} are transformed as {@code z = a + i b} by FFmpeg's
 * {@code av_tx} (SIMD), then split while the powers are taken,
 * {@code |A_k|^2 = |Z_k + conj(Z_{n-k})|^2 / 4} and {@code |B_k|^2 = |Z_k - conj(Z_{n-k})|^2 / 4}.
 * One complex FFT of two frames costs 60 % of two real FFTs here (FFmpeg's real-input split is
 * scalar code as slow as the half-length FFT itself). The factor 1/4 is not applied: callers scale
 * their frames by 1/2, which is exact in binary floating point.
 *
 * <p>Rounding: each frame's spectrum carries the float32 rounding of the pair's FFT, about
 * {@code 1e-7} of the louder frame's magnitude. Paired frames are neighbours (75 % overlap), so
 * this is the noise floor a float32 FFT of either frame has anyway; where a frame is 140 dB quieter
 * than its neighbour the floor shows in its powers, far below {@code power_to_db}'s 80 dB range.
 *
 * <p>The pair is copied into two native planes (frame {@code a}, then {@code b}); swresample's SIMD
 * planar-to-packed conversion interleaves them into the FFT's complex input, four times faster than
 * the strided Java stores would. Spectra are copied out into a batch while they are in L1 and turned
 * into powers laid out bin-major ({@link #powers}).
 *
 * <p>Owns an FFmpeg transform context, a swresample context and native buffers, released when the
 * instance becomes unreachable. Not thread-safe: one instance per thread.
 */
final class PairedFft {
    /** av_tx's SIMD code wants buffers aligned for AVX-512 loads. */
    private static final int ALIGN_BYTES = 64;
    private static final int ALIGN_FLOATS = ALIGN_BYTES / Float.BYTES;
    /** Bins per tile of the transposition. */
    private static final int TILE = 64;
    /** Pairs per pass of the transposition: eight frames, so each row gets eight contiguous stores. */
    private static final int PAIRS_PER_PASS = 4;

    private final int n;
    /** Floats from one pair's spectrum to the next in the batch: 2n, rounded up to a multiple of 16. */
    private final int stride;
    private final Native handle;
    private final float[] spectra;

    /** The native side; also the cleanup action, so it must not refer back to the PairedFft. */
    private static final class Native implements Runnable {
        final AVTXContext ctx = new AVTXContext(null);
        final PointerPointer<Pointer> fnSlot = new PointerPointer<>(1L);
        final av_tx_fn fn = new av_tx_fn(fnSlot);
        final SwrContext interleaver = FormatConversion.open(2, AV_SAMPLE_FMT_FLTP, AV_SAMPLE_FMT_FLT);
        final FloatPointer planesRaw;
        final FloatPointer inRaw;
        final FloatPointer outRaw;
        final FloatPointer planes;
        final FloatPointer in;
        final FloatPointer out;
        final PointerPointer<FloatPointer> planeList;
        final PointerPointer<FloatPointer> inList;
        /**
         * Views of {@link #planes} and {@link #out}: their bulk copies are plain Java (an intrinsic
         * memory copy), where FloatPointer's get and put are a JNI call each.
         */
        final FloatBuffer planesView;
        final FloatBuffer outView;

        Native(int n) {
            planesRaw = new FloatPointer(2L * n + ALIGN_FLOATS);
            inRaw = new FloatPointer(2L * n + ALIGN_FLOATS);
            outRaw = new FloatPointer(2L * n + ALIGN_FLOATS);
            planes = aligned(planesRaw);
            in = aligned(inRaw);
            out = aligned(outRaw);
            planeList = new PointerPointer<>(2L);
            planeList.put(0, planes).put(1, planes.getPointer(n));
            inList = new PointerPointer<>(1L);
            inList.put(0, in);
            planesView = planes.limit(2L * n).asBuffer();
            outView = out.limit(2L * n).asBuffer();
            if (planesView.capacity() != 2 * n || outView.capacity() != 2 * n) {
                throw new IllegalStateException("unexpected FFT buffer views: " + planesView + ", " + outView);
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
            swr_free(interleaver);
        }
    }

    /** A transform of {@code n} points with room for {@code batch} frames, a multiple of 8. */
    PairedFft(int n, int batch) {
        if (batch % 8 != 0) {
            throw new IllegalArgumentException("the batch must be a multiple of 8, got " + batch);
        }
        this.n = n;
        this.stride = (2 * n + ALIGN_FLOATS - 1) / ALIGN_FLOATS * ALIGN_FLOATS;
        this.handle = new Native(n);
        FormatConversion.CLEANER.register(this, handle);
        FloatPointer scale = new FloatPointer(1).put(1f);
        // av_tx_init writes the transform function into the slot behind `fn`.
        int ret = av_tx_init(handle.ctx, handle.fn, AV_TX_FLOAT_FFT, 0, n, scale, 0);
        scale.close();
        if (ret < 0) {
            throw new IllegalStateException("FFmpeg's av_tx cannot make a " + n + "-point FFT (error " + ret + ")");
        }
        this.spectra = new float[stride * batch / 2];
    }

    /**
     * Transforms the real frames {@code a[0, n)} and {@code b[0, n)} into pair slot {@code pair}
     * of the batch (frames {@code 2 pair} and {@code 2 pair + 1}).
     */
    void transform(float[] a, float[] b, int pair) {
        Native h = handle;
        h.planesView.put(0, a, 0, n);
        h.planesView.put(n, b, 0, n);
        swr_convert(h.interleaver, h.inList, n, h.planeList, n);
        h.fn.call(h.ctx, h.out, h.in, 2 * Float.BYTES);
        // Copied out while the spectrum is still in L1: one native buffer stays hot for every pair.
        h.outView.get(0, spectra, pair * stride, 2 * n);
    }

    /**
     * {@code out[k][j] = 4 |X_j[k]|^2}, {@code k = 0..n/2}, for the frames {@code j < count} of
     * the pairs transformed; columns up to the next multiple of eight get stale values. The sums and
     * products are float32, as librosa squares its complex64 magnitudes.
     */
    void powers(int count, float[][] out) {
        float[] s = spectra;
        int bins = n / 2 + 1;
        int pairs = (count + 1) / 2;
        // A transposition: tiled so that the tile's output rows stay in L1, four pairs per pass.
        for (int k0 = 0; k0 < bins; k0 += TILE) {
            int k1 = Math.min(bins, k0 + TILE);
            for (int p = 0; p < pairs; p += PAIRS_PER_PASS) {
                int b0 = p * stride;
                int b1 = b0 + stride;
                int b2 = b1 + stride;
                int b3 = b2 + stride;
                int j = 2 * p;
                for (int k = k0; k < k1; k++) {
                    float[] row = out[k];
                    int at = 2 * k;
                    int mirror = 2 * ((n - k) & (n - 1));
                    split(s, b0 + at, b0 + mirror, row, j);
                    split(s, b1 + at, b1 + mirror, row, j + 2);
                    split(s, b2 + at, b2 + mirror, row, j + 4);
                    split(s, b3 + at, b3 + mirror, row, j + 6);
                }
            }
        }
    }

    /** The powers of bin k of a pair's two frames from {@code Z_k} at {@code at} and {@code Z_{n-k}} at {@code mirror}. */
    private static void split(float[] s, int at, int mirror, float[] row, int j) {
        float zr = s[at];
        float zi = s[at + 1];
        float wr = s[mirror];
        float wi = s[mirror + 1];
        float ar = zr + wr;
        float ai = zi - wi;
        float br = zi + wi;
        float bi = zr - wr;
        row[j] = ar * ar + ai * ai;
        row[j + 1] = br * br + bi * bi;
    }
}
