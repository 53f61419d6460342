package gaan.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gaan.data.Npy;
import gaan.testutil.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every descriptor of every clip of {@code core/src/test/fixtures/descriptors} against librosa
 * 0.11 (its README states each call), frame by frame and as per-track means and standard
 * deviations. The STFT pairs frames ({@link PairedFft}), so each spectrum carries about 1e-7 of
 * its neighbour's magnitude; the tolerances below are the only ones.
 */
class DescriptorParityTest {
    /**
     * Largest absolute difference allowed per frame value. Contrast is the exception that needs a
     * second figure: a valley of a single bin ({@code q = 1}) near the STFT's rounding floor can
     * move by a few tenths of a dB, so its bound is per value and its median must stay near 0.
     */
    private static final Map<String, Double> FRAME_TOLERANCE = Map.of(
            "centroid", 0.05,       // Hz
            "bandwidth", 0.05,      // Hz
            "rolloff", 10.8,        // Hz: one FFT bin, should the running sum tie differently
            "flatness", 1e-6,
            "contrast", 0.5,        // dB
            "zcr", 1e-7,
            "rms", 1e-6,
            "chroma", 1e-5,
            "onset", 1e-4,
            "mfcc_delta", 1e-4);
    private static final double CONTRAST_MEDIAN_DB = 1e-3;
    /** Largest difference allowed between the per-track statistics, relative to max(1, |librosa's|). */
    private static final double SUMMARY_TOLERANCE = 1e-4;


    private final AudioDecoder decoder = new AudioDecoder();
    private final AudioAnalyzer analyzer = new AudioAnalyzer(AudioFeatureParams.DEFAULTS);

    /** The clip's audio: in the descriptor fixtures, else the audio fixtures' copy. */
    private static Path audio(String clip) {
        Path own = Fixtures.descriptors(clip);
        return Files.isRegularFile(own) ? own : Fixtures.audio(clip);
    }

    private static Map<String, Function<FrameDescriptors, float[][]>> features() {
        return Map.of(
                "centroid", d -> new float[][] {d.centroid()},
                "bandwidth", d -> new float[][] {d.bandwidth()},
                "rolloff", d -> new float[][] {d.rolloff()},
                "flatness", d -> new float[][] {d.flatness()},
                "contrast", FrameDescriptors::contrast,
                "zcr", d -> new float[][] {d.zcr()},
                "rms", d -> new float[][] {d.rms()},
                "chroma", FrameDescriptors::chroma,
                "onset", d -> new float[][] {d.onset()},
                "mfcc_delta", FrameDescriptors::mfccDelta);
    }

    @ParameterizedTest
    @MethodSource("clips")
    void everyFrameOfEveryDescriptorMatchesLibrosa(String clip) {
        FrameDescriptors d = analyzer.descriptors(decoder.decode(audio(clip)));
        int compared = 0;
        for (var feature : features().entrySet()) {
            String name = feature.getKey();
            Path file = Fixtures.descriptors(clip + "." + name + ".npy");
            if (!Files.isRegularFile(file)) {
                // librosa gives no delta for clips shorter than its 9-frame window.
                assertTrue(name.equals("mfcc_delta") && d.centroid().length < MfccDelta.WIDTH, clip + " lacks " + name);
                continue;
            }
            float[][] ours = feature.getValue().apply(d);
            Npy.Array ref = Npy.read(file);
            assertArrayEquals(ref.shape(), new int[] {ours.length, ours[0].length}, clip + " " + name + " shape");
            double[] diff = new double[ref.size()];
            for (int r = 0; r < ours.length; r++) {
                for (int t = 0; t < ours[r].length; t++) {
                    int at = r * ours[r].length + t;
                    diff[at] = Math.abs(ours[r][t] - ref.values()[at]);
                }
            }
            double max = Arrays.stream(diff).max().orElse(0);
            assertTrue(max <= FRAME_TOLERANCE.get(name), clip + " " + name + ": max abs difference " + max);
            if (name.equals("contrast")) {
                Arrays.sort(diff);
                assertTrue(diff[diff.length / 2] <= CONTRAST_MEDIAN_DB, clip + " contrast median " + diff[diff.length / 2]);
            }
            compared++;
        }
        assertTrue(compared >= features().size() - 1, clip + ": only " + compared + " features compared");
    }

    @ParameterizedTest
    @MethodSource("clips")
    void tempoIsLibrosasWithinOneTempoBin(String clip) throws IOException {
        FrameDescriptors d = analyzer.descriptors(decoder.decode(audio(clip)));
        double ref = summary(clip).get("tempo_bpm").asDouble();
        double perLag = 60.0 * 22050 / 512;
        long refLag = Math.round(perLag / ref);
        long ourLag = Math.round(perLag / d.tempoBpm());
        assertTrue(Math.abs(refLag - ourLag) <= 1, clip + ": tempo " + d.tempoBpm() + " BPM, librosa " + ref);
    }

    /** The stored vector's mean and std columns equal librosa's statistics over its frames. */
    @ParameterizedTest
    @MethodSource("clips")
    void storedMeansAndStandardDeviationsMatchLibrosa(String clip) throws IOException {
        AudioFeatures f = analyzer.analyze(decoder.decode(audio(clip)));
        List<String> names = DescriptorSummary.names(AudioFeatureParams.DEFAULTS);
        assertEquals(names.size(), f.descriptors().length);
        JsonNode ref = summary(clip);
        Map<String, String> columns = Map.of("centroid", "spectral.centroid.", "bandwidth", "spectral.bandwidth.",
                "rolloff", "spectral.rolloff.", "flatness", "spectral.flatness.", "zcr", "spectral.zcr.",
                "rms", "spectral.rms.", "contrast", "contrast.", "chroma", "chroma.", "mfcc_delta", "dmfcc.",
                "onset", "rhythm.onset_");
        for (var c : columns.entrySet()) {
            JsonNode stats = ref.get(c.getKey());
            if (stats == null) {
                continue;
            }
            for (String stat : new String[] {"mean", "std"}) {
                JsonNode values = stats.get(stat);
                List<Integer> at = columnsStartingWith(names, c.getValue(), stat);
                assertEquals(values.size(), at.size(), clip + " " + c.getKey() + " " + stat + " columns");
                for (int i = 0; i < at.size(); i++) {
                    double expected = values.get(i).asDouble();
                    double got = f.descriptors()[at.get(i)];
                    assertEquals(expected, got, SUMMARY_TOLERANCE * Math.max(1, Math.abs(expected)),
                            clip + " " + names.get(at.get(i)));
                }
            }
        }
        assertEquals(ref.get("tempo_bpm").asDouble(), f.descriptors()[names.indexOf("rhythm.tempo_bpm")], 1e-3,
                clip + " tempo");
    }

    /** Indices of the columns named {@code prefix + stat + ...} ({@code spectral.F.mean}, {@code chroma.mean.C}, {@code rhythm.onset_mean}). */
    private static List<Integer> columnsStartingWith(List<String> names, String prefix, String stat) {
        return java.util.stream.IntStream.range(0, names.size())
                .filter(i -> names.get(i).equals(prefix + stat) || names.get(i).startsWith(prefix + stat + "."))
                .boxed().toList();
    }

    private static JsonNode summary(String clip) throws IOException {
        return new ObjectMapper().readTree(Fixtures.descriptors(clip + ".summary.json").toFile());
    }

    /** Every clip of the fixtures' index. */
    static List<String> clips() throws IOException {
        JsonNode index = new ObjectMapper().readTree(Fixtures.descriptors("index.json").toFile());
        List<String> clips = new java.util.ArrayList<>();
        index.get("clips").fieldNames().forEachRemaining(clips::add);
        assertTrue(clips.size() >= 6, "descriptor fixtures list " + clips);
        return clips;
    }
}
