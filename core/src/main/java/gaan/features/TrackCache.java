package gaan.features;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Stream;

import gaan.audio.AudioFeatures;
import gaan.audio.DecodedAudio;

/**
 * Per-track results in {@code STORE/cache/<key>.trk}, where the key hashes the file's content and
 * the feature parameters. A result is written to a temporary file and moved into place, so after
 * a crash a track either has a complete result or none. Layout: magic, ok flag, duration,
 * padded flag, reason (modified UTF-8), the declared and the real length of a truncated file
 * (both 0 when it is whole), then the MFCC summary, the descriptor vector, the
 * patches and the sampled timbre frames as little-endian float32 (the byte order of the store's {@code .npy} files, so assembly
 * copies bytes), each after its length.
 */
final class TrackCache {
    // "GAA5": results before it held MFCC frames without spectral contrast, so they are recomputed once.
    private static final int MAGIC = 0x47414135;
    private static final String SUFFIX = ".trk";
    /** Names this cache writes: {@code <sha1>.trk} and its temporary files {@code <sha1><digits>.tmp}. */
    private static final java.util.regex.Pattern OWN = java.util.regex.Pattern.compile("[0-9a-f]{40}(\\.trk|[0-9]*\\.tmp)");

    private final Path dir;

    TrackCache(Path storeDir) {
        this.dir = storeDir.resolve("cache");
    }

    Path file(String key) {
        return dir.resolve(key + SUFFIX);
    }

    boolean has(String key) {
        return Files.isRegularFile(file(key));
    }

    /** A cached result without its float data; {@code truncation} is null for a whole file. */
    record Header(boolean ok, double durationSeconds, boolean padded, String reason,
                  DecodedAudio.Truncation truncation) {
    }

    void putOk(String key, AudioFeatures f, DecodedAudio.Truncation truncation) {
        write(key, new Header(true, f.durationSeconds(), f.padded(), "", truncation), f.mfccSummary(),
                f.descriptors(), f.logmelPatches(),
                f.timbreFrames());
    }

    void putSkipped(String key, String reason) {
        write(key, new Header(false, 0, false, reason, null), new float[0], new float[0], new float[0][][],
                new float[0][]);
    }

    private void write(String key, Header h, float[] summary, float[] descriptors, float[][][] patches,
                       float[][] timbreFrames) {
        Path target = file(key);
        try {
            Files.createDirectories(dir);
            // A unique temporary name: two tracks with identical files share a key and may finish together.
            Path tmp = dir.resolve(key + ProcessHandle.current().pid() + Thread.currentThread().getId() + ".tmp");
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 DataOutputStream out = new DataOutputStream(raw)) {
                out.writeInt(MAGIC);
                out.writeBoolean(h.ok());
                out.writeDouble(h.durationSeconds());
                out.writeBoolean(h.padded());
                out.writeUTF(h.reason());
                out.writeDouble(h.truncation() == null ? 0 : h.truncation().declaredSeconds());
                out.writeDouble(h.truncation() == null ? 0 : h.truncation().fileSeconds());
                out.writeInt(summary.length);
                writeFloats(out, summary);
                out.writeInt(descriptors.length);
                writeFloats(out, descriptors);
                int bands = patches.length == 0 ? 0 : patches[0].length;
                int frames = bands == 0 ? 0 : patches[0][0].length;
                out.writeInt(patches.length);
                out.writeInt(bands);
                out.writeInt(frames);
                for (float[][] patch : patches) {
                    for (float[] row : patch) {
                        writeFloats(out, row);
                    }
                }
                out.writeInt(timbreFrames.length);
                out.writeInt(timbreFrames.length == 0 ? 0 : timbreFrames[0].length);
                for (float[] frame : timbreFrames) {
                    writeFloats(out, frame);
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void writeFloats(OutputStream out, float[] v) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(v);
        out.write(buf.array());
    }

    Header header(String key) {
        try (DataInputStream in = open(key)) {
            return readHeader(in, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(key) + ": " + e.getMessage(), e);
        }
    }

    /** Copies the summary's little-endian bytes to {@code out} (zeros when the track was skipped). */
    void copySummary(String key, int length, OutputStream out) throws IOException {
        try (DataInputStream in = open(key)) {
            readHeader(in, key);
            copyOrZeros(in, in.readInt(), length, out, key);
        }
    }

    /** Copies the descriptor vector's little-endian bytes to {@code out} (zeros when the track was skipped). */
    void copyDescriptors(String key, int length, OutputStream out) throws IOException {
        try (DataInputStream in = open(key)) {
            readHeader(in, key);
            in.skipNBytes(4L * in.readInt());
            copyOrZeros(in, in.readInt(), length, out, key);
        }
    }

    /** Copies the patches' little-endian bytes to {@code out} (zeros when the track was skipped). */
    void copyPatches(String key, int values, OutputStream out) throws IOException {
        try (DataInputStream in = open(key)) {
            readHeader(in, key);
            in.skipNBytes(4L * in.readInt());
            in.skipNBytes(4L * in.readInt());
            int count = in.readInt() * in.readInt() * in.readInt();
            copyOrZeros(in, count, values, out, key);
        }
    }

    /** Copies the sampled timbre frames' little-endian bytes to {@code out} (zeros when the track was skipped). */
    void copyFrames(String key, int values, OutputStream out) throws IOException {
        try (DataInputStream in = open(key)) {
            readHeader(in, key);
            in.skipNBytes(4L * in.readInt());
            in.skipNBytes(4L * in.readInt());
            in.skipNBytes(4L * in.readInt() * in.readInt() * in.readInt());
            copyOrZeros(in, in.readInt() * in.readInt(), values, out, key);
        }
    }

    private void copyOrZeros(DataInputStream in, int stored, int wanted, OutputStream out, String key)
            throws IOException {
        if (stored == 0) {
            out.write(new byte[4 * wanted]);
        } else if (stored == wanted) {
            out.write(in.readNBytes(4 * wanted));
        } else {
            throw new IOException(file(key) + " holds " + stored + " values, expected " + wanted);
        }
    }

    private DataInputStream open(String key) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file(key)), 1 << 16);
        return new DataInputStream(raw);
    }

    private Header readHeader(DataInputStream in, String key) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException(file(key) + " is not a gaan track result");
        }
        boolean ok = in.readBoolean();
        double duration = in.readDouble();
        boolean padded = in.readBoolean();
        String reason = in.readUTF();
        double declared = in.readDouble();
        double held = in.readDouble();
        return new Header(ok, duration, padded, reason, declared > 0 ? new DecodedAudio.Truncation(declared, held) : null);
    }

    /**
     * Deletes results whose key is not in {@code keep}, and temporary files left by a killed run:
     * only files named as this cache names them ({@link #OWN}); anything else in the folder stays.
     */
    void prune(Set<String> keep) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                boolean current = name.endsWith(SUFFIX) && keep.contains(name.substring(0, name.length() - SUFFIX.length()));
                if (!current && OWN.matcher(name).matches()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir + ": " + e.getMessage(), e);
        }
    }
}
