package gaan.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

/**
 * {@link SpectralContrast#block}'s sorting and insertion networks pick, bit for bit, the values a
 * plain sort of each frame's band picks (the parity against librosa is {@link DescriptorParityTest}).
 */
class SpectralContrastTest {
    private static final int BINS = 1025;
    private static final int WIDTH = Spectrogram.BLOCK;

    private final SpectralContrast contrast;

    SpectralContrastTest() {
        double[] freq = new double[BINS];
        for (int k = 0; k < BINS; k++) {
            freq[k] = k * 22050.0 / 2048;
        }
        contrast = new SpectralContrast(freq, 22050);
    }

    @Test
    void peaksAndValleysAreThoseOfASortedBand() {
        Random r = new Random(11);
        // Spread over many octaves, coarse with many ties, and mostly zeros with a few values.
        check(k -> Math.exp(5 * r.nextGaussian()), 37);
        check(k -> r.nextInt(4), WIDTH);
        check(k -> r.nextInt(50) == 0 ? r.nextDouble() : 0.0, WIDTH);
        // Rising and falling with the bin, shuffled within a few bins: a band's largest and
        // smallest values share their sorting groups, so every rank must come out right.
        check(k -> k + 12 * r.nextDouble(), WIDTH);
        check(k -> BINS - k + 12 * r.nextDouble(), WIDTH);
    }

    private void check(IntToDoubleFunction valueOfBin, int count) {
        float[][] power = new float[BINS][WIDTH];
        for (int k = 0; k < BINS; k++) {
            for (int j = 0; j < WIDTH; j++) {
                power[k][j] = (float) valueOfBin.applyAsDouble(k);
            }
        }
        int t0 = 3;
        double[][] peak = new double[contrast.bands()][t0 + WIDTH];
        double[][] valley = new double[contrast.bands()][t0 + WIDTH];
        contrast.block(power, count, new SpectralContrast.Scratch(contrast, WIDTH), peak, valley, t0);
        for (int b = 0; b < contrast.bands(); b++) {
            SpectralContrast.Band band = contrast.band(b);
            int n = band.quantile();
            for (int j = 0; j < count; j++) {
                float[] values = new float[band.end() - band.first()];
                for (int k = band.first(); k < band.end(); k++) {
                    values[k - band.first()] = power[k][j];
                }
                Arrays.sort(values);
                double low = 0;
                double high = 0;
                for (int i = 0; i < n; i++) {
                    low += Math.sqrt(values[i]);
                    high += Math.sqrt(values[values.length - 1 - i]);
                }
                assertEquals(low / n, valley[b][t0 + j], 0.0, "valley, band " + b + ", frame " + j);
                assertEquals(high / n, peak[b][t0 + j], 0.0, "peak, band " + b + ", frame " + j);
            }
        }
    }
}
