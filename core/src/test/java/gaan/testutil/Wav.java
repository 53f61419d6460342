package gaan.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes small 16-bit PCM WAV files for tests and benchmarks. */
public final class Wav {
    private Wav() {
    }

    /** Interleaved samples in [-1, 1] as 16-bit PCM with {@code channels} channels. */
    public static Path write(Path file, float[] interleaved, int rate, int channels) {
        int dataBytes = interleaved.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes()).putInt(dataBytes);
        for (float v : interleaved) {
            b.putShort((short) Math.round(Math.max(-1f, Math.min(1f, v)) * 32767));
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, b.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A mono tone with harmonics and a little noise, deterministic for a seed. */
    public static float[] tone(double seconds, int rate, double hz, long seed) {
        Random rnd = new Random(seed);
        float[] y = new float[(int) Math.round(seconds * rate)];
        for (int i = 0; i < y.length; i++) {
            double t = (double) i / rate;
            double v = 0.4 * Math.sin(2 * Math.PI * hz * t) + 0.2 * Math.sin(2 * Math.PI * 2 * hz * t)
                    + 0.1 * Math.sin(2 * Math.PI * 3 * hz * t) + 0.02 * rnd.nextGaussian();
            y[i] = (float) v;
        }
        return y;
    }
}
