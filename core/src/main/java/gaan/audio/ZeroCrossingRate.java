package gaan.audio;

/**
 * librosa 0.11's {@code feature.zero_crossing_rate(y, frame_length, hop_length, center=True)}:
 * the signal is edge-padded by {@code frame_length / 2} on each side and framed like the STFT
 * (frame {@code t} covers samples {@code [t hop - frame_length/2, t hop + frame_length/2)}); a
 * sample is negative when it is below {@code -1e-10} (smaller magnitudes count as zero, which is
 * positive); the rate is the number of sign changes between consecutive samples inside the frame
 * divided by {@code frame_length}. Edge padding repeats the end samples, so only changes between
 * samples of the signal count. Counted once per {@link HopSegments} segment, each frame then adds
 * its segments. Immutable and thread-safe.
 */
final class ZeroCrossingRate {
    private static final float THRESHOLD = 1e-10f;

    private final HopSegments segments;

    ZeroCrossingRate(HopSegments segments) {
        this.segments = segments;
    }

    /**
     * 1 when {@code x < -THRESHOLD}, else 0: the sign bit of {@code x + THRESHOLD}, whose sign is
     * exact (a non-zero sum never rounds to zero, and {@code x = -THRESHOLD} gives +0). Integer
     * work, so the count per segment carries no float addition's latency from sample to sample.
     */
    private static int negative(float x) {
        return Float.floatToRawIntBits(x + THRESHOLD) >>> 31;
    }

    /** Rates of {@code frames} frames into {@code out[0, frames)}. */
    void compute(float[] y, int frames, float[] out) {
        int hop = segments.hop();
        int frameLength = segments.frameLength();
        // crossings[s]: changes between samples m - 1 and m for m in segment s = [s hop, (s + 1) hop).
        int[] crossings = new int[segments.count(frames)];
        for (int s = 0; s * hop < y.length; s++) {
            int count = 0;
            int m = Math.max(1, s * hop);
            int previous = negative(y[m - 1]);
            for (int end = Math.min(y.length, (s + 1) * hop); m < end; m++) {
                int current = negative(y[m]);
                count += previous ^ current;
                previous = current;
            }
            crossings[s] = count;
        }
        int lead = segments.lead();
        for (int t = 0; t < frames; t++) {
            // Frame t covers segments t - lead .. t + lead - 1; the change into its first sample is outside it.
            int count = 0;
            for (int s = t - lead; s < t + lead; s++) {
                if (s >= 0 && s < crossings.length) {
                    count += crossings[s];
                }
            }
            int firstSample = (t - lead) * hop;
            if (firstSample >= 1 && firstSample < y.length) {
                count -= negative(y[firstSample - 1]) ^ negative(y[firstSample]);
            }
            out[t] = (float) count / frameLength;
        }
    }
}
