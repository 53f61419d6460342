package gaan.audio;

import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_get_sample_fmt_name;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import java.lang.ref.Cleaner;

import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.swresample.SwrContext;

/**
 * swresample used for its SIMD sample-format and layout converters only (same rate in and out,
 * no remixing), and the one {@link Cleaner} that frees this package's native helpers.
 */
final class FormatConversion {
    /** Frees the native side of per-thread helpers ({@link PairedFft}, {@link PcmConverter}). */
    static final Cleaner CLEANER = Cleaner.create();
    /** Any rate: nothing is resampled, but swresample wants one. */
    private static final int NOMINAL_RATE = 48000;

    private FormatConversion() {
    }

    /**
     * A context converting {@code channels} channels from FFmpeg sample format {@code from} to
     * {@code to} (e.g. S16 to FLT, or planar FLTP to packed FLT); free it with {@code swr_free}.
     */
    static SwrContext open(int channels, int from, int to) {
        AVChannelLayout layout = new AVChannelLayout();
        av_channel_layout_default(layout, channels);
        SwrContext swr = new SwrContext(null);
        int ret = swr_alloc_set_opts2(swr, layout, to, NOMINAL_RATE, layout, from, NOMINAL_RATE, 0, null);
        av_channel_layout_uninit(layout);
        if (ret >= 0) {
            ret = swr_init(swr);
        }
        if (ret < 0) {
            swr_free(swr);
            throw new IllegalStateException("swresample cannot convert " + channels + "-channel audio from "
                    + av_get_sample_fmt_name(from).getString() + " to " + av_get_sample_fmt_name(to).getString()
                    + " (error " + ret + ")");
        }
        return swr;
    }
}
