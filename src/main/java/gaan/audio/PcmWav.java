package gaan.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The common case of {@link AudioDecoder} without FFmpeg: a complete 16-bit PCM WAV at the target
 * rate is read straight from the file, in a third of FFmpeg's time (whose WAV demuxer hands out
 * 4 KiB packets, each a round of native calls). The samples are exactly those of the FFmpeg path:
 * {@code x / 32768}, channels averaged as float32 sums divided by the channel count, the same
 * offset and duration rounding.
 *
 * <p>Anything else (other sample formats or rates, RF64, a data chunk that runs past the end of
 * the file, an offset past the end) is left to FFmpeg, which also words the errors.
 */
final class PcmWav {
    private static final int PCM = 1;
    private static final int EXTENSIBLE = 0xFFFE;
    private static final int HEADER_LIMIT = 1 << 16;
    /** Bytes converted per read: small enough to stay in L2, large enough to amortise the call. */
    private static final int CHUNK_BYTES = 1 << 16;

    private PcmWav() {
    }

    /**
     * Mono samples of {@code file} from {@code offsetSeconds} for {@code durationSeconds}
     * (0 = to the end), or null when the file is not a complete 16-bit PCM WAV at {@code rate}.
     */
    static float[] read(Path file, int rate, double offsetSeconds, double durationSeconds) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(HEADER_LIMIT, ch.size())).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(head, 0);
            head.flip();
            Layout layout = layout(head, ch.size());
            if (layout == null || layout.rate != rate) {
                return null;
            }
            long frames = layout.dataBytes / layout.blockAlign;
            long start = Math.round(offsetSeconds * rate);
            long end = durationSeconds > 0 ? Math.min(frames, start + Math.round(durationSeconds * rate)) : frames;
            if (start >= end) {
                return null;
            }
            return samples(ch, layout, start, Math.toIntExact(end - start));
        } catch (IOException e) {
            return null;
        }
    }

    /** Where the samples are and how they are laid out. */
    private record Layout(int channels, int rate, int blockAlign, long dataOffset, long dataBytes) {
    }

    /** The layout of a 16-bit PCM WAV whose data chunk lies within the file, else null. */
    private static Layout layout(ByteBuffer b, long fileSize) {
        if (b.remaining() < 12 || b.getInt(0) != 0x46464952 /* RIFF */ || b.getInt(8) != 0x45564157 /* WAVE */) {
            return null;
        }
        int channels = 0;
        int rate = 0;
        int blockAlign = 0;
        int pos = 12;
        while (pos + 8 <= b.limit()) {
            int id = b.getInt(pos);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            if (id == 0x20746d66 /* "fmt " */) {
                if (size < 16 || body + 16 > b.limit()) {
                    return null;
                }
                int format = Short.toUnsignedInt(b.getShort(body));
                if (format == EXTENSIBLE && size >= 40 && body + 26 <= b.limit()) {
                    format = Short.toUnsignedInt(b.getShort(body + 24));
                }
                int bits = Short.toUnsignedInt(b.getShort(body + 14));
                channels = Short.toUnsignedInt(b.getShort(body + 2));
                rate = b.getInt(body + 4);
                blockAlign = Short.toUnsignedInt(b.getShort(body + 12));
                if (format != PCM || bits != 16 || channels == 0 || blockAlign != 2 * channels) {
                    return null;
                }
            } else if (id == 0x61746164 /* "data" */) {
                boolean complete = body + size <= fileSize && size >= blockAlign;
                return channels > 0 && complete ? new Layout(channels, rate, blockAlign, body, size) : null;
            }
            pos = Math.toIntExact(body + size + (size & 1)); // chunks are padded to even sizes
            if (pos < 0 || pos > HEADER_LIMIT) {
                return null;
            }
        }
        return null;
    }

    private static float[] samples(FileChannel ch, Layout layout, long startFrame, int count) throws IOException {
        int channels = layout.channels;
        float[] out = new float[count];
        ByteBuffer buf = ByteBuffer.allocate(CHUNK_BYTES / layout.blockAlign * layout.blockAlign)
                .order(ByteOrder.LITTLE_ENDIAN);
        short[] pcm = new short[buf.capacity() / 2];
        long position = layout.dataOffset + startFrame * layout.blockAlign;
        int done = 0;
        while (done < count) {
            int frames = Math.min(count - done, buf.capacity() / layout.blockAlign);
            buf.clear().limit(frames * layout.blockAlign);
            while (buf.hasRemaining()) {
                if (ch.read(buf, position + buf.position()) < 0) {
                    throw new IOException("the file ended early");
                }
            }
            buf.flip();
            buf.asShortBuffer().get(pcm, 0, frames * channels);
            if (channels == 1) {
                for (int i = 0; i < frames; i++) {
                    out[done + i] = pcm[i] / 32768f;
                }
            } else {
                for (int i = 0; i < frames; i++) {
                    float sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += pcm[i * channels + c] / 32768f;
                    }
                    out[done + i] = sum / channels;
                }
            }
            position += (long) frames * layout.blockAlign;
            done += frames;
        }
        return out;
    }
}
