package gaan.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

/**
 * The paired float32 STFT against a float64 one-frame-at-a-time FFT (JTransforms), on signals
 * where a frame's pair partner is far louder than it is.
 */
class SpectrogramTest {
    private static final int N_FFT = 2048;
    private static final int HOP = 512;

    /** {@code |FFT(w * frame_t)|^2} in float64, with librosa's centring and zero padding. */
    private static double[][] reference(float[] y) {
        int frames = 1 + y.length / HOP;
        double[][] power = new double[N_FFT / 2 + 1][frames];
        DoubleFFT_1D fft = new DoubleFFT_1D(N_FFT);
        for (int t = 0; t < frames; t++) {
            double[] x = new double[N_FFT];
            for (int n = 0; n < N_FFT; n++) {
                int i = t * HOP - N_FFT / 2 + n;
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / N_FFT);
                x[n] = i >= 0 && i < y.length ? w * y[i] : 0;
            }
            fft.realForward(x);
            power[0][t] = x[0] * x[0];
            power[N_FFT / 2][t] = x[1] * x[1];
            for (int k = 1; k < N_FFT / 2; k++) {
                power[k][t] = x[2 * k] * x[2 * k] + x[2 * k + 1] * x[2 * k + 1];
            }
        }
        return power;
    }

    private static float[][] paired(float[] y) {
        Spectrogram s = new Spectrogram(N_FFT, HOP);
        int frames = s.frames(y.length);
        float[][] out = new float[s.bins()][frames];
        float[][] block = s.newBlock();
        for (int t0 = 0; t0 < frames; t0 += Spectrogram.BLOCK) {
            s.powerBlock(y, t0, block);
            for (int k = 0; k < block.length; k++) {
                System.arraycopy(block[k], 0, out[k], t0, Math.min(Spectrogram.BLOCK, frames - t0));
            }
        }
        return out;
    }

    /**
     * Max over bins and frames {@code t0 <= t < t1} of the error relative to the frame's mean power:
     * a float32 FFT's rounding is spread evenly over the bins, so a bin near a zero of the spectrum
     * gets a large error relative to itself, not to its frame.
     */
    private static double maxFrameRelativeError(float[][] got, double[][] ref, int t0, int t1) {
        double worst = 0;
        for (int t = t0; t < t1; t++) {
            double mean = 0;
            for (double[] row : ref) {
                mean += row[t] / ref.length;
            }
            for (int k = 0; k < ref.length; k++) {
                worst = Math.max(worst, Math.abs(got[k][t] - ref[k][t]) / mean);
            }
        }
        return worst;
    }

    /** Max |dB difference| where the reference is within 80 dB of the matrix's maximum (power_to_db's range). */
    private static double maxDbError(float[][] got, double[][] ref) {
        double max = 0;
        for (double[] row : ref) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        double floor = max * 1e-8;
        double worst = 0;
        for (int k = 0; k < ref.length; k++) {
            for (int t = 0; t < ref[k].length; t++) {
                double a = 10 * Math.log10(Math.max(floor, got[k][t]));
                double b = 10 * Math.log10(Math.max(floor, ref[k][t]));
                worst = Math.max(worst, Math.abs(a - b));
            }
        }
        return worst;
    }

    @Test
    void noiseMatchesTheFloat64Spectrum() {
        Random r = new Random(5);
        // 201 frames: an odd count, so the last frame is paired with a frame past the end.
        float[] y = new float[200 * HOP + 17];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.2 * r.nextGaussian());
        }
        double[][] ref = reference(y);
        float[][] got = paired(y);
        assertEquals(201, got[0].length);
        double worst = maxFrameRelativeError(got, ref, 0, 201);
        assertTrue(worst < 1e-5, "worst error relative to the frame's mean power " + worst);
        assertTrue(maxDbError(got, ref) < 1e-3, "dB error " + maxDbError(got, ref));
    }

    @Test
    void aQuietFrameNextToALoudOneKeepsItsOwnSpectrumWithinTheDbRange() {
        // Noise at 1e-4 (about -70 dB below what follows), then a chord from just past the end of
        // frame 72's window: frame 72 is quiet and paired with frame 73, which is loud.
        Random r = new Random(9);
        float[] y = new float[150 * HOP];
        int onset = 72 * HOP + N_FFT / 2 + 100;
        for (int i = 0; i < y.length; i++) {
            y[i] = i < onset ? (float) (1e-4 * r.nextGaussian())
                    : (float) (0.3 * Math.sin(0.07 * i) + 0.3 * Math.sin(0.31 * i) + 0.2 * Math.sin(1.3 * i));
        }
        double[][] ref = reference(y);
        float[][] got = paired(y);
        assertTrue(maxDbError(got, ref) < 0.01, "dB error " + maxDbError(got, ref));
        double quietPairs = maxFrameRelativeError(got, ref, 0, 72);
        double loudPartner = maxFrameRelativeError(got, ref, 72, 73);
        assertTrue(quietPairs < 1e-5, "worst error of frames paired with quiet ones " + quietPairs);
        // The partner's rounding shows (3.5e-4 here), 35 dB under the quiet frame's own level.
        assertTrue(loudPartner < 1e-3, "worst error of the frame paired with a loud one " + loudPartner);
    }
}
