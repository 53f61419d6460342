package gaan.audio;

/**
 * MFCCs as librosa computes them from a log-mel matrix: the orthonormal DCT-II
 * ({@code scipy.fft.dct(type=2, norm='ortho')}) along the mel axis, first {@code nMfcc} rows:
 * {@code c[k] = s_k * sum_n x[n] cos(pi k (2n + 1) / (2N))} with {@code s_0 = sqrt(1/N)},
 * {@code s_k = sqrt(2/N)}. Immutable and thread-safe.
 */
public final class Mfcc {
    /** Mel bands summed in float32 before the float64 total. */
    private static final int GROUP = 16;
    /** Coefficients computed per pass over the log-mel matrix. */
    private static final int PASS = 4;

    private final double[][] dct;

    public Mfcc(int nMfcc, int nMels) {
        dct = new double[nMfcc][nMels];
        for (int k = 0; k < nMfcc; k++) {
            double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / nMels);
            for (int n = 0; n < nMels; n++) {
                dct[k][n] = scale * Math.cos(Math.PI * k * (2 * n + 1) / (2.0 * nMels));
            }
        }
    }

    /**
     * MFCCs {@code (nMfcc, T)} of a log-mel matrix {@code (nMels, T)}. Each group of
     * {@link #GROUP} bands is summed in float32 (a loop over frames that vectorises), the groups
     * in float64, which keeps large constant inputs (silence at -100 dB) accurate to 1e-5.
     */
    public float[][] apply(float[][] melDb) {
        int frames = melDb.length == 0 ? 0 : melDb[0].length;
        float[][] out = new float[dct.length][frames];
        apply(melDb, frames, out);
        return out;
    }

    /** MFCCs of columns {@code [0, frames)} of {@code melDb} into the same columns of {@code out}. */
    void apply(float[][] melDb, int frames, float[][] out) {
        float[][] group = new float[PASS][frames];
        double[][] total = new double[PASS][frames];
        float[] g0 = group[0];
        float[] g1 = group[1];
        float[] g2 = group[2];
        float[] g3 = group[3];
        // PASS coefficients per pass over the matrix: each log-mel value is loaded once for four
        // multiply-adds; the coefficients past nMfcc have zero weights and are dropped.
        for (int k0 = 0; k0 < dct.length; k0 += PASS) {
            for (double[] row : total) {
                java.util.Arrays.fill(row, 0, frames, 0.0);
            }
            for (int g = 0; g < melDb.length; g += GROUP) {
                for (float[] row : group) {
                    java.util.Arrays.fill(row, 0, frames, 0f);
                }
                for (int n = g; n < Math.min(g + GROUP, melDb.length); n++) {
                    float d0 = weight(k0, n);
                    float d1 = weight(k0 + 1, n);
                    float d2 = weight(k0 + 2, n);
                    float d3 = weight(k0 + 3, n);
                    float[] row = melDb[n];
                    for (int t = 0; t < frames; t++) {
                        float x = row[t];
                        g0[t] += d0 * x;
                        g1[t] += d1 * x;
                        g2[t] += d2 * x;
                        g3[t] += d3 * x;
                    }
                }
                for (int q = 0; q < PASS; q++) {
                    float[] gq = group[q];
                    double[] tq = total[q];
                    for (int t = 0; t < frames; t++) {
                        tq[t] += gq[t];
                    }
                }
            }
            for (int q = 0; q < PASS && k0 + q < dct.length; q++) {
                float[] o = out[k0 + q];
                double[] tq = total[q];
                for (int t = 0; t < frames; t++) {
                    o[t] = (float) tq[t];
                }
            }
        }
    }

    /** The float32 DCT weight of band {@code n} in coefficient {@code k}, zero past the last coefficient. */
    private float weight(int k, int n) {
        return k < dct.length ? (float) dct[k][n] : 0f;
    }

    /**
     * The per-track summary: the mean over frames of each coefficient ({@code nMfcc} values),
     * then the population standard deviation (ddof = 0) of each ({@code nMfcc} values), as
     * {@link FrameStats}.
     */
    public static float[] summary(float[][] mfcc) {
        return summary(mfcc, mfcc.length == 0 ? 0 : mfcc[0].length);
    }

    /** {@link #summary(float[][])} of columns {@code [0, frames)}. */
    static float[] summary(float[][] mfcc, int frames) {
        int n = mfcc.length;
        float[] out = new float[2 * n];
        for (int k = 0; k < n; k++) {
            double mean = FrameStats.mean(mfcc[k], 0, frames);
            out[k] = (float) mean;
            out[n + k] = (float) FrameStats.std(mfcc[k], 0, frames, mean);
        }
        return out;
    }
}
