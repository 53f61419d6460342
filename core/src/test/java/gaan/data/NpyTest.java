package gaan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gaan.testutil.Fixtures;

class NpyTest {
    @TempDir
    Path dir;

    @Test
    void readsScikitLearnFixtureMatrixAndLabels() {
        Npy.Array x = Npy.read(Fixtures.cluster("X.npy"));
        assertEquals("<f8", x.dtype());
        assertArrayEquals(new int[] {600, 8}, x.shape());
        Npy.Array y = Npy.read(Fixtures.cluster("y.npy"));
        assertEquals("<i8", y.dtype());
        assertEquals(600, y.size());
        assertTrue(java.util.Arrays.stream(y.toInts()).allMatch(v -> v >= 0 && v < 6));
    }

    /** numpy writes a transposed array's data column-major; it is read back in C order, as numpy loads it. */
    @Test
    void fortranOrderArraysAreReadInCOrder() throws Exception {
        byte[] header = new String(Npy.header("<f4", 2, 3), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("'fortran_order': False", "'fortran_order': True ")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        // [[1, 2, 3], [4, 5, 6]] column by column.
        for (float v : new float[] {1, 4, 2, 5, 3, 6}) {
            data.putFloat(v);
        }
        Path p = dir.resolve("f.npy");
        Files.write(p, header);
        Files.write(p, data.array(), java.nio.file.StandardOpenOption.APPEND);
        Npy.Array a = Npy.read(p);
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, a.values());
    }

    @Test
    void floatMatrixRoundTripsWithAlignedHeader() throws Exception {
        float[][] m = {{1f, -2.5f, 3e-7f}, {Float.MAX_VALUE, 0f, -0f}};
        Path p = dir.resolve("m.npy");
        Npy.write(p, m);
        byte[] bytes = Files.readAllBytes(p);
        int headerEnd = bytes.length - 6 * 4;
        assertEquals(0, headerEnd % 64, "numpy aligns the data to 64 bytes");
        assertEquals('\n', bytes[headerEnd - 1]);
        Npy.Array back = Npy.read(p);
        assertArrayEquals(new int[] {2, 3}, back.shape());
        float[][] f = back.toFloatMatrix();
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(m[i], f[i]);
        }
    }

    @Test
    void cubeIntsAndBoolsRoundTrip() {
        float[][][] cube = new float[2][3][4];
        cube[1][2][3] = 7f;
        Npy.write(dir.resolve("c.npy"), cube);
        Npy.Array c = Npy.read(dir.resolve("c.npy"));
        assertArrayEquals(new int[] {2, 3, 4}, c.shape());
        assertEquals(7.0, c.values()[23]);

        Npy.write(dir.resolve("i.npy"), new int[] {-1, 0, 5});
        assertArrayEquals(new int[] {-1, 0, 5}, Npy.read(dir.resolve("i.npy")).toInts());

        Npy.write(dir.resolve("b.npy"), new boolean[] {true, false});
        Npy.Array b = Npy.read(dir.resolve("b.npy"));
        assertEquals("|b1", b.dtype());
        assertArrayEquals(new int[] {1, 0}, b.toInts());
    }

    @Test
    void raggedRowsAndTruncatedFilesAreErrorsNamingTheFile() throws Exception {
        Path p = dir.resolve("r.npy");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Npy.write(p, new float[][] {{1f, 2f}, {3f}}));
        assertTrue(e.getMessage().contains("r.npy") && e.getMessage().contains("ragged"), e.getMessage());

        Npy.write(p, new float[][] {{1f, 2f}});
        byte[] bytes = Files.readAllBytes(p);
        Files.write(p, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        e = assertThrows(UncheckedIOException.class, () -> Npy.read(p));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
}
