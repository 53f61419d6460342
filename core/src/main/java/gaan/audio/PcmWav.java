package gaan.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The common case of {@link AudioDecoder} without FFmpeg's demuxer and decoder: a complete
 * 16-bit PCM WAV is read straight from the file, in a third of FFmpeg's time (whose WAV demuxer
 * hands out 4 KiB packets, each a round of native calls), converted by {@link PcmConverter}. The
 * samples are exactly those of the FFmpeg path: {@code x / 32768}, channels averaged as float32
 * sums divided by the channel count.
 *
 * <p>Anything else (other sample formats, RF64, a data chunk that runs past the end of the file)
 * is left to FFmpeg, which also words the errors. Owns an open file: close it.
 */
final class PcmWav implements AutoCloseable {
    private static final int PCM = 1;
    private static final int EXTENSIBLE = 0xFFFE;
    private static final int HEADER_LIMIT = 1 << 16;

    /** Receives consecutive mono samples {@code samples[0, count)}; the array is reused. */
    interface Sink {
        void accept(float[] samples, int count);
    }

    private final FileChannel channel;
    private final int channels;
    private final int rate;
    private final int blockAlign;
    private final long dataOffset;
    private final long frames;

    private PcmWav(FileChannel channel, int channels, int rate, long dataOffset, long dataBytes) {
        this.channel = channel;
        this.channels = channels;
        this.rate = rate;
        this.blockAlign = 2 * channels;
        this.dataOffset = dataOffset;
        this.frames = dataBytes / blockAlign;
    }

    /** The file as a 16-bit PCM WAV, or null when it is not a complete one (or cannot be read). */
    static PcmWav open(Path file) {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(HEADER_LIMIT, ch.size())).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(head, 0);
            head.flip();
            PcmWav wav = layout(ch, head, ch.size());
            if (wav != null) {
                return wav;
            }
        } catch (IOException e) {
            // FFmpeg will report what is wrong with the file.
        }
        closeQuietly(ch);
        return null;
    }

    int rate() {
        return rate;
    }

    /** Sample frames (one sample per channel) in the file. */
    long frames() {
        return frames;
    }

    /** Mono samples of frames {@code [start, end)}. */
    float[] read(long start, long end) {
        float[] out = new float[Math.toIntExact(end - start)];
        read(start, end, out, null);
        return out;
    }

    /** Mono samples of frames {@code [start, end)}, chunk by chunk. */
    void read(long start, long end, Sink sink) {
        read(start, end, null, sink);
    }

    /** Into {@code out} when it is given (no intermediate copy), else chunk by chunk into the sink. */
    private void read(long start, long end, float[] out, Sink sink) {
        PcmConverter converter = PcmConverter.forThisThread();
        int chunkFrames = PcmConverter.CHUNK_BYTES / blockAlign;
        float[] interleaved = channels == 1 ? null : new float[chunkFrames * channels];
        float[] mono = out == null ? new float[chunkFrames] : out;
        try {
            for (long frame = start; frame < end; ) {
                int n = (int) Math.min(end - frame, chunkFrames);
                ByteBuffer buf = converter.input().limit(n * blockAlign);
                long position = dataOffset + frame * blockAlign;
                while (buf.hasRemaining()) {
                    if (channel.read(buf, position + buf.position()) < 0) {
                        throw new IOException("the file ended before its data chunk did");
                    }
                }
                int at = out == null ? 0 : (int) (frame - start);
                if (channels == 1) {
                    converter.convert(n, 1, mono, at);
                } else {
                    converter.convert(n * channels, channels, interleaved, 0);
                    mixdown(interleaved, n, mono, at);
                }
                if (sink != null) {
                    sink.accept(mono, n);
                }
                frame += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Channel means, summed in float32 and divided by the count (FFmpeg's path sums the same way). */
    private void mixdown(float[] interleaved, int n, float[] mono, int at) {
        for (int i = 0; i < n; i++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[i * channels + c];
            }
            mono[at + i] = sum / channels;
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            if (ch != null) {
                ch.close();
            }
        } catch (IOException e) {
            // Nothing was written; nothing to lose.
        }
    }

    /** The reader of a 16-bit PCM WAV whose data chunk lies within the file, else null. */
    private static PcmWav layout(FileChannel ch, ByteBuffer b, long fileSize) {
        Chunks c = chunks(b);
        if (c == null || c.format != PCM || c.bits != 16 || c.channels == 0 || c.blockAlign != 2 * c.channels
                || c.rate <= 0) {
            return null;
        }
        boolean complete = c.dataOffset + c.dataBytes <= fileSize && c.dataBytes >= 2L * c.channels;
        return complete ? new PcmWav(ch, c.channels, c.rate, c.dataOffset, c.dataBytes) : null;
    }

    /**
     * Sample frames the data chunk of a WAV (any sample format) declares when it runs past the end
     * of the file, else 0. FFmpeg's WAV demuxer then takes its length from the file and forgets
     * the header's, so a truncated WAV is recognised here.
     */
    static long claimedFramesPastTheEnd(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(HEADER_LIMIT, ch.size())).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(head, 0);
            head.flip();
            Chunks c = chunks(head);
            return c != null && c.blockAlign > 0 && c.dataOffset + c.dataBytes > ch.size()
                    ? c.dataBytes / c.blockAlign : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The fields of a RIFF WAV's "fmt " chunk and where its "data" chunk lies, as the header says. */
    private record Chunks(int format, int bits, int channels, int rate, int blockAlign, long dataOffset,
                          long dataBytes) {
    }

    /** The header's chunks up to "data", or null when it is not a WAV with both within the first 64 KiB. */
    private static Chunks chunks(ByteBuffer b) {
        if (b.remaining() < 12 || b.getInt(0) != 0x46464952 /* RIFF */ || b.getInt(8) != 0x45564157 /* WAVE */) {
            return null;
        }
        int format = -1;
        int bits = 0;
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
                format = Short.toUnsignedInt(b.getShort(body));
                if (format == EXTENSIBLE && size >= 40 && body + 26 <= b.limit()) {
                    format = Short.toUnsignedInt(b.getShort(body + 24));
                }
                bits = Short.toUnsignedInt(b.getShort(body + 14));
                channels = Short.toUnsignedInt(b.getShort(body + 2));
                rate = b.getInt(body + 4);
                blockAlign = Short.toUnsignedInt(b.getShort(body + 12));
            } else if (id == 0x61746164 /* "data" */) {
                return format < 0 ? null : new Chunks(format, bits, channels, rate, blockAlign, body, size);
            }
            long next = body + size + (size & 1); // chunks are padded to even sizes
            if (next > HEADER_LIMIT) {
                return null;
            }
            pos = (int) next;
        }
        return null;
    }
}
