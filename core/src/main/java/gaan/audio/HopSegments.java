package gaan.audio;

/**
 * The STFT's centred frames seen as hop-sized segments of the signal, for descriptors read from
 * the samples ({@link ZeroCrossingRate}, {@link Rms}): segment {@code s} is samples
 * {@code [s hop, (s + 1) hop)}, and with {@code frameLength} an even multiple of {@code hop},
 * frame {@code t} (samples {@code [t hop - frameLength/2, t hop + frameLength/2)}) is exactly
 * segments {@code t - lead .. t + lead - 1}, {@code lead = frameLength / (2 hop)}. Summing a
 * quantity once per segment and then per frame over its segments costs time linear in the signal
 * whatever the overlap.
 *
 * @param frameLength frame length, samples
 * @param hop         hop, samples
 */
record HopSegments(int frameLength, int hop) {
    HopSegments {
        if (hop < 1 || frameLength % (2 * hop) != 0) {
            throw new IllegalArgumentException("frame length " + frameLength + " must be an even multiple of the hop "
                    + hop);
        }
    }

    /** Segments before (and after, counting its own) a frame's centre segment. */
    int lead() {
        return frameLength / (2 * hop);
    }

    /** Segments of a signal framed into {@code frames} frames, with room for the last frame's. */
    int count(int frames) {
        return frames + 2 * lead();
    }
}
