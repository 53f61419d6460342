package gaan.features;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams a little-endian float32 {@code .npy} file row by row into float arrays, so large
 * feature cubes are read without {@link gaan.data.Npy#read}'s float64 copy of the whole file.
 */
final class Float32Reader implements AutoCloseable {
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private final Path file;
    private final DataInputStream in;
    private final int[] shape;
    private byte[] row = new byte[0];

    private Float32Reader(Path file, DataInputStream in, int[] shape) {
        this.file = file;
        this.in = in;
        this.shape = shape;
    }

    static Float32Reader open(Path file) {
        DataInputStream in = null;
        try {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            byte[] magic = in.readNBytes(6);
            if (magic.length != 6 || magic[0] != (byte) 0x93 || magic[1] != 'N') {
                throw new IOException("not a .npy file");
            }
            int major = in.readUnsignedByte();
            in.readUnsignedByte();
            int headerLen = major == 1 ? Short.toUnsignedInt(Short.reverseBytes(in.readShort()))
                    : Integer.reverseBytes(in.readInt());
            String header = new String(in.readNBytes(headerLen), StandardCharsets.ISO_8859_1);
            if (!header.contains("'descr': '<f4'") || !header.contains("'fortran_order': False")) {
                throw new IOException("expected a C-order float32 ('<f4') array, header " + header.trim());
            }
            Matcher m = SHAPE.matcher(header);
            if (!m.find()) {
                throw new IOException("header has no shape: " + header.trim());
            }
            int[] shape = Arrays.stream(m.group(1).split(",")).map(String::trim).filter(t -> !t.isEmpty())
                    .mapToInt(Integer::parseInt).toArray();
            return new Float32Reader(file, in, shape);
        } catch (IOException e) {
            closeQuietly(in);
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    int[] shape() {
        return shape.clone();
    }

    /** Fills each row of {@code rows} with the next values of the file. */
    void readRows(float[][] rows) {
        try {
            for (float[] r : rows) {
                if (row.length != 4 * r.length) {
                    row = new byte[4 * r.length];
                }
                in.readFully(row);
                ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (truncated?): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(in);
    }

    private static void closeQuietly(DataInputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // Nothing to recover when closing a read-only stream.
            }
        }
    }
}
