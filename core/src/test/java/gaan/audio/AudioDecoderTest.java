package gaan.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @ParameterizedTest
    @ValueSource(strings = {"harmonic_22050_mono.wav", "harmonic_22050_mono.flac", "harmonic_22050_mono.mp3",
            "harmonic_22050_mono.ogg"})
    void offsetAndDurationSeekToExactlyTheSamplesOfAFullDecode(String name) {
        float[] all = decoder.decode(Fixtures.audio(name));
        float[] part = decoder.decode(Fixtures.audio(name), 1.5, 2.0);
        assertEquals(44100, part.length);
        for (int i = 0; i < part.length; i++) {
            assertEquals(all[33075 + i], part[i], 0.0, "sample " + i);
        }
    }

    /**
     * Formats and layouts without a fixture, made from the 22050 Hz WAV with the ffmpeg in the bytedeco jar:
     * same length (encoder delay and padding removed) and the same signal (channels holding copies
     * of it average back to it; lossy codecs and a 48 kHz round trip keep SNR above 20 dB).
     */
    @ParameterizedTest
    @ValueSource(strings = {"opus:-c:a libopus -b:a 96k", "m4a:-c:a aac -b:a 128k", "wav:-c:a pcm_s24le",
            "wav:-c:a pcm_s32le", "wav:-c:a pcm_f64le", "wav:-c:a pcm_u8",
            "flac:-af pan=stereo|c0=c0|c1=c0", "wav:-ar 48000 -af pan=5.1|c0=c0|c1=c0|c2=c0|c3=c0|c4=c0|c5=c0",
            // Float planes: two (read in place), and ten (past the eight plane pointers inside the frame).
            "m4a:-af pan=stereo|c0=c0|c1=c0 -c:a aac -b:a 192k",
            "opus:-af pan=5.1.4|c0=c0|c1=c0|c2=c0|c3=c0|c4=c0|c5=c0|c6=c0|c7=c0|c8=c0|c9=c0 -c:a libopus -mapping_family 255 -b:a 512k"})
    void otherFormatsDecodeToTheSameSignal(String spec) {
        String[] parts = spec.split(":", 2);
        Path source = Fixtures.audio("harmonic_22050_mono.wav");
        Path file = dir.resolve("converted." + parts[0]);
        gaan.testutil.FfmpegTool.convert(source, file, parts[1].split(" "));
        float[] expected = decoder.decode(source);
        float[] y = decoder.decode(file);
        assertEquals(expected.length, y.length, spec + ": gapless length");
        double sq = 0;
        double energy = 0;
        for (int i = 0; i < y.length; i++) {
            sq += (y[i] - expected[i]) * (y[i] - expected[i]);
            energy += expected[i] * expected[i];
        }
        double snrDb = 10 * Math.log10(energy / Math.max(sq, 1e-30));
        assertTrue(snrDb > 20, spec + ": SNR against the original " + snrDb + " dB");
    }

    /**
     * 16-bit WAVs are read without FFmpeg's decoder: stereo ones with a LIST chunk before their data,
     * at the target rate and at 44.1 kHz (resampled), whole and in part, give exactly the samples
     * FFmpeg decodes from the same audio in FLAC.
     */
    @ParameterizedTest
    @ValueSource(strings = {"22050", "44100"})
    void pcmWavReadDirectlyEqualsFfmpegsDecodeOfTheSameAudio(String rate) {
        Path source = Fixtures.audio("harmonic_22050_mono.wav");
        String[] stereo = {"-af", "pan=stereo|c0=c0|c1=0.3*c0", "-ar", rate, "-metadata", "title=list chunk"};
        Path wav = gaan.testutil.FfmpegTool.convert(source, dir.resolve("stereo.wav"), concat(stereo, "-c:a", "pcm_s16le"));
        Path flac = gaan.testutil.FfmpegTool.convert(source, dir.resolve("stereo.flac"), concat(stereo, "-c:a", "flac"));
        assertArrayEquals(decoder.decode(flac), decoder.decode(wav));
        assertArrayEquals(decoder.decode(flac, 1.5, 2.0), decoder.decode(wav, 1.5, 2.0));
        assertArrayEquals(decoder.decode(flac, 4.0, 9.0), decoder.decode(wav, 4.0, 9.0));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * No Xing header, so FFmpeg can only guess the length from the bitrate (about 4.9 s for this
     * 5 s file): nothing may be cut by that guess. Without the LAME tag the encoder delay stays in.
     */
    @Test
    void vbrMp3WithoutLengthHeaderAndWithCoverArtDecodesCompletely() {
        Path source = Fixtures.audio("harmonic_22050_mono.wav");
        Path file = dir.resolve("vbr.mp3");
        gaan.testutil.FfmpegTool.convert(source, file, "-f", "lavfi", "-i", "color=c=red:s=32x32:d=0.04",
                "-map", "0:a", "-map", "1:v", "-c:a", "libmp3lame", "-q:a", "6", "-write_xing", "0",
                "-c:v", "mjpeg", "-disposition:v", "attached_pic");
        float[] y = decoder.decode(file);
        assertTrue(y.length >= 110250 && y.length < 110250 + 3 * 1152, "decoded " + y.length + " samples");
    }

    @Test
    void offsetPastTheEndIsAnError() {
        Path file = Fixtures.audio("harmonic_22050_mono.wav");
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> decoder.decode(file, 7.0, 1.0));
        assertTrue(e.reason().contains("past the end"), e.getMessage());
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

    @Test
    void aTruncatedFileLoadsWhatItHoldsWithBothLengthsAndDecodeRefusesIt() throws Exception {
        Path source = Fixtures.audio("harmonic_22050_mono.wav");
        float[] whole = decoder.decode(source);
        // 16-bit PCM and 24-bit PCM (FFmpeg's decoder), each cut after 2 s of its data chunk.
        for (String codec : new String[] {"pcm_s16le", "pcm_s24le"}) {
            Path file = gaan.testutil.FfmpegTool.convert(source, dir.resolve(codec + ".wav"), "-c:a", codec);
            byte[] bytes = Files.readAllBytes(file);
            int bytesPerSample = codec.equals("pcm_s16le") ? 2 : 3;
            int dataStart = bytes.length - whole.length * bytesPerSample;
            Files.write(file, java.util.Arrays.copyOf(bytes, dataStart + 44100 * bytesPerSample));

            DecodedAudio loaded = decoder.load(file, 0, 0);
            assertTrue(loaded.truncated(), codec);
            assertEquals(whole.length / 22050.0, loaded.truncation().declaredSeconds(), 1e-9, codec);
            assertEquals(2.0, loaded.truncation().fileSeconds(), 1e-9, codec);
            assertEquals(44100, loaded.samples().length, codec);
            assertEquals(whole[1000], loaded.samples()[1000], 1e-4f, codec);
            AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> decoder.decode(file));
            assertTrue(e.reason().equals("truncated: the header declares 5.000 s of audio but the file holds 2.000 s"),
                    e.getMessage());
            // A window inside what the file holds is whole.
            assertFalse(decoder.load(file, 0.5, 1.0).truncated(), codec);
        }
        assertFalse(decoder.load(source, 0, 0).truncated());
    }
}
