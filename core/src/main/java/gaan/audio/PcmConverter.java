package gaan.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Interleaved 16-bit PCM to float32 {@code x / 32768}, by swresample's SIMD sample-format
 * converter (six times faster than the JIT's scalar loop: C2 does not vectorise a short-to-float
 * conversion) through native buffers that a {@code FileChannel} reads into directly. Channels stay
 * interleaved; the mixdown is the caller's.
 *
 * <p>Holds native buffers and swresample contexts: one instance per thread ({@link #forThisThread}),
 * released when the thread's instance becomes unreachable.
 */
final class PcmConverter {
    /** Bytes of PCM per chunk: small enough to stay in L2, large enough to amortise the calls. */
    static final int CHUNK_BYTES = 1 << 16;
    private static final ThreadLocal<PcmConverter> PER_THREAD = ThreadLocal.withInitial(PcmConverter::new);

    private final Native handle = new Native();
    private final ByteBuffer pcm = handle.pcm.asByteBuffer();
    private final FloatBuffer floats = handle.floats.asBuffer();

    /** The native side; also the cleanup action, so it must not refer back to the converter. */
    private static final class Native implements Runnable {
        final BytePointer pcm = new BytePointer(CHUNK_BYTES);
        final FloatPointer floats = new FloatPointer(CHUNK_BYTES / 2);
        final PointerPointer<BytePointer> in = new PointerPointer<>(1L);
        final PointerPointer<FloatPointer> out = new PointerPointer<>(1L);
        SwrContext swr;
        int channels;

        Native() {
            in.put(0, pcm);
            out.put(0, floats);
        }

        /** The converter for {@code count} channels, made when the count changes. */
        SwrContext converter(int count) {
            if (swr != null && channels == count) {
                return swr;
            }
            freeConverter();
            swr = FormatConversion.open(count, AV_SAMPLE_FMT_S16, AV_SAMPLE_FMT_FLT);
            channels = count;
            return swr;
        }

        private void freeConverter() {
            if (swr != null) {
                swr_free(swr);
                swr = null;
            }
        }

        @Override
        public void run() {
            freeConverter();
        }
    }

    private PcmConverter() {
        FormatConversion.CLEANER.register(this, handle);
    }

    static PcmConverter forThisThread() {
        return PER_THREAD.get();
    }

    /** The native buffer to read PCM bytes into, cleared: {@link #CHUNK_BYTES} bytes. */
    ByteBuffer input() {
        return pcm.clear();
    }

    /**
     * Converts the first {@code samples} 16-bit values of {@link #input()} ({@code channels}
     * interleaved) into {@code out[at, at + samples)}.
     */
    void convert(int samples, int channels, float[] out, int at) {
        int frames = samples / channels;
        swr_convert(handle.converter(channels), handle.out, frames, handle.in, frames);
        floats.get(0, out, at, samples);
    }
}
