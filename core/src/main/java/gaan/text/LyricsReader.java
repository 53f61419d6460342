package gaan.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a lyrics file, whatever encoding a user's tools left it in.
 *
 * <p>Decoding, in order: a UTF-8 byte-order mark (stripped) → UTF-8; a UTF-16 BOM (FE FF or
 * FF FE) → UTF-16 big/little-endian; no BOM → strict UTF-8. A file with NUL bytes and no BOM is
 * binary or UTF-16/32 without a BOM and is {@link LyricsStatus#UNREADABLE}. A file that is not
 * valid UTF-8 is decoded as windows-1252 (a superset of Latin-1; bytes it leaves undefined
 * become U+FFFD) with a warning naming the file and the first invalid byte: that is right for
 * old Western files and visibly wrong otherwise, which the warning says how to fix. Bengali
 * typed in legacy font encodings (Bijoy and similar, ASCII bytes shown as Bengali by a font)
 * cannot be detected and reads as Latin garbage; convert such files to Unicode first.
 *
 * <p>Only the first {@code maxBytes} bytes are read (default {@value #DEFAULT_MAX_BYTES}; a
 * lyric is a few KB), with a warning when the file is longer; a character cut in half at the
 * limit is dropped. Text without any letter or digit is {@link LyricsStatus#EMPTY}.
 */
public final class LyricsReader {
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private LyricsReader() {
    }

    public static LyricsText read(Path file) {
        return read(file, DEFAULT_MAX_BYTES);
    }

    public static LyricsText read(Path file, int maxBytes) {
        List<String> warnings = new ArrayList<>();
        byte[] bytes;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            bytes = in.readNBytes(maxBytes);
        } catch (NoSuchFileException e) {
            return unreadable(file, "lyrics file " + file + " does not exist; fix the lyrics path of this track"
                    + " or remove it");
        } catch (IOException e) {
            return unreadable(file, "cannot read lyrics file " + file + ": " + e.getMessage());
        }
        boolean truncated = size > bytes.length;
        if (truncated) {
            warnings.add("lyrics file " + file + " has " + size + " bytes; only the first " + bytes.length
                    + " are used (lyrics are a few KB: is this the right file?)");
        }
        String text;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = decode(bytes, 3, StandardCharsets.UTF_8, !truncated, CodingErrorAction.REPLACE);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = decode(bytes, 2, StandardCharsets.UTF_16BE, !truncated, CodingErrorAction.REPLACE);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = decode(bytes, 2, StandardCharsets.UTF_16LE, !truncated, CodingErrorAction.REPLACE);
        } else if (indexOf(bytes, (byte) 0) >= 0) {
            return unreadable(file, "lyrics file " + file + " contains NUL bytes: it is binary, or UTF-16/UTF-32"
                    + " without a byte-order mark; save it as UTF-8");
        } else {
            text = decode(bytes, 0, StandardCharsets.UTF_8, !truncated, CodingErrorAction.REPORT);
            if (text == null) {
                warnings.add("lyrics file " + file + " is not valid UTF-8 (first invalid byte at offset "
                        + firstInvalidUtf8(bytes) + "); read it as windows-1252, so non-Latin characters may be"
                        + " wrong; save the file as UTF-8 to silence this");
                text = decode(bytes, 0, WINDOWS_1252, true, CodingErrorAction.REPLACE);
            }
        }
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            warnings.add("lyrics file " + file + " is empty (no letter or digit)");
            return new LyricsText(file, "", LyricsStatus.EMPTY, warnings);
        }
        return new LyricsText(file, text, LyricsStatus.OK, warnings);
    }

    private static LyricsText unreadable(Path file, String warning) {
        return new LyricsText(file, "", LyricsStatus.UNREADABLE, List.of(warning));
    }

    /**
     * Decodes {@code bytes[offset..]}; when {@code complete} is false a trailing incomplete
     * character is left out instead of being an error. Returns null when {@code onError} is
     * REPORT and the bytes are malformed.
     */
    private static String decode(byte[] bytes, int offset, Charset charset, boolean complete,
                                 CodingErrorAction onError) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil((bytes.length - offset) * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, complete);
        if (result.isError()) {
            return null;
        }
        if (complete) {
            result = decoder.flush(out);
            if (result.isError()) {
                return null;
            }
        }
        out.flip();
        return out.toString();
    }

    private static long firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        decoder.decode(in, CharBuffer.allocate(bytes.length + 1), true);
        return in.position();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
