package gaan.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decodes any audio file FFmpeg reads (WAV 8/16/24/32-bit int and float, FLAC, MP3, OGG Vorbis,
 * Opus, M4A/AAC, ...) into mono float32 samples at one sample rate, the way {@code librosa.load}
 * does:
 * <ul>
 *   <li>integer PCM is scaled to [-1, 1) by 2^(bits-1) (16-bit: {@code x / 32768});</li>
 *   <li>mono is the mean of the decoded channels, taken before resampling (float32 sum, then
 *       divided by the channel count), not FFmpeg's -3 dB downmix matrix;</li>
 *   <li>other sample rates are resampled by swresample with a long Kaiser-windowed sinc
 *       (64 taps per output period, beta 14.77, cutoff at 0.9476 of the output Nyquist: the
 *       constants of resampy's {@code kaiser_best}); the output has
 *       {@code ceil(n * target / source)} samples, as {@code librosa.resample} returns. The two
 *       filters differ in their transition band, so content above 0.94 of the output Nyquist
 *       (above ~10.4 kHz at 22050 Hz) is attenuated differently;</li>
 *   <li>MP3 encoder delay and padding are removed (FFmpeg reads the LAME/Xing gapless header),
 *       as are AAC priming samples given by the container's edit list;</li>
 *   <li>an offset and a duration (seconds) select a window: the start sample is
 *       {@code round(offset * sourceRate)} and the length {@code round(duration * sourceRate)},
 *       as in librosa; the decoder seeks where the container allows instead of decoding the
 *       whole file.</li>
 * </ul>
 * A complete 16-bit PCM WAV, the most common case, is read without FFmpeg's demuxer and decoder
 * ({@link PcmWav}), to the same samples (and resampled by the same swresample filter).
 *
 * <p>A file that cannot be decoded (missing, empty, not audio: see
 * {@link #decode(Path, double, double)}) raises {@link AudioDecodeException}. A truncated file
 * (its audio stream ends more than one codec frame before the length its header declares) is an
 * error for {@link #decode} and is reported with both lengths by {@link #load}, whose caller
 * decides. The decoded length never exceeds the length the container declares (AAC in MP4 keeps
 * its end padding otherwise).
 *
 * <p>Instances are immutable and thread-safe: every call opens its own FFmpeg contexts. FFmpeg's
 * own log output is switched off; errors reach the caller through the exception instead.
 */
public final class AudioDecoder {
    /** librosa's default sample rate. */
    public static final int DEFAULT_RATE = 22050;


    static {
        av_log_set_level(AV_LOG_QUIET);
    }

    private final int targetRate;

    /** The FFmpeg build that decodes, e.g. {@code 8.0.1}, for provenance records. */
    public static String ffmpegVersion() {
        return org.bytedeco.ffmpeg.global.avutil.av_version_info().getString();
    }

    public AudioDecoder() {
        this(DEFAULT_RATE);
    }

    public AudioDecoder(int targetRate) {
        if (targetRate <= 0) {
            throw new IllegalArgumentException("target sample rate must be positive, got " + targetRate);
        }
        this.targetRate = targetRate;
    }

    public int targetRate() {
        return targetRate;
    }

    /** The whole file as mono float32 samples at {@link #targetRate()}. */
    public float[] decode(Path file) {
        return decode(file, 0, 0);
    }

    /**
     * Mono float32 samples at {@link #targetRate()} from {@code offsetSeconds} on, for
     * {@code durationSeconds} (0 = to the end of the file).
     *
     * @throws AudioDecodeException when the file is missing, empty, has no audio stream, has no
     *                              decoder in this build, yields no samples, or is truncated
     */
    public float[] decode(Path file, double offsetSeconds, double durationSeconds) {
        DecodedAudio audio = load(file, offsetSeconds, durationSeconds);
        if (audio.truncated()) {
            throw new AudioDecodeException(file, audio.truncation().describe());
        }
        return audio.samples();
    }

    /**
     * As {@link #decode(Path, double, double)}, but a truncated file is not an error: its
     * samples come back (what the file holds of the window) with both lengths.
     */
    public DecodedAudio load(Path file, double offsetSeconds, double durationSeconds) {
        if (!(offsetSeconds >= 0) || !(durationSeconds >= 0)) {
            throw new IllegalArgumentException("offset and duration must be >= 0 seconds, got "
                    + offsetSeconds + " and " + durationSeconds);
        }
        checkReadable(file);
        try (PcmWav wav = PcmWav.open(file)) {
            if (wav != null) {
                long start = Math.round(offsetSeconds * wav.rate());
                long end = durationSeconds > 0
                        ? Math.min(wav.frames(), start + Math.round(durationSeconds * wav.rate())) : wav.frames();
                if (start < end) {
                    if (wav.rate() == targetRate) {
                        return new DecodedAudio(wav.read(start, end), null);
                    }
                    try (FfmpegSession s = new FfmpegSession(file, targetRate)) {
                        return new DecodedAudio(s.resample(wav, start, end), null);
                    }
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw new AudioDecodeException(file, "cannot read: " + e.getCause().getMessage());
        }
        try (FfmpegSession s = new FfmpegSession(file, targetRate)) {
            float[] samples = s.decode(offsetSeconds, durationSeconds);
            return new DecodedAudio(samples, s.truncation());
        }
    }

    /**
     * The file's length in seconds as its header declares it, without decoding; 0 when the
     * header does not say (a VBR MP3 without a Xing header).
     *
     * @throws AudioDecodeException when the file cannot be opened as audio
     */
    public double declaredSeconds(Path file) {
        checkReadable(file);
        try (PcmWav wav = PcmWav.open(file)) {
            if (wav != null) {
                return (double) wav.frames() / wav.rate();
            }
        } catch (java.io.UncheckedIOException e) {
            throw new AudioDecodeException(file, "cannot read: " + e.getCause().getMessage());
        }
        try (FfmpegSession s = new FfmpegSession(file, targetRate)) {
            return s.declaredSeconds();
        }
    }

    private static void checkReadable(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AudioDecodeException(file, "no such file");
        }
        try {
            if (Files.size(file) == 0) {
                throw new AudioDecodeException(file, "file is empty (0 bytes)");
            }
        } catch (java.io.IOException e) {
            throw new AudioDecodeException(file, "cannot read: " + e.getMessage());
        }
    }
}
