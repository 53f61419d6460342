package gaan.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;

/**
 * The fields of one decoded {@link AVFrame} (and its {@link AVPacket}'s stream index) that the
 * decode loop reads for every frame, read through a {@code ByteBuffer} view of the structs at the
 * offsets JavaCPP reports, where each generated getter would be a JNI call and each plane pointer
 * a new Java object: an MP3 has about 40 frames a second, each otherwise a dozen native calls.
 *
 * <p>Plane addresses are read from the frame's own {@code data} array, where {@code extended_data}
 * points for up to eight channels; {@link #plane} returns null otherwise and the caller goes
 * through FFmpeg's accessor. Bound to one frame and packet, which must outlive it; not
 * thread-safe.
 */
final class FrameFields {
    private static final int DATA = Loader.offsetof(AVFrame.class, "data");
    private static final int EXTENDED_DATA = Loader.offsetof(AVFrame.class, "extended_data");
    private static final int NB_SAMPLES = Loader.offsetof(AVFrame.class, "nb_samples");
    private static final int FORMAT = Loader.offsetof(AVFrame.class, "format");
    private static final int CHANNELS = Loader.offsetof(AVFrame.class, "ch_layout")
            + Loader.offsetof(AVChannelLayout.class, "nb_channels");
    private static final int STREAM_INDEX = Loader.offsetof(AVPacket.class, "stream_index");
    /** FFmpeg's {@code AV_NUM_DATA_POINTERS}. */
    private static final int DATA_POINTERS = 8;

    private final ByteBuffer frame;
    private final ByteBuffer packet;
    private final long dataAddress;
    private final PlaneView plane = new PlaneView();

    /** A float pointer moved to each plane in turn, instead of a new object per plane and frame. */
    private static final class PlaneView extends FloatPointer {
        PlaneView() {
            super((Pointer) null);
        }

        FloatPointer at(long address, long floats) {
            this.address = address;
            this.position = 0;
            this.limit = floats;
            this.capacity = floats;
            return this;
        }
    }

    FrameFields(AVFrame frame, AVPacket packet) {
        this.frame = view(frame, Loader.sizeof(AVFrame.class));
        this.packet = view(packet, Loader.sizeof(AVPacket.class));
        this.dataAddress = frame.address() + DATA;
    }

    private static ByteBuffer view(Pointer struct, long bytes) {
        return new BytePointer(struct).capacity(bytes).asByteBuffer().order(ByteOrder.nativeOrder());
    }

    int streamIndex() {
        return packet.getInt(STREAM_INDEX);
    }

    int samples() {
        return frame.getInt(NB_SAMPLES);
    }

    int format() {
        return frame.getInt(FORMAT);
    }

    int channels() {
        return frame.getInt(CHANNELS);
    }

    /**
     * Plane {@code p} as {@code floats} float32 values, or null when the frame keeps its plane
     * pointers outside the struct (more than eight planes).
     */
    FloatPointer plane(int p, long floats) {
        if (p >= DATA_POINTERS || frame.getLong(EXTENDED_DATA) != dataAddress) {
            return null;
        }
        return plane.at(frame.getLong(DATA + Long.BYTES * p), floats);
    }
}
