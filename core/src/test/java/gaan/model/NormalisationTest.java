package gaan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class NormalisationTest {
    /** Two 2×3 patches whose rows (bands) sit at very different levels, like loud low and quiet high mel bands. */
    private static final float[][][] PATCHES = {
            {{-10, -12, -14}, {-70, -72, -74}},
            {{-20, -22, -24}, {-80, -78, -76}}};

    @Test
    void perBandScalingStandardisesEachPatchRowOverAllPatches() {
        VaeSpec spec = tinyConv().withBandScaling();
        VaeInput in = VaeInput.patches(PATCHES);
        Normalisation norm = Normalisation.fit(spec, in);

        // band 0: values -10..-24, mean -17; band 1: -70..-80, mean -75 (numpy: x[:, b].mean(), x[:, b].std(ddof=0))
        assertArrayEquals(new float[] {-17f, -75f}, norm.mean().get(0), 1e-5f);
        assertArrayEquals(new float[] {(float) Math.sqrt(83.0 / 3), (float) Math.sqrt(35.0 / 3)}, norm.std().get(0), 1e-5f);
        float[] z = norm.apply(0, in, 6, new int[] {0, 1});
        for (int band = 0; band < 2; band++) {
            double sum = 0;
            double sumSq = 0;
            for (int p = 0; p < 2; p++) {
                for (int t = 0; t < 3; t++) {
                    double v = z[p * 6 + band * 3 + t];
                    sum += v;
                    sumSq += v * v;
                }
            }
            assertEquals(0, sum / 6, 1e-6, "band " + band + " mean");
            assertEquals(1, sumSq / 6, 1e-5, "band " + band + " variance");
        }
        norm.invert(0, z, 6);
        assertArrayEquals(new float[] {-10, -12, -14, -70, -72, -74, -20, -22, -24, -80, -78, -76}, z, 1e-4f);
    }

    @Test
    void defaultPatchScalingIsOnePairForAllValues() {
        Normalisation norm = Normalisation.fit(tinyConv(), VaeInput.patches(PATCHES));
        assertArrayEquals(new float[] {-46f}, norm.mean().get(0), 1e-4f);
    }

    /** A CONV spec over 2×3 patches (no convolution layers, so any patch size fits). */
    private static VaeSpec tinyConv() {
        return new VaeSpec(VaeKind.CONV, List.of(2, 3), List.of(), List.of(), 4, 1.0, 0, 0, null);
    }

    @Test
    void perBandScalingIsRefusedForVectorModels() {
        VaeSpec mlp = VaeSpec.mlp(4);
        assertThrows(IllegalArgumentException.class, mlp::withBandScaling);
    }
}
