package gaan.audio;

/**
 * librosa 0.11's {@code feature.spectral_rolloff(S=|D|, roll_percent=0.85)}: the frequency of the
 * first bin at which the running sum of the frame's magnitudes reaches {@code roll_percent} of
 * its total. As in librosa, the running sum ({@code np.cumsum}) and the threshold are float32 and
 * summed in bin order, so ties fall the same way. Silence gives 0 Hz. Immutable and thread-safe.
 */
final class SpectralRolloff {
    static final double ROLL_PERCENT = 0.85;

    private final double[] freq;

    SpectralRolloff(double[] binFrequencies) {
        this.freq = binFrequencies;
    }

    /**
     * Roll-off (Hz) of block columns {@code [0, count)} of {@code magnitude[k][j]} into
     * {@code out[t0 + j]}; {@code sum}, {@code threshold} and {@code below} are scratch rows of
     * the block's width.
     */
    void block(float[][] magnitude, int count, float[] sum, float[] threshold, int[] below, float[] out, int t0) {
        int width = sum.length;
        java.util.Arrays.fill(sum, 0f);
        for (int k = 0; k < freq.length; k++) {
            float[] row = magnitude[k];
            for (int j = 0; j < width; j++) {
                sum[j] += row[j];
            }
        }
        float percent = (float) ROLL_PERCENT;
        for (int j = 0; j < width; j++) {
            threshold[j] = percent * sum[j];
        }
        java.util.Arrays.fill(sum, 0f);
        java.util.Arrays.fill(below, 0);
        for (int k = 0; k < freq.length; k++) {
            float[] row = magnitude[k];
            for (int j = 0; j < width; j++) {
                sum[j] += row[j];
                below[j] += sum[j] < threshold[j] ? 1 : 0;
            }
        }
        for (int j = 0; j < count; j++) {
            out[t0 + j] = (float) freq[Math.min(below[j], freq.length - 1)];
        }
    }
}
