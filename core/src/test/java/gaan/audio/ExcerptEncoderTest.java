package gaan.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gaan.testutil.Wav;

class ExcerptEncoderTest {
    @TempDir
    Path dir;

    @Test
    void anExcerptIsTenSecondsFromTheMiddleThatDecodeBack() throws Exception {
        // 30 s: 10 s of 220 Hz, 10 s of 880 Hz, 10 s of 220 Hz; the middle is the 880 Hz part.
        int rate = 22050;
        float[] low = Wav.tone(10.0, rate, 220, 3);
        float[] high = Wav.tone(10.0, rate, 880, 3);
        float[] track = new float[3 * low.length];
        System.arraycopy(low, 0, track, 0, low.length);
        System.arraycopy(high, 0, track, low.length, high.length);
        System.arraycopy(low, 0, track, 2 * low.length, low.length);
        Path source = dir.resolve("song.wav");
        Wav.write(source, track, rate, 1);
        ExcerptEncoder encoder = ExcerptEncoder.standard();
        Path excerpt = dir.resolve("audio/song." + encoder.format().extension());
        encoder.write(source, excerpt);

        assertTrue(Files.size(excerpt) < 64_000 / 8 * 11, "about 64 kbit/s: " + Files.size(excerpt) + " bytes");
        float[] back = new AudioDecoder(rate).decode(excerpt);
        assertEquals(10.0, back.length / (double) rate, 0.1);
        assertEquals(880, frequency(back, rate), 20, "the middle tone");
        assertFalse(Files.exists(dir.resolve("audio/song." + encoder.format().extension() + ".part")));
    }

    @Test
    void aShortTrackIsExcerptedWhole() throws Exception {
        Path source = dir.resolve("short.wav");
        Wav.write(source, Wav.tone(3.0, 22050, 440, 3), 22050, 1);
        ExcerptEncoder encoder = ExcerptEncoder.standard();
        Path excerpt = dir.resolve("short." + encoder.format().extension());
        encoder.write(source, excerpt);
        assertEquals(3.0, new AudioDecoder(22050).decode(excerpt).length / 22050.0, 0.1);
    }

    @Test
    void anUndecodableSourceNamesTheFileAndWritesNothing() throws Exception {
        Path source = Files.writeString(dir.resolve("bad.mp3"), "not audio");
        Path excerpt = dir.resolve("bad.mp3.excerpt");
        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> ExcerptEncoder.standard().write(source, excerpt));
        assertTrue(e.getMessage().contains("bad.mp3"), e.getMessage());
        assertFalse(Files.exists(excerpt));
    }

    /** Zero crossings per second over two, away from the encoder's first and last frames. */
    private static double frequency(float[] x, int rate) {
        int from = rate / 10;
        int to = x.length - rate / 10;
        int n = 0;
        for (int i = from + 1; i < to; i++) {
            if ((x[i - 1] < 0) != (x[i] < 0)) {
                n++;
            }
        }
        return n / 2.0 / ((to - from) / (double) rate);
    }
}
