package gaan.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AudioFeatureParamsTest {
    private static final AudioFeatureParams D = AudioFeatureParams.DEFAULTS;

    @Test
    void cacheKeyIsStableAcrossRunsAndVersions() {
        // A changed value here means every existing feature store will be re-extracted.
        assertEquals(D.cacheKey(), new AudioFeatureParams(22050, 2048, 512, 128, 0.0, 11025.0, 1e-10, 80.0, 20, 128, 1,
                0.0, 0.0).cacheKey());
        assertEquals(16, D.cacheKey().length());
        assertTrue(D.canonical().contains("n_fft=2048") && D.canonical().contains("top_db=80.0"), D.canonical());
    }

    @Test
    void everyParameterThatShapesTheNumbersChangesTheKey() {
        List<AudioFeatureParams> variants = List.of(D,
                new AudioFeatureParams(16000, 2048, 512, 128, 0.0, 8000.0, 1e-10, 80.0, 20, 128, 1, 0.0, 0.0),
                new AudioFeatureParams(22050, 1024, 512, 128, 0.0, 11025.0, 1e-10, 80.0, 20, 128, 1, 0.0, 0.0),
                new AudioFeatureParams(22050, 2048, 256, 128, 0.0, 11025.0, 1e-10, 80.0, 20, 128, 1, 0.0, 0.0),
                new AudioFeatureParams(22050, 2048, 512, 64, 0.0, 11025.0, 1e-10, 80.0, 20, 128, 1, 0.0, 0.0),
                new AudioFeatureParams(22050, 2048, 512, 128, 20.0, 11025.0, 1e-10, 80.0, 20, 128, 1, 0.0, 0.0),
                new AudioFeatureParams(22050, 2048, 512, 128, 0.0, 8000.0, 1e-10, 80.0, 20, 128, 1, 0.0, 0.0),
                new AudioFeatureParams(22050, 2048, 512, 128, 0.0, 11025.0, 1e-5, 80.0, 20, 128, 1, 0.0, 0.0),
                new AudioFeatureParams(22050, 2048, 512, 128, 0.0, 11025.0, 1e-10, 60.0, 20, 128, 1, 0.0, 0.0),
                new AudioFeatureParams(22050, 2048, 512, 128, 0.0, 11025.0, 1e-10, 80.0, 13, 128, 1, 0.0, 0.0),
                new AudioFeatureParams(22050, 2048, 512, 128, 0.0, 11025.0, 1e-10, 80.0, 20, 64, 1, 0.0, 0.0),
                D.withPatchesPerTrack(4), D.withWindow(30, 0), D.withWindow(0, 30));
        Set<String> keys = new HashSet<>();
        variants.forEach(v -> keys.add(v.cacheKey()));
        assertEquals(variants.size(), keys.size());
        assertNotEquals(D.cacheKey(), D.withWindow(0, 30).cacheKey());
    }

    @Test
    void invalidValuesAreRejectedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> D.withPatchesPerTrack(0));
        assertTrue(e.getMessage().contains("patchesPerTrack"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new AudioFeatureParams(22050, 2000, 512, 128, 0.0, 11025.0, 1e-10, 80.0, 20, 128, 1, 0.0, 0.0));
        assertTrue(e.getMessage().contains("nFft"), e.getMessage());
    }
}
