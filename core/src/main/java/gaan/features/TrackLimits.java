package gaan.features;

/**
 * Which tracks extraction takes in, besides decodability. The values come from the config
 * ({@code features.minSeconds}, {@code features.maxAudioBytes}, whose defaults it owns); they
 * decide which tracks are in the store, not the numbers of a track, so they are not part of the
 * per-track cache key: changing them re-assembles the store from the cache without decoding.
 *
 * <p>Serializable so that gaan-spark ships the limits to its workers.
 *
 * @param minSeconds    shortest analysed audio a track may have (after offset and duration); a
 *                      shorter one, truncated or not, is skipped with both lengths in its reason
 * @param maxAudioBytes largest audio file read, checked before hashing, so a device or a runaway
 *                      file is skipped rather than read forever
 */
public record TrackLimits(double minSeconds, long maxAudioBytes) implements java.io.Serializable {
    /** No limit: every decodable track of any length and size (tests and benchmarks). */
    public static final TrackLimits NONE = new TrackLimits(0, Long.MAX_VALUE);

    public TrackLimits {
        if (!(minSeconds >= 0) || maxAudioBytes < 1) {
            throw new IllegalArgumentException("need minSeconds >= 0 and maxAudioBytes >= 1, got " + minSeconds
                    + " and " + maxAudioBytes);
        }
    }

    /**
     * Whether a decoded track is used, and the reason its row records: why it is too short (with
     * its lengths), or for a used truncated file both lengths, or nothing. {@code gaan features}
     * and gaan-spark both decide by it.
     *
     * @param seconds    length of the analysed audio
     * @param truncation both lengths when the file is truncated, else null
     */
    public Verdict judge(double seconds, gaan.audio.DecodedAudio.Truncation truncation) {
        String tooShort = tooShort(seconds, truncation);
        return new Verdict(tooShort == null,
                tooShort != null ? tooShort : truncation != null ? truncation.describe() : "");
    }

    /** A decoded track's fate: used or not, and the reason its row records (empty when there is none). */
    public record Verdict(boolean used, String reason) {
    }

    /** Why a file of {@code bytes} is not read, or null when it is within {@link #maxAudioBytes}. */
    public String tooLarge(long bytes) {
        return bytes > maxAudioBytes ? "file of " + bytes + " bytes, above the limit of " + maxAudioBytes
                + " bytes (features.maxAudioBytes)" : null;
    }

    /** Why a decoded track is too short to use, or null when it is long enough. */
    private String tooShort(double seconds, gaan.audio.DecodedAudio.Truncation truncation) {
        if (seconds >= minSeconds) {
            return null;
        }
        String analysed = String.format(java.util.Locale.ROOT, "%.3f s of audio", seconds);
        // With an offset or a duration, the analysed part is shorter than what the file holds.
        String held = truncation == null ? analysed : Math.abs(truncation.fileSeconds() - seconds) < 1e-3
                ? truncation.describe() : truncation.describe() + ", " + analysed + " analysed";
        return String.format(java.util.Locale.ROOT, "%s, shorter than the minimum of %.3f s"
                + " (features.minSeconds, --min-seconds)", held, minSeconds);
    }
}
