package gaan.data.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

class DrumTest {
    private static final Drum.Kit KIT = new Drum.Kit(55, 0.3, 0.15, 0.6);

    /** Spectral centroid in Hz of the first 8192 samples of one hit. */
    private static double centroid(Drum drum) {
        int n = 8192;
        float[] out = new float[n];
        drum.hit(out, 0, 1, KIT, new SplittableRandom(4));
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = out[i];
        }
        new DoubleFFT_1D(n).realForward(x);
        double weighted = 0;
        double total = 0;
        for (int k = 1; k < n / 2; k++) {
            double power = x[2 * k] * x[2 * k] + x[2 * k + 1] * x[2 * k + 1];
            weighted += power * k * Dsp.SR / (double) n;
            total += power;
        }
        return weighted / total;
    }

    @Test
    void kickIsLowSnareInTheMiddleAndMetalHigh() {
        double kick = centroid(Drum.KICK);
        double snare = centroid(Drum.SNARE);
        double hat = centroid(Drum.HAT);
        double low = centroid(Drum.HAND_LOW);
        assertTrue(kick < 250, "kick centroid " + kick);
        assertTrue(low < 250, "bass hand drum centroid " + low);
        assertTrue(snare > 800 && snare < 5000, "snare centroid " + snare);
        for (Drum metal : new Drum[] {Drum.HAT, Drum.OPEN_HAT, Drum.RIDE, Drum.CRASH, Drum.SHAKER}) {
            assertTrue(centroid(metal) > 4000, metal + " centroid " + centroid(metal));
        }
        assertTrue(hat > snare && snare > kick);
    }

    @Test
    void hitsNearTheEndOfTheBufferAreCutNotOverrun() {
        float[] out = new float[1000];
        for (Drum d : Drum.values()) {
            d.hit(out, 990, 1, KIT, new SplittableRandom(5));
            d.hit(out, 1000, 1, KIT, new SplittableRandom(5));
        }
        assertTrue(Math.abs(out[995]) > 0);
    }
}
