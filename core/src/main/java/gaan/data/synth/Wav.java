package gaan.data.synth;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes mono 16-bit PCM WAV files (RIFF, little-endian, 44-byte header). */
public final class Wav {
    private Wav() {
    }

    /**
     * Writes {@code samples} (nominally in [-1, 1]; rounded, then clamped to the 16-bit range)
     * as a mono 16-bit WAV at {@code sampleRate} Hz.
     */
    public static void writeMono16(Path file, float[] samples, int sampleRate) throws IOException {
        int dataBytes = samples.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(US_ASCII))
                .put("fmt ".getBytes(US_ASCII)).putInt(16)
                .putShort((short) 1) // PCM
                .putShort((short) 1) // channels
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(US_ASCII)).putInt(dataBytes);
        for (float s : samples) {
            long v = Math.round(s * 32767.0);
            b.putShort((short) Math.max(-32768, Math.min(32767, v)));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(b.array());
        }
    }
}
