package gaan.data;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * numpy's {@code .npy} format, version 1.0: little-endian, C order (last index fastest).
 * Supported dtypes: {@code <f4} (float32), {@code <f8} (float64), {@code <i8} (int64),
 * {@code <i4} (int32), {@code |u1} (uint8) and {@code |b1} (bool). Every file written here opens
 * with {@code numpy.load(path)} as is.
 *
 * <p>Writes go to a temporary file that is moved into place, so a reader never sees half a file.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** An array read from a {@code .npy} file: its dtype, shape and values widened to double. */
    public record Array(String dtype, int[] shape, double[] values) {
        public int size() {
            return values.length;
        }

        /** Rows of a 2-D array, or of a 1-D array seen as one column. */
        public double[][] toMatrix() {
            int rows = shape.length == 0 ? 1 : shape[0];
            int cols = rows == 0 ? 0 : values.length / rows;
            double[][] out = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(values, i * cols, out[i], 0, cols);
            }
            return out;
        }

        public float[][] toFloatMatrix() {
            double[][] d = toMatrix();
            float[][] out = new float[d.length][];
            for (int i = 0; i < d.length; i++) {
                out[i] = new float[d[i].length];
                for (int j = 0; j < d[i].length; j++) {
                    out[i][j] = (float) d[i][j];
                }
            }
            return out;
        }

        public int[] toInts() {
            int[] out = new int[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) values[i];
            }
            return out;
        }
    }

    public static Array read(Path path) {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(path))) {
            DataInputStream data = new DataInputStream(in);
            byte[] magic = new byte[6];
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException("not a .npy file (bad magic)");
            }
            int major = data.readUnsignedByte();
            data.readUnsignedByte();
            int headerLen;
            if (major == 1) {
                headerLen = Short.toUnsignedInt(Short.reverseBytes(data.readShort()));
            } else {
                headerLen = Integer.reverseBytes(data.readInt());
            }
            byte[] headerBytes = new byte[headerLen];
            data.readFully(headerBytes);
            String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
            String dtype = match(DESCR, header, "descr");
            boolean fortran = "True".equals(match(FORTRAN, header, "fortran_order"));
            int[] shape = Arrays.stream(match(SHAPE, header, "shape").split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
            long count = 1;
            for (int s : shape) {
                count *= s;
            }
            int width = width(dtype);
            byte[] raw = data.readNBytes(Math.toIntExact(count * width));
            if (raw.length != count * width) {
                throw new IOException("truncated: expected " + count * width + " data bytes, found " + raw.length);
            }
            ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            double[] values = new double[(int) count];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (dtype) {
                    case "<f4" -> buf.getFloat();
                    case "<f8" -> buf.getDouble();
                    case "<i8" -> buf.getLong();
                    case "<i4" -> buf.getInt();
                    case "|u1", "|b1" -> Byte.toUnsignedInt(buf.get());
                    default -> throw new IOException("unsupported dtype " + dtype);
                };
            }
            return new Array(dtype, shape, fortran ? toCOrder(values, shape) : values);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Values stored in Fortran order (first index fastest) rearranged into C order (last index fastest). */
    private static double[] toCOrder(double[] fortran, int[] shape) {
        double[] out = new double[fortran.length];
        int[] index = new int[shape.length];
        for (int c = 0; c < out.length; c++) {
            int f = 0;
            for (int d = shape.length - 1; d >= 0; d--) {
                f = f * shape[d] + index[d];
            }
            out[c] = fortran[f];
            for (int d = shape.length - 1; d >= 0 && ++index[d] == shape[d]; d--) {
                index[d] = 0;
            }
        }
        return out;
    }

    private static String match(Pattern p, String header, String key) throws IOException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IOException("header has no '" + key + "': " + header.trim());
        }
        return m.group(1);
    }

    private static int width(String dtype) throws IOException {
        return switch (dtype) {
            case "<f4", "<i4" -> 4;
            case "<f8", "<i8" -> 8;
            case "|u1", "|b1" -> 1;
            default -> throw new IOException("unsupported dtype " + dtype);
        };
    }

    /**
     * The version-1.0 header (magic, version, length, dict, padding to a multiple of 64 bytes)
     * for an array of this dtype and shape; data in C order follows it.
     */
    public static byte[] header(String dtype, int... shape) {
        StringBuilder dims = new StringBuilder();
        for (int s : shape) {
            dims.append(s).append(", ");
        }
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + (shape.length == 0 ? "" : dims.substring(0, dims.length() - 2)) + ")";
        String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String text = dict + " ".repeat(padding) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        buf.put(text.getBytes(StandardCharsets.ISO_8859_1));
        return buf.array();
    }

    /** Writes an N×D float32 matrix (every row must have length D). */
    public static void write(Path path, float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        writeAtomically(path, header("<f4", rows.length, cols), out -> {
            ByteBuffer buf = ByteBuffer.allocate(cols * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] row : rows) {
                checkWidth(row.length, cols);
                buf.clear();
                buf.asFloatBuffer().put(row);
                out.write(buf.array(), 0, cols * 4);
            }
        });
    }

    /** Writes an N×H×W float32 array. */
    public static void write(Path path, float[][][] cube) {
        int h = cube.length == 0 ? 0 : cube[0].length;
        int w = h == 0 ? 0 : cube[0][0].length;
        writeAtomically(path, header("<f4", cube.length, h, w), out -> {
            ByteBuffer buf = ByteBuffer.allocate(w * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float[][] plane : cube) {
                checkWidth(plane.length, h);
                for (float[] row : plane) {
                    checkWidth(row.length, w);
                    buf.clear();
                    buf.asFloatBuffer().put(row);
                    out.write(buf.array(), 0, w * 4);
                }
            }
        });
    }

    /** Writes an N×D float64 matrix. */
    public static void write(Path path, double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        writeAtomically(path, header("<f8", rows.length, cols), out -> {
            ByteBuffer buf = ByteBuffer.allocate(cols * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (double[] row : rows) {
                checkWidth(row.length, cols);
                buf.clear();
                buf.asDoubleBuffer().put(row);
                out.write(buf.array(), 0, cols * 8);
            }
        });
    }

    /** Writes a 1-D int64 array (cluster labels, ids). */
    public static void write(Path path, int[] values) {
        writeAtomically(path, header("<i8", values.length), out -> {
            ByteBuffer buf = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : values) {
                buf.putLong(v);
            }
            out.write(buf.array());
        });
    }

    /** Writes a 1-D bool array (masks of present modalities). */
    public static void write(Path path, boolean[] values) {
        writeAtomically(path, header("|b1", values.length), out -> {
            for (boolean v : values) {
                out.write(v ? 1 : 0);
            }
        });
    }

    private static void checkWidth(int actual, int expected) throws IOException {
        if (actual != expected) {
            throw new IOException("ragged array: a row has " + actual + " values, expected " + expected);
        }
    }

    /** Body of a write: the data bytes after the header. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes header + body to a temporary sibling, then moves it over {@code path}. */
    public static void writeAtomically(Path path, byte[] header, Body body) {
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                out.write(header);
                body.writeTo(out);
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
