package gaan.audio;

/**
 * librosa 0.11's {@code feature.rms(y=y, frame_length, hop_length, center=True,
 * pad_mode='constant')}: the square root of the mean of the squared samples over each frame of the
 * zero-padded signal (frames as the STFT's). Squares are summed in float64 (four interleaved
 * running sums) once per {@link HopSegments} segment, and each frame adds its segments. Immutable
 * and thread-safe.
 */
final class Rms {
    private final HopSegments segments;

    Rms(HopSegments segments) {
        this.segments = segments;
    }

    /** RMS of {@code frames} frames into {@code out[0, frames)}. */
    void compute(float[] y, int frames, float[] out) {
        int hop = segments.hop();
        double[] energy = new double[segments.count(frames)];
        for (int s = 0; s * hop < y.length; s++) {
            // Four running sums: one would wait for each float64 addition before the next.
            double e0 = 0;
            double e1 = 0;
            double e2 = 0;
            double e3 = 0;
            int m = s * hop;
            int end = Math.min(y.length, m + hop);
            for (; m + 3 < end; m += 4) {
                e0 += (double) y[m] * y[m];
                e1 += (double) y[m + 1] * y[m + 1];
                e2 += (double) y[m + 2] * y[m + 2];
                e3 += (double) y[m + 3] * y[m + 3];
            }
            for (; m < end; m++) {
                e0 += (double) y[m] * y[m];
            }
            energy[s] = (e0 + e1) + (e2 + e3);
        }
        int lead = segments.lead();
        for (int t = 0; t < frames; t++) {
            double e = 0;
            for (int s = Math.max(0, t - lead); s < Math.min(energy.length, t + lead); s++) {
                e += energy[s];
            }
            out[t] = (float) Math.sqrt(e / segments.frameLength());
        }
    }
}
