package gaan.audio;

/**
 * librosa 0.11's {@code feature.zero_crossing_rate(y, frame_length, hop_length, center=True)}:
 * the signal is edge-padded by {@code frame_length / 2} on each side and framed like the STFT
 * (frame {@code t} covers samples {@code [t hop - frame_length/2, t hop + frame_length/2)}); a
 * sample is negative when it is below {@code -1e-10} (smaller magnitudes count as zero, which is
 * positive); the rate is the number of sign changes between consecutive samples inside the frame
 * divided by {@code frame_length}. Edge padding repeats the end samples, so only changes between
 * samples of the signal count. Counted once per hop-sized segment, each frame then adds its
 * segments: linear in the signal length whatever the overlap. Immutable and thread-safe.
 */
final class ZeroCrossingRate {
    private static final float THRESHOLD = 1e-10f;

    private final int frameLength;
    private final int hop;

    /** {@code frameLength} must be an even multiple of {@code hop}, as 2048 and 512 are. */
    ZeroCrossingRate(int frameLength, int hop) {
        if (frameLength % (2 * hop) != 0) {
            throw new IllegalArgumentException("zero-crossing rate: frame length " + frameLength
                    + " must be an even multiple of the hop " + hop);
        }
        this.frameLength = frameLength;
        this.hop = hop;
    }

    /**
     * 1 when {@code x < -THRESHOLD}, else 0, without a comparison: {@code -THRESHOLD - x} has the
     * right sign (near the threshold the difference of two close floats is exact; far from it its
     * sign is {@code -x}'s), and {@link SpectralShape#step} turns a positive value into 1.
     */
    private static float negative(float x) {
        return SpectralShape.step(-THRESHOLD - x);
    }

    /** Rates of {@code frames} frames into {@code out[0, frames)}. */
    void compute(float[] y, int frames, float[] out) {
        int segments = frames + frameLength / hop;
        // crossings[s]: changes between samples m - 1 and m for m in segment s = [s hop, (s + 1) hop).
        int[] crossings = new int[segments];
        for (int s = 0; s * hop < y.length; s++) {
            float count = 0;
            for (int m = Math.max(1, s * hop), end = Math.min(y.length, (s + 1) * hop); m < end; m++) {
                count += Math.abs(negative(y[m - 1]) - negative(y[m]));
            }
            crossings[s] = (int) count;
        }
        int perFrame = frameLength / hop;
        int lead = perFrame / 2;
        for (int t = 0; t < frames; t++) {
            // Frame t covers segments t - lead .. t + lead - 1; the change into its first sample is outside it.
            int count = 0;
            for (int s = t - lead; s < t + lead; s++) {
                if (s >= 0 && s < segments) {
                    count += crossings[s];
                }
            }
            int firstSample = (t - lead) * hop;
            if (firstSample >= 1 && firstSample < y.length) {
                count -= (int) Math.abs(negative(y[firstSample - 1]) - negative(y[firstSample]));
            }
            out[t] = (float) count / frameLength;
        }
    }
}
