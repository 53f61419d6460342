package gaan.audio;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_format;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * The FFmpeg state of one {@link ExcerptEncoder} call: encoder, muxer and output file for mono
 * float32 samples; closing it frees every native object. The encoder's frames are fed whole (the
 * last one padded with silence), with timestamps in samples.
 */
final class FfmpegEncoder implements AutoCloseable {
    /** Linux's {@code AVERROR(EAGAIN)}: the encoder wants more input before it has a packet. */
    private static final int EAGAIN = -11;
    /** Samples a frame holds for an encoder that takes any frame size. */
    private static final int ANY_FRAME_SIZE = 1024;

    private final Path target;
    private final AVFormatContext format = new AVFormatContext(null);
    private boolean formatAllocated;
    private boolean fileOpen;
    private AVCodecContext codec;
    private AVStream stream;
    private AVFrame frame;
    private AVPacket packet;

    private FfmpegEncoder(Path target) {
        this.target = target;
    }

    /** Whether this FFmpeg build has the encoder {@code name} (e.g. {@code libmp3lame}). */
    static boolean hasEncoder(String name) {
        AVCodec c = avcodec_find_encoder_by_name(name);
        return c != null && !c.isNull();
    }

    /** Writes {@code samples} (mono, at {@code format.rate()}) to {@code target} in {@code format} at {@code bitRate}. */
    static void write(float[] samples, ExcerptEncoder.Format format, int bitRate, Path target) {
        try (FfmpegEncoder e = new FfmpegEncoder(target)) {
            e.open(format, bitRate);
            e.encode(samples);
        }
    }

    private void open(ExcerptEncoder.Format f, int bitRate) {
        AVOutputFormat muxer = av_guess_format(f.muxer(), null, null);
        check(avformat_alloc_output_context2(format, muxer, (String) null, (String) null), "choose the "
                + f.muxer() + " container");
        formatAllocated = true;
        AVCodec encoder = avcodec_find_encoder_by_name(f.encoder());
        if (encoder == null || encoder.isNull()) {
            throw new AudioDecodeException(target, "this FFmpeg build has no " + f.encoder() + " encoder");
        }
        stream = avformat_new_stream(format, null);
        codec = avcodec_alloc_context3(encoder);
        codec.sample_fmt(f.sampleFormat());
        codec.sample_rate(f.rate());
        av_channel_layout_default(codec.ch_layout(), 1);
        codec.bit_rate(bitRate);
        codec.time_base(new AVRational().num(1).den(f.rate()));
        if ((format.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            codec.flags(codec.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        check(avcodec_open2(codec, encoder, (AVDictionary) null), "open the " + f.encoder() + " encoder");
        check(avcodec_parameters_from_context(stream.codecpar(), codec), "describe the stream");
        stream.time_base(codec.time_base());
        AVIOContext io = new AVIOContext(null);
        check(avio_open(io, new BytePointer(target.toString(), StandardCharsets.UTF_8), AVIO_FLAG_WRITE), "create");
        format.pb(io);
        fileOpen = true;
        check(avformat_write_header(format, (AVDictionary) null), "write the header");
        frame = av_frame_alloc();
        frame.nb_samples(codec.frame_size() > 0 ? codec.frame_size() : ANY_FRAME_SIZE);
        frame.format(f.sampleFormat());
        frame.sample_rate(f.rate());
        check(av_channel_layout_copy(frame.ch_layout(), codec.ch_layout()), "describe the frames");
        check(av_frame_get_buffer(frame, 0), "allocate a frame");
        packet = av_packet_alloc();
    }

    /** Mono float32 fills a frame's first plane alike in the planar and the packed float formats. */
    private void encode(float[] samples) {
        int size = frame.nb_samples();
        for (int at = 0; at < samples.length; at += size) {
            check(av_frame_make_writable(frame), "reuse a frame");
            int n = Math.min(size, samples.length - at);
            FloatPointer data = new FloatPointer(frame.data(0)).capacity(size);
            data.put(samples, at, n);
            for (int i = n; i < size; i++) {
                data.put(i, 0f);
            }
            frame.pts(at);
            check(avcodec_send_frame(codec, frame), "encode");
            drain();
        }
        check(avcodec_send_frame(codec, null), "finish encoding");
        drain();
        check(av_write_trailer(format), "finish the file");
    }

    private void drain() {
        while (true) {
            int ret = avcodec_receive_packet(codec, packet);
            if (ret == EAGAIN || ret == AVERROR_EOF()) {
                return;
            }
            check(ret, "encode");
            av_packet_rescale_ts(packet, codec.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            check(av_interleaved_write_frame(format, packet), "write");
        }
    }

    private void check(int ret, String what) {
        if (ret < 0) {
            throw new AudioDecodeException(target, "cannot " + what + " (" + FfmpegSession.ffmpegError(ret) + ")");
        }
    }

    @Override
    public void close() {
        if (packet != null) {
            av_packet_free(packet);
        }
        if (frame != null) {
            av_frame_free(frame);
        }
        if (codec != null) {
            avcodec_free_context(codec);
        }
        if (fileOpen) {
            avio_closep(format.pb());
        }
        if (formatAllocated) {
            avformat_free_context(format);
        }
    }
}
