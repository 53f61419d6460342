package gaan.audio;

/**
 * librosa 0.11's {@code feature.delta(mfcc, width=9, order=1, mode='interp')}, i.e. scipy's
 * {@code savgol_filter(x, 9, polyorder=1, deriv=1, mode='interp')} along frames: the slope of the
 * least-squares line through the 9 frames centred on each frame, {@code sum_{n=-4..4} n x[t+n] / 60};
 * the first and last 4 frames take the slope of the line through the first (last) 9 frames.
 * librosa refuses tracks shorter than 9 frames; here they take the slope of the line through all
 * their frames (0 for a single frame). Immutable and thread-safe.
 */
final class MfccDelta {
    static final int WIDTH = 9;
    /** {@code sum_{n=-h..h} n^2} for {@code h = WIDTH / 2}: the least-squares slope's denominator. */
    private static final double NORM = (WIDTH / 2) * (WIDTH / 2 + 1) * (WIDTH + 0.0) / 3;

    /** Deltas of columns {@code [0, frames)} of each row of {@code x} into the same columns of {@code out}. */
    void compute(float[][] x, int frames, float[][] out) {
        int half = WIDTH / 2;
        for (int r = 0; r < x.length; r++) {
            float[] row = x[r];
            float[] d = out[r];
            if (frames < WIDTH) {
                java.util.Arrays.fill(d, 0, frames, (float) slope(row, 0, frames));
                continue;
            }
            for (int t = half; t < frames - half; t++) {
                double s = 0;
                for (int n = 1; n <= half; n++) {
                    s += n * ((double) row[t + n] - row[t - n]);
                }
                d[t] = (float) (s / NORM);
            }
            java.util.Arrays.fill(d, 0, half, d[half]);
            java.util.Arrays.fill(d, frames - half, frames, d[frames - half - 1]);
        }
    }

    /** Least-squares slope of {@code row[from, from + n)} against the frame index. */
    private static double slope(float[] row, int from, int n) {
        if (n < 2) {
            return 0;
        }
        double meanT = (n - 1) / 2.0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += row[from + i];
        }
        mean /= n;
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - meanT) * (row[from + i] - mean);
            den += (i - meanT) * (i - meanT);
        }
        return num / den;
    }
}
