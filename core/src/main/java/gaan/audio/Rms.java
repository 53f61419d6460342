package gaan.audio;

/**
 * librosa 0.11's {@code feature.rms(y=y, frame_length, hop_length, center=True,
 * pad_mode='constant')}: the square root of the mean of the squared samples over each frame of the
 * zero-padded signal (frames as the STFT's). Squares are summed in float64 once per hop-sized
 * segment, and each frame adds its segments. Immutable and thread-safe.
 */
final class Rms {
    private final int frameLength;
    private final int hop;

    /** {@code frameLength} must be an even multiple of {@code hop}, as 2048 and 512 are. */
    Rms(int frameLength, int hop) {
        if (frameLength % (2 * hop) != 0) {
            throw new IllegalArgumentException("RMS: frame length " + frameLength
                    + " must be an even multiple of the hop " + hop);
        }
        this.frameLength = frameLength;
        this.hop = hop;
    }

    /** RMS of {@code frames} frames into {@code out[0, frames)}. */
    void compute(float[] y, int frames, float[] out) {
        int segments = frames + frameLength / hop;
        double[] energy = new double[segments];
        for (int s = 0; s * hop < y.length; s++) {
            double e = 0;
            for (int m = s * hop, end = Math.min(y.length, m + hop); m < end; m++) {
                e += (double) y[m] * y[m];
            }
            energy[s] = e;
        }
        int lead = frameLength / hop / 2;
        for (int t = 0; t < frames; t++) {
            double e = 0;
            for (int s = Math.max(0, t - lead); s < Math.min(segments, t + lead); s++) {
                e += energy[s];
            }
            out[t] = (float) Math.sqrt(e / frameLength);
        }
    }
}
