package gaan.audio;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_NONE;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_DURATION_FROM_BITRATE;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_DBL;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S32;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S64;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_U8;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_get_bytes_per_sample;
import static org.bytedeco.ffmpeg.global.avutil.av_get_packed_sample_fmt;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_double;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_int;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.avutil.av_sample_fmt_is_planar;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The FFmpeg state of one {@link AudioDecoder} call: demuxer, decoder, resampler and their
 * buffers, for one file; closing it frees every native object. Follows the conventions
 * {@link AudioDecoder} states (librosa's scaling, channel mean before resampling, resampy's
 * {@code kaiser_best} filter, offset and duration in source samples).
 */
final class FfmpegSession implements AutoCloseable {
    /** Linux's {@code AVERROR(EAGAIN)}: the codec wants more input or has output waiting. */
    private static final int EAGAIN = -11;
    // resampy kaiser_best's constants (the fixtures' resampled reference used it).
    private static final int FILTER_SIZE = 64;
    private static final int PHASE_SHIFT = 10;
    private static final double CUTOFF = 0.9475937167399596;
    private static final double KAISER_BETA = 14.769656459379492;
    private static final int SWR_FILTER_TYPE_KAISER = 2;
    /**
     * Decoding starts this long before a requested offset: lapped codecs (MP3's bit reservoir
     * and overlap, AAC, Opus pre-skip) need a few frames of history to produce exact samples.
     */
    private static final double SEEK_PREROLL_SECONDS = 0.5;
    /**
     * Samples reserved up front at most per byte of the file (Opus at 6 kbit/s yields ~30 at
     * 22050 Hz): a truncated file's header may declare gigabytes that are not there.
     */
    private static final long MAX_SAMPLES_PER_BYTE = 64;
    /** FFmpeg's smallest allowed probe size. */
    private static final long MIN_PROBE_BYTES = 32;

    private final Path file;
    private final AVFormatContext format = new AVFormatContext(null);
    private AVCodecContext codec;
    private AVPacket packet;
    private AVFrame frame;
    /** {@link #frame}'s and {@link #packet}'s fields without a native call each. */
    private FrameFields fields;
    /** The sample format the next three fields describe (FFmpeg's AVSampleFormat), or -2. */
    private int knownFormat = -2;
    private boolean planar;
    private int packed;
    private int width;
    private SwrContext swr;
    private boolean opened;
    private int streamIndex;
    private int sourceRate;
    private float[] mono = new float[0];
    private float[] plane = new float[0];
    private short[] shorts = new short[0];
    private int[] ints = new int[0];
    private FloatPointer swrIn;
    private FloatPointer swrOut;
    private PointerPointer<FloatPointer> swrInPlanes;
    private PointerPointer<FloatPointer> swrOutPlanes;
    private final Samples out = new Samples();
    /** Set by {@link #decode} when the stream ended before the length its header declares. */
    private DecodedAudio.Truncation truncation;

    private final int targetRate;

    FfmpegSession(Path file, int targetRate) {
        this.file = file;
        this.targetRate = targetRate;
    }

    float[] decode(double offsetSeconds, double durationSeconds) {
        open();
        AVStream stream = format.streams(streamIndex);
        long start = Math.round(offsetSeconds * sourceRate);
        long end = durationSeconds > 0 ? start + Math.round(durationSeconds * sourceRate) : Long.MAX_VALUE;
        long declared = declaredSamples(stream);
        if (declared > 0) {
            // The container's length excludes codec padding that some demuxers leave in the last
            // packet (AAC in MP4 past its edit list).
            end = Math.min(end, declared);
        }
        out.reserve(expectedLength(Math.min(Math.min(end, Math.max(declared, start)) - start,
                MAX_SAMPLES_PER_BYTE * fileBytes())));
        long position = start > 0 ? seek(stream, offsetSeconds) : 0;
        boolean positionFromPts = start > 0 && position < 0;
        if (position < 0) {
            position = 0;
        }
        long decoded = 0;
        int errors = 0;
        int lastError = 0;
        boolean draining = false;
        while (position < end) {
            int ret;
            if (!draining) {
                ret = av_read_frame(format, packet);
                if (ret < 0) {
                    draining = true;
                    ret = avcodec_send_packet(codec, (AVPacket) null);
                } else if (fields.streamIndex() != streamIndex) {
                    av_packet_unref(packet);
                    continue;
                } else {
                    ret = avcodec_send_packet(codec, packet);
                    av_packet_unref(packet);
                }
                if (ret < 0 && ret != EAGAIN && ret != AVERROR_EOF) {
                    errors++;
                    lastError = ret;
                }
            }
            boolean gotAny = false;
            while ((ret = avcodec_receive_frame(codec, frame)) >= 0) {
                gotAny = true;
                int n = fields.samples();
                if (positionFromPts) {
                    long pts = frame.best_effort_timestamp();
                    if (pts == AV_NOPTS_VALUE()) {
                        throw new AudioDecodeException(file, "cannot seek to " + offsetSeconds
                                + " s: the stream has no timestamps; decode without an offset");
                    }
                    long origin = stream.start_time() == AV_NOPTS_VALUE() ? 0 : stream.start_time();
                    position = Math.round((pts - origin) * av_q2d(stream.time_base()) * sourceRate);
                    positionFromPts = false;
                }
                mixdown(n);
                long from = Math.max(start, position);
                long to = Math.min(end, position + n);
                if (to > from) {
                    emit((int) (from - position), (int) (to - from));
                }
                position += n;
                decoded += n;
            }
            if (ret != EAGAIN && ret != AVERROR_EOF && ret < 0) {
                errors++;
                lastError = ret;
            }
            if (draining && (ret == AVERROR_EOF || !gotAny)) {
                break;
            }
        }
        if (decoded == 0 && start > 0 && errors == 0) {
            throw pastTheEnd(offsetSeconds);
        }
        if (decoded == 0) {
            throw new AudioDecodeException(file, errors > 0
                    ? "no audio could be decoded (" + ffmpegError(lastError) + ")"
                    : "the audio stream holds no samples");
        }
        noteTruncation(declared > 0 ? declared : PcmWav.claimedFramesPastTheEnd(file), position, end);
        if (Math.min(end, position) <= start) {
            throw pastTheEnd(offsetSeconds);
        }
        flushResampler();
        return out.toArray(expectedLength(Math.min(end, position) - start));
    }

    /** The file's size, or 0 when it cannot be read (decoding then says why). */
    private long fileBytes() {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** The length the file's header declares, in seconds, or 0 when it does not say. */
    double declaredSeconds() {
        open();
        return (double) declaredSamples(format.streams(streamIndex)) / sourceRate;
    }

    /** Frames {@code [start, end)} of a PCM WAV read without FFmpeg, through the resampler. */
    float[] resample(PcmWav wav, long start, long end) {
        sourceRate = wav.rate();
        openResampler();
        out.reserve(expectedLength(end - start));
        wav.read(start, end, (samples, count) -> {
            mono = samples;
            emit(0, count);
        });
        flushResampler();
        return out.toArray(expectedLength(end - start));
    }

    private void open() {
        int ret = avformat_open_input(format, new BytePointer(file.toString(), StandardCharsets.UTF_8),
                (AVInputFormat) null, (AVDictionary) null);
        if (ret < 0) {
            throw new AudioDecodeException(file, "not a readable audio file (" + ffmpegError(ret) + ")");
        }
        opened = true;
        // Probing the stream (decoding its first seconds) costs more than decoding a whole WAV;
        // skip it when the container header already says everything the decoder needs.
        if (!headerIsComplete()) {
            ret = avformat_find_stream_info(format, (PointerPointer<?>) null);
            if (ret < 0) {
                throw new AudioDecodeException(file, "cannot read stream information (" + ffmpegError(ret) + ")");
            }
        }
        // Some demuxers (WAV) ask to probe the first packets for a disguised codec (DTS, MP3)
        // until `probesize` bytes (5 MB) are buffered: that scan costs more than the decode.
        format.probesize(MIN_PROBE_BYTES);
        streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0);
        if (streamIndex < 0) {
            throw new AudioDecodeException(file, "no audio stream found");
        }
        AVCodecParameters par = format.streams(streamIndex).codecpar();
        AVCodec decoder = avcodec_find_decoder(par.codec_id());
        if (decoder == null) {
            throw new AudioDecodeException(file, "no decoder for codec id " + par.codec_id()
                    + " in this FFmpeg build");
        }
        codec = avcodec_alloc_context3(decoder);
        avcodec_parameters_to_context(codec, par);
        ret = avcodec_open2(codec, decoder, (AVDictionary) null);
        if (ret < 0) {
            throw new AudioDecodeException(file, "cannot open the " + decoder.name().getString()
                    + " decoder (" + ffmpegError(ret) + ")");
        }
        sourceRate = codec.sample_rate();
        if (sourceRate <= 0) {
            throw new AudioDecodeException(file, "the audio stream declares no sample rate");
        }
        packet = av_packet_alloc();
        frame = av_frame_alloc();
        fields = new FrameFields(frame, packet);
        if (sourceRate != targetRate) {
            openResampler();
        }
    }

    private AudioDecodeException pastTheEnd(double offsetSeconds) {
        return new AudioDecodeException(file, String.format(Locale.ROOT,
                "the offset %.3f s is past the end of the audio", offsetSeconds));
    }

    /** True when one audio stream has a known codec, sample rate and channel count. */
    private boolean headerIsComplete() {
        if (format.nb_streams() != 1) {
            return false;
        }
        AVCodecParameters par = format.streams(0).codecpar();
        return par.codec_type() == AVMEDIA_TYPE_AUDIO && par.codec_id() != AV_CODEC_ID_NONE
                && par.sample_rate() > 0 && par.ch_layout().nb_channels() > 0;
    }

    /** Seeks before the offset; returns -1 when the position must come from frame timestamps, else 0. */
    private long seek(AVStream stream, double offsetSeconds) {
        long origin = stream.start_time() == AV_NOPTS_VALUE() ? 0 : stream.start_time();
        double target = Math.max(0, offsetSeconds - SEEK_PREROLL_SECONDS);
        long ts = origin + (long) Math.floor(target / av_q2d(stream.time_base()));
        if (av_seek_frame(format, streamIndex, ts, AVSEEK_FLAG_BACKWARD) < 0) {
            // Not seekable: decode from the start and count samples.
            return 0;
        }
        avcodec_flush_buffers(codec);
        return -1;
    }

    private void openResampler() {
        AVChannelLayout monoLayout = new AVChannelLayout();
        av_channel_layout_default(monoLayout, 1);
        swr = new SwrContext(null);
        int ret = swr_alloc_set_opts2(swr, monoLayout, AV_SAMPLE_FMT_FLT, targetRate,
                monoLayout, AV_SAMPLE_FMT_FLT, sourceRate, 0, null);
        if (ret < 0) {
            throw new AudioDecodeException(file, "cannot set up resampling " + sourceRate + " -> " + targetRate
                    + " Hz (" + ffmpegError(ret) + ")");
        }
        av_opt_set_int(swr, "filter_type", SWR_FILTER_TYPE_KAISER, 0);
        av_opt_set_double(swr, "kaiser_beta", KAISER_BETA, 0);
        av_opt_set_int(swr, "filter_size", FILTER_SIZE, 0);
        av_opt_set_int(swr, "phase_shift", PHASE_SHIFT, 0);
        av_opt_set_int(swr, "linear_interp", 0, 0);
        av_opt_set_double(swr, "cutoff", CUTOFF, 0);
        ret = swr_init(swr);
        if (ret < 0) {
            throw new AudioDecodeException(file, "cannot start the resampler (" + ffmpegError(ret) + ")");
        }
    }

    /** Mean of the channels of {@link #frame} into {@link #mono}[0, n). */
    private void mixdown(int n) {
        int channels = fields.channels();
        int fmt = fields.format();
        if (fmt != knownFormat) {
            // Three native calls a frame otherwise, for a format that stays the same all along.
            planar = av_sample_fmt_is_planar(fmt) != 0;
            packed = av_get_packed_sample_fmt(fmt);
            width = av_get_bytes_per_sample(fmt);
            knownFormat = fmt;
        }
        if (mono.length < n) {
            mono = new float[n];
        }
        if (channels == 1) {
            toFloat(0, packed, n, mono, 0);
            return;
        }
        if (plane.length < n * channels) {
            plane = new float[n * channels];
        }
        int planes = planar ? channels : 1;
        int perPlane = planar ? n : n * channels;
        for (int p = 0; p < planes; p++) {
            toFloat(p, packed, perPlane, plane, p * perPlane);
        }
        for (int i = 0; i < n; i++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += planar ? plane[c * n + i] : plane[i * channels + c];
            }
            mono[i] = sum / channels;
        }
    }

    /**
     * {@code count} samples of plane {@code p} (or of the interleaved channels) of {@link #frame}
     * as float32 into {@code dst[at...]}.
     */
    private void toFloat(int p, int packedFormat, int count, float[] dst, int at) {
        if (packedFormat == AV_SAMPLE_FMT_FLT) {
            // One native copy, where a ByteBuffer view would cost JNI objects for every frame.
            FloatPointer samples = fields.plane(p, count);
            (samples != null ? samples : new FloatPointer(frame.extended_data(p))).get(dst, at, count);
            return;
        }
        ByteBuffer raw = frame.extended_data(p).capacity((long) count * width).asByteBuffer()
                .order(ByteOrder.nativeOrder());
        if (packedFormat == AV_SAMPLE_FMT_S16) {
            // Bulk copy, then a plain loop (scalar: C2 does not vectorise short-to-float).
            if (shorts.length < count) {
                shorts = new short[count];
            }
            raw.asShortBuffer().get(shorts, 0, count);
            for (int i = 0; i < count; i++) {
                dst[at + i] = shorts[i] / 32768f;
            }
        } else if (packedFormat == AV_SAMPLE_FMT_S32) {
            if (ints.length < count) {
                ints = new int[count];
            }
            raw.asIntBuffer().get(ints, 0, count);
            for (int i = 0; i < count; i++) {
                dst[at + i] = (float) (ints[i] / 2147483648.0);
            }
        } else if (packedFormat == AV_SAMPLE_FMT_DBL) {
            for (int i = 0; i < count; i++) {
                dst[at + i] = (float) raw.getDouble(8 * i);
            }
        } else if (packedFormat == AV_SAMPLE_FMT_U8) {
            for (int i = 0; i < count; i++) {
                dst[at + i] = ((raw.get(i) & 0xff) - 128) / 128f;
            }
        } else if (packedFormat == AV_SAMPLE_FMT_S64) {
            for (int i = 0; i < count; i++) {
                dst[at + i] = (float) (raw.getLong(8 * i) / 9.223372036854775808e18);
            }
        } else {
            throw new AudioDecodeException(file, "unsupported sample format " + packedFormat);
        }
    }

    /** Passes mono[from, from + count) on, through the resampler when the rates differ. */
    private void emit(int from, int count) {
        if (swr == null) {
            out.append(mono, from, count);
            return;
        }
        ensureSwrBuffers(count);
        swrIn.put(mono, from, count);
        int produced = swr_convert(swr, swrOutPlanes, (int) swrOut.capacity(), swrInPlanes, count);
        collect(produced);
    }

    private void flushResampler() {
        if (swr == null) {
            return;
        }
        ensureSwrBuffers(4096);
        int produced;
        do {
            produced = swr_convert(swr, swrOutPlanes, (int) swrOut.capacity(), (PointerPointer<?>) null, 0);
            collect(produced);
        } while (produced > 0);
    }

    private void ensureSwrBuffers(int inCount) {
        long outCap = (long) Math.ceil((double) inCount * targetRate / sourceRate) + 2L * FILTER_SIZE + 16;
        if (swrIn == null || swrIn.capacity() < inCount) {
            if (swrIn != null) {
                swrIn.close();
            }
            swrIn = new FloatPointer(inCount);
            swrInPlanes = planes(swrIn);
        }
        if (swrOut == null || swrOut.capacity() < outCap) {
            if (swrOut != null) {
                swrOut.close();
            }
            swrOut = new FloatPointer(outCap);
            swrOutPlanes = planes(swrOut);
        }
    }

    /** A one-plane pointer array; {@code new PointerPointer(p)} would instead reinterpret p's data. */
    private PointerPointer<FloatPointer> planes(FloatPointer buffer) {
        PointerPointer<FloatPointer> planes = new PointerPointer<>(1L);
        planes.put(0, buffer);
        return planes;
    }

    private void collect(int produced) {
        if (produced < 0) {
            throw new AudioDecodeException(file, "resampling failed (" + ffmpegError(produced) + ")");
        }
        if (produced > 0) {
            out.appendFrom(swrOut, produced);
        }
    }

    /**
     * Notes a truncated file: the stream ended (before the window's {@code end}) short of the
     * length the header declares by more than one codec frame and the codec's priming and padding
     * (Opus's pre-skip, which some containers count in their length). PCM has no such slack, so
     * one missing sample counts.
     */
    private void noteTruncation(long declared, long position, long end) {
        AVCodecParameters par = format.streams(streamIndex).codecpar();
        long slack = Math.max(0, codec.frame_size()) + Math.max(0, par.initial_padding())
                + Math.max(0, par.trailing_padding());
        if (declared > 0 && position < end && declared - position > slack) {
            truncation = new DecodedAudio.Truncation((double) declared / sourceRate, (double) position / sourceRate);
        }
    }

    /** The truncation {@link #decode} found, or null when the file held what its header declares. */
    DecodedAudio.Truncation truncation() {
        return truncation;
    }

    /**
     * Samples the header declares at the source rate, or 0 when it does not say or FFmpeg only
     * guessed the length from the bitrate (VBR MP3 without a Xing header).
     */
    private long declaredSamples(AVStream stream) {
        long d = stream.duration();
        if (d == AV_NOPTS_VALUE() || d <= 0 || format.duration_estimation_method() == AVFMT_DURATION_FROM_BITRATE) {
            return 0;
        }
        return Math.round(d * av_q2d(stream.time_base()) * sourceRate);
    }

    /** librosa's resampled length for {@code nativeCount} source samples. */
    private int expectedLength(long nativeCount) {
        long n = swr == null ? nativeCount
                : (long) Math.ceil((double) nativeCount * targetRate / sourceRate);
        return Math.toIntExact(Math.max(0, n));
    }

    @Override
    public void close() {
        if (swrIn != null) {
            swrIn.close();
        }
        if (swrOut != null) {
            swrOut.close();
        }
        if (swr != null) {
            swr_free(swr);
        }
        if (frame != null) {
            av_frame_free(frame);
        }
        if (packet != null) {
            av_packet_free(packet);
        }
        if (codec != null) {
            avcodec_free_context(codec);
        }
        if (opened) {
            avformat_close_input(format);
        }
    }

    /** FFmpeg's message for an error code. */
    static String ffmpegError(int code) {
        byte[] buf = new byte[256];
        av_strerror(code, buf, buf.length);
        int len = 0;
        while (len < buf.length && buf[len] != 0) {
            len++;
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    /** A growable float buffer for the decoded output. */
    private static final class Samples {
        private float[] data = new float[0];
        private int size;

        /** Sizes the buffer for an expected length, sparing copies while it grows. */
        void reserve(int expected) {
            if (expected > data.length) {
                data = Arrays.copyOf(data, expected);
            }
        }

        void append(float[] src, int from, int count) {
            ensure(count);
            System.arraycopy(src, from, data, size, count);
            size += count;
        }

        void appendFrom(FloatPointer src, int count) {
            ensure(count);
            src.position(0).get(data, size, count);
            size += count;
        }

        private void ensure(int more) {
            if (size + more > data.length) {
                data = Arrays.copyOf(data, Math.max(size + more, Math.max(1 << 16, data.length * 2)));
            }
        }

        /** The samples, cut or zero-padded to exactly {@code length}. */
        float[] toArray(int length) {
            return length == data.length ? data : Arrays.copyOf(data, length);
        }
    }
}
