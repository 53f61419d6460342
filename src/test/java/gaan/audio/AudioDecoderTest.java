package gaan.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import gaan.data.Npy;
import gaan.testutil.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioDecoderTest {
    private final AudioDecoder decoder = new AudioDecoder();

    @TempDir
    Path dir;

    private static double maxAbsDiff(float[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @ParameterizedTest
    @ValueSource(strings = {"chord_22050_mono.wav", "chord_22050_float.wav", "harmonic_22050_mono.wav",
            "harmonic_22050_mono.flac", "noiseband_22050_mono.wav", "silence_1s.wav", "short_0.05s.wav"})
    void losslessFilesAtTheTargetRateDecodeToLibrosasSamplesExactly(String name) {
        float[] y = decoder.decode(Fixtures.audio(name));
        Npy.Array ref = Npy.read(Fixtures.audio(name + ".audio22050.npy"));
        assertEquals(ref.size(), y.length);
        assertEquals(0.0, maxAbsDiff(y, ref.values()), name);
    }

    @Test
    void mp3DecodesGaplessToTheWavsLength() {
        float[] y = decoder.decode(Fixtures.audio("harmonic_22050_mono.mp3"));
        assertEquals(110250, y.length);
        Npy.Array ref = Npy.read(Fixtures.audio("harmonic_22050_mono.mp3.audio22050.npy"));
        assertTrue(maxAbsDiff(y, ref.values()) < 1e-3, "max diff " + maxAbsDiff(y, ref.values()));
    }

    @Test
    void oggDecodesCloseToLibsndfile() {
        float[] y = decoder.decode(Fixtures.audio("harmonic_22050_mono.ogg"));
        Npy.Array ref = Npy.read(Fixtures.audio("harmonic_22050_mono.ogg.audio22050.npy"));
        assertEquals(ref.size(), y.length);
        assertTrue(maxAbsDiff(y, ref.values()) < 1e-3, "max diff " + maxAbsDiff(y, ref.values()));
    }

    @Test
    void stereo44100IsAveragedAndResampledCloseToResampy() {
        float[] y = decoder.decode(Fixtures.audio("chirp_44100_stereo.wav"));
        Npy.Array ref = Npy.read(Fixtures.audio("chirp_44100_stereo.wav.audio22050.npy"));
        assertEquals(ref.size(), y.length);
        double sq = 0;
        for (int i = 0; i < y.length; i++) {
            sq += (y[i] - ref.values()[i]) * (y[i] - ref.values()[i]);
        }
        double rms = Math.sqrt(sq / y.length);
        assertTrue(rms < 2e-3, "rms difference to resampy's output " + rms);
    }

    @Test
    void offsetAndDurationSelectAWindowOfSamples() {
        float[] all = decoder.decode(Fixtures.audio("harmonic_22050_mono.wav"));
        float[] part = decoder.decode(Fixtures.audio("harmonic_22050_mono.wav"), 1.5, 2.0);
        assertEquals(44100, part.length);
        for (int i = 0; i < part.length; i++) {
            assertEquals(all[33075 + i], part[i], 0.0, "sample " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"corrupt_truncated.wav", "not_audio.mp3"})
    void brokenFilesFailWithAnErrorNamingTheFile(String name) {
        Path file = Fixtures.audio(name);
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> decoder.decode(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void emptyAndMissingFilesFailWithAReason() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.wav"));
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> decoder.decode(empty));
        assertTrue(e.getMessage().contains("empty.wav") && e.reason().contains("empty"), e.getMessage());
        Path missing = dir.resolve("missing.flac");
        e = assertThrows(AudioDecodeException.class, () -> decoder.decode(missing));
        assertTrue(e.reason().contains("no such file"), e.getMessage());
    }
}
