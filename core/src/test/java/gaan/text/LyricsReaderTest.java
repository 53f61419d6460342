package gaan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LyricsReaderTest {
    private static final String BANGLA = "আমি তোমাকে ভালোবাসি\nশুধু তোমাকে";

    @TempDir
    Path dir;

    @Test
    void readsUtf8AndStripsItsByteOrderMark() throws IOException {
        Path f = write("bom.txt", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                BANGLA.getBytes(StandardCharsets.UTF_8)));
        LyricsText t = LyricsReader.read(f);
        assertEquals(BANGLA, t.text());
        assertEquals(List.of(), t.warnings());
        assertTrue(t.present());
    }

    @Test
    void readsUtf16WithByteOrderMarkInBothByteOrders() throws IOException {
        Path le = write("le.txt", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, BANGLA.getBytes(StandardCharsets.UTF_16LE)));
        Path be = write("be.txt", BANGLA.getBytes(StandardCharsets.UTF_16));
        assertEquals(BANGLA, LyricsReader.read(le).text());
        assertEquals(BANGLA, LyricsReader.read(be).text());
        assertEquals(List.of(), LyricsReader.read(le).warnings());
    }

    @Test
    void latin1FileIsReadWithAWarningNamingTheFile() throws IOException {
        Path f = write("café.txt", "Café del mar, señorita\n".getBytes(Charset.forName("ISO-8859-1")));
        LyricsText t = LyricsReader.read(f);
        assertEquals("Café del mar, señorita\n", t.text());
        assertTrue(t.present());
        assertEquals(1, t.warnings().size());
        assertTrue(t.warnings().get(0).contains(f.toString()), t.warnings().get(0));
        assertTrue(t.warnings().get(0).contains("not valid UTF-8 (first invalid byte at offset 3)"), t.warnings().get(0));
    }

    @Test
    void hugeFileIsTruncatedWithAWarningWithoutSplittingACharacter() throws IOException {
        Path f = write("huge.txt", "অ".repeat(30_000).getBytes(StandardCharsets.UTF_8));
        LyricsText t = LyricsReader.read(f);
        assertEquals(LyricsReader.DEFAULT_MAX_BYTES / 3, t.text().length());
        assertEquals("অ".repeat(t.text().length()), t.text());
        assertEquals(1, t.warnings().size());
        assertTrue(t.warnings().get(0).contains(f + " has 90000 bytes; only the first 65536"), t.warnings().get(0));
    }

    @Test
    void emptyOrPunctuationOnlyFileIsNotPresent() throws IOException {
        assertEquals(LyricsStatus.EMPTY, LyricsReader.read(write("empty.txt", new byte[0])).status());
        LyricsText dots = LyricsReader.read(write("dots.txt", " ...\n\n -- ".getBytes(StandardCharsets.UTF_8)));
        assertFalse(dots.present());
        assertEquals(LyricsStatus.EMPTY, dots.status());
    }

    @Test
    void missingAndBinaryFilesAreUnreadableWithTheFileNamed() throws IOException {
        Path missing = dir.resolve("nope.txt");
        LyricsText t = LyricsReader.read(missing);
        assertEquals(LyricsStatus.UNREADABLE, t.status());
        assertTrue(t.warnings().get(0).contains(missing + " does not exist"), t.warnings().get(0));
        Path utf16NoBom = write("nobom.txt", "love".getBytes(StandardCharsets.UTF_16LE));
        LyricsText b = LyricsReader.read(utf16NoBom);
        assertEquals(LyricsStatus.UNREADABLE, b.status());
        assertTrue(b.warnings().get(0).contains("without a byte-order mark"), b.warnings().get(0));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
