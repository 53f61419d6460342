package gaan.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Short listening excerpts of tracks, for a report that plays wherever it is copied:
 * {@code seconds} of mono audio from the middle of the track (from its start when the track is
 * no longer than that or its header gives no length), encoded at {@code bitRate} bit/s as MP3
 * (libmp3lame at 44.1 kHz, which every browser plays) or, in an FFmpeg build without libmp3lame,
 * Ogg Opus (libopus at 48 kHz). Samples come from {@link AudioDecoder} (its mono mix and
 * resampler) and are encoded by {@link FfmpegEncoder}. Immutable and thread-safe.
 */
public final class ExcerptEncoder {
    /** Length of an excerpt, seconds. */
    public static final double DEFAULT_SECONDS = 10;
    /** Bit rate of an excerpt, bit/s: plenty for listening to mono, about 80 kB for 10 s. */
    public static final int DEFAULT_BIT_RATE = 64_000;

    /** An encoder with its container, file extension, sample rate and FFmpeg sample format. */
    public enum Format {
        MP3("libmp3lame", "mp3", "mp3", 44_100, AV_SAMPLE_FMT_FLTP),
        OPUS("libopus", "opus", "opus", 48_000, AV_SAMPLE_FMT_FLT);

        private final String encoder;
        private final String muxer;
        private final String extension;
        private final int rate;
        private final int sampleFormat;

        Format(String encoder, String muxer, String extension, int rate, int sampleFormat) {
            this.encoder = encoder;
            this.muxer = muxer;
            this.extension = extension;
            this.rate = rate;
            this.sampleFormat = sampleFormat;
        }

        public String extension() {
            return extension;
        }

        String encoder() {
            return encoder;
        }

        String muxer() {
            return muxer;
        }

        int rate() {
            return rate;
        }

        int sampleFormat() {
            return sampleFormat;
        }
    }

    private final double seconds;
    private final int bitRate;
    private final Format format;

    /**
     * @throws IllegalStateException when this FFmpeg build has neither encoder
     */
    public ExcerptEncoder(double seconds, int bitRate) {
        if (!(seconds > 0) || bitRate <= 0) {
            throw new IllegalArgumentException("excerpt length and bit rate must be positive, got " + seconds
                    + " s and " + bitRate + " bit/s");
        }
        this.seconds = seconds;
        this.bitRate = bitRate;
        this.format = Arrays.stream(Format.values()).filter(f -> FfmpegEncoder.hasEncoder(f.encoder())).findFirst()
                .orElseThrow(() -> new IllegalStateException("this FFmpeg build (" + AudioDecoder.ffmpegVersion()
                        + ") has neither a libmp3lame nor a libopus encoder, so no excerpt can be written"));
    }

    /** {@link #DEFAULT_SECONDS} at {@link #DEFAULT_BIT_RATE}. */
    public static ExcerptEncoder standard() {
        return new ExcerptEncoder(DEFAULT_SECONDS, DEFAULT_BIT_RATE);
    }

    public Format format() {
        return format;
    }

    /**
     * Writes the excerpt of {@code source} to {@code target} (whose name should end with
     * {@link Format#extension()}); the file appears whole or not at all.
     *
     * @throws AudioDecodeException when the source cannot be decoded or the excerpt not written
     */
    public void write(Path source, Path target) {
        AudioDecoder decoder = new AudioDecoder(format.rate());
        double length = decoder.declaredSeconds(source);
        float[] samples = decoder.decode(source, length > seconds ? (length - seconds) / 2 : 0, seconds);
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            FfmpegEncoder.write(samples, format, bitRate, part);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new AudioDecodeException(target, "cannot write the excerpt: " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                // Only a leftover .part file; the excerpt itself is complete or absent.
            }
        }
    }
}
