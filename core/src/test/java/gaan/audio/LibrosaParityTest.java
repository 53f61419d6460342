package gaan.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import gaan.data.Npy;
import gaan.testutil.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every fixture clip against librosa 0.11's values (tolerances: ../shared/fixtures/README.md). */
class LibrosaParityTest {
    private final AudioDecoder decoder = new AudioDecoder();
    private final AudioAnalyzer analyzer = new AudioAnalyzer(AudioFeatureParams.DEFAULTS);

    private record Reference(Npy.Array mel, Npy.Array melDb, Npy.Array mfcc, double[] summary) {
        static Reference of(String clip) {
            return new Reference(Npy.read(Fixtures.audio(clip + ".mel.npy")),
                    Npy.read(Fixtures.audio(clip + ".mel_db.npy")),
                    Npy.read(Fixtures.audio(clip + ".mfcc20.npy")),
                    Npy.read(Fixtures.audio(clip + ".summary40.npy")).values());
        }
    }

    private static double[] flat(float[][] m) {
        double[] out = new double[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                out[i * m[i].length + j] = m[i][j];
            }
        }
        return out;
    }

    private static double maxAbs(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static double medianAbs(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = Math.abs(a[i] - b[i]);
        }
        Arrays.sort(d);
        return d[d.length / 2];
    }

    private static double[] widen(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"chord_22050_mono.wav", "chord_22050_float.wav", "harmonic_22050_mono.wav",
            "harmonic_22050_mono.flac", "noiseband_22050_mono.wav", "silence_1s.wav", "short_0.05s.wav"})
    void losslessClipsMatchLibrosaExactly(String clip) {
        Reference ref = Reference.of(clip);
        Spectra s = analyzer.spectra(decoder.decode(Fixtures.audio(clip)));
        assertArrayEquals(ref.mel().shape(), new int[] {s.mel().length, s.frames()}, "mel shape");

        double[] mel = flat(s.mel());
        double worstRel = 0;
        for (int i = 0; i < mel.length; i++) {
            double r = ref.mel().values()[i];
            if (r > 1e-8) {
                worstRel = Math.max(worstRel, Math.abs(mel[i] - r) / r);
            }
        }
        assertTrue(worstRel <= 1e-4, clip + ": mel relative error " + worstRel);
        double dbErr = maxAbs(flat(s.melDb()), ref.melDb().values());
        assertTrue(dbErr <= 1e-2, clip + ": mel_db max abs error " + dbErr);
        double mfccErr = maxAbs(flat(s.mfcc()), ref.mfcc().values());
        assertTrue(mfccErr <= 2e-2, clip + ": mfcc max abs error " + mfccErr);
        double sumErr = maxAbs(widen(Mfcc.summary(s.mfcc())), ref.summary());
        assertTrue(sumErr <= 1e-3, clip + ": summary40 max abs error " + sumErr);
    }

    /** Lossy copies decoded by FFmpeg instead of mpg123/libvorbis: within a few thousandths of a dB. */
    @ParameterizedTest
    @ValueSource(strings = {"harmonic_22050_mono.mp3", "harmonic_22050_mono.ogg"})
    void lossyClipsDecodeCloseToLibsndfile(String clip) {
        Reference ref = Reference.of(clip);
        Spectra s = analyzer.spectra(decoder.decode(Fixtures.audio(clip)));
        assertArrayEquals(ref.melDb().shape(), new int[] {s.melDb().length, s.frames()}, "mel_db shape");
        double dbErr = maxAbs(flat(s.melDb()), ref.melDb().values());
        assertTrue(dbErr < 0.05, clip + ": mel_db max abs error " + dbErr);
        double sumErr = maxAbs(widen(Mfcc.summary(s.mfcc())), ref.summary());
        assertTrue(sumErr < 1e-2, clip + ": summary40 max abs error " + sumErr);
    }

    /**
     * The 44.1 kHz stereo chirp: swresample here, resampy kaiser_best in the reference. Below the
     * resamplers' transition band (mel bands 0-119, up to ~9.7 kHz) every bin is within 0.5 dB;
     * the top bands see the two filters' different stopbands (up to ~16 dB), which moves the
     * MFCC summary by a few units.
     */
    @Test
    void resampledStereoClipIsCloseToLibrosaBelowTheTransitionBand() {
        String clip = "chirp_44100_stereo.wav";
        Reference ref = Reference.of(clip);
        Spectra s = analyzer.spectra(decoder.decode(Fixtures.audio(clip)));
        int frames = s.frames();
        assertArrayEquals(ref.melDb().shape(), new int[] {128, frames}, "mel_db shape");
        double worst = 0;
        for (int b = 0; b < 120; b++) {
            for (int t = 0; t < frames; t++) {
                worst = Math.max(worst, Math.abs(s.melDb()[b][t] - ref.melDb().values()[b * frames + t]));
            }
        }
        assertTrue(worst < 0.5, "mel_db bands 0-119: max abs error " + worst);
        double median = medianAbs(flat(s.melDb()), ref.melDb().values());
        assertTrue(median < 0.01, "median |mel_db diff| " + median);
        double sumErr = maxAbs(widen(Mfcc.summary(s.mfcc())), ref.summary());
        assertTrue(sumErr < 6, "summary40 max abs error " + sumErr);
    }

    @Test
    void silenceGivesFiniteFeaturesAtTheDbFloor() {
        AudioFeatures f = analyzer.analyze(decoder.decode(Fixtures.audio("silence_1s.wav")));
        for (float v : f.mfccSummary()) {
            assertTrue(Float.isFinite(v), Arrays.toString(f.mfccSummary()));
        }
        assertEquals(-100f, f.logmelPatches()[0][0][0], 0f);
    }

    @Test
    void clipShorterThanTheFftHasThreeFramesAndAPaddedPatch() {
        float[] y = decoder.decode(Fixtures.audio("short_0.05s.wav"));
        assertEquals(3, analyzer.spectra(y).frames());
        AudioFeatures f = analyzer.analyze(y);
        assertTrue(f.padded());
        assertEquals(128, f.logmelPatches()[0][0].length);
    }

    @Test
    void fastLogarithmAgreesWithMathLog() {
        java.util.Random rnd = new java.util.Random(5);
        for (int i = 0; i < 100_000; i++) {
            float x = (float) Math.exp(rnd.nextGaussian() * 20);
            assertEquals(Math.log(x), PowerToDb.ln(x), 1e-10 * Math.max(1, Math.abs(Math.log(x))), "ln " + x);
        }
        assertEquals(Math.log(Float.MIN_VALUE), PowerToDb.ln(Float.MIN_VALUE), 0.0, "subnormal");
        assertEquals(Math.log(1e-10f), PowerToDb.ln(1e-10f), 1e-12);
    }

    @Test
    void bandCentresAreWhereTheFiltersPeak() {
        float[][] w = new MelFilterbank(22050, 2048, 128, 0, 11025).dense();
        double[] centres = MelFilterbank.centreFrequencies(128, 0, 11025);
        assertEquals(128, centres.length);
        double binHz = 22050.0 / 2048;
        for (int m = 0; m < 128; m++) {
            int peak = 0;
            for (int k = 1; k < w[m].length; k++) {
                peak = w[m][k] > w[m][peak] ? k : peak;
            }
            assertEquals(centres[m], peak * binHz, binHz, "band " + m);
        }
        assertEquals(MelFilterbank.melToHz(MelFilterbank.hzToMel(11025) / 129), centres[0], 1e-9,
                "first centre one mel step above fmin = 0");
    }

    @Test
    void filterbankMatchesLibrosasSlaneyDesign() {
        float[][] w = new MelFilterbank(22050, 2048, 128, 0, 11025).dense();
        assertEquals(128, w.length);
        assertEquals(1025, w[0].length);
        // Unit-area Slaney filters: each row sums (over Hz) to about 2 / bandwidth * bandwidth / 2 = 1.
        double[] edges = MelFilterbank.melFrequencies(130, 0, 11025);
        double binHz = 22050.0 / 2048;
        for (int m = 0; m < 128; m += 31) {
            double area = 0;
            for (float v : w[m]) {
                area += v * binHz;
            }
            assertEquals(1.0, area, 0.25, "band " + m + " spanning " + edges[m] + ".." + edges[m + 2] + " Hz");
        }
    }
}
