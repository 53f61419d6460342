package gaan.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the exploratory analysis looks at, one entry per track in the same order everywhere, plus
 * per-genre means computed from the feature store.
 *
 * @param trackIds        track ids
 * @param genres          genres per track (primary first; empty when unknown)
 * @param languages       language per track, {@code null} when unknown
 * @param durations       audio duration in seconds per track, {@code NaN} when unknown or undecodable
 * @param lyricsWords     words in the lyrics per track, -1 when the track has no lyrics
 * @param audioPresent    whether the track's audio decoded
 * @param meanLogMel      genre to the mean log-mel patch of its tracks, {@code [128 mel bands][T frames]} in dB
 * @param meanMfcc        genre to the mean MFCC vector (20 coefficients, mean over frames, then over tracks)
 * @param melBandHz       centre frequency in Hz of each mel band (row) of the {@code meanLogMel} patches
 */
public record EdaInput(List<String> trackIds, List<List<String>> genres, List<String> languages, double[] durations,
                       int[] lyricsWords, boolean[] audioPresent, Map<String, float[][]> meanLogMel,
                       Map<String, float[]> meanMfcc, double[] melBandHz) {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}]+(?:['\u2019][\\p{L}\\p{M}]+)*");

    public EdaInput {
        trackIds = List.copyOf(trackIds);
        genres = genres.stream().map(List::copyOf).toList();
        languages = Collections.unmodifiableList(new ArrayList<>(languages));
        meanLogMel = Collections.unmodifiableMap(new LinkedHashMap<>(meanLogMel));
        meanMfcc = Collections.unmodifiableMap(new LinkedHashMap<>(meanMfcc));
        melBandHz = melBandHz.clone();
        for (Map.Entry<String, float[][]> e : meanLogMel.entrySet()) {
            if (e.getValue().length != melBandHz.length) {
                throw new IllegalArgumentException("EDA input: the mean log-mel patch of genre '" + e.getKey() + "' has "
                        + e.getValue().length + " mel bands but " + melBandHz.length
                        + " band frequencies were given; give one per band");
            }
        }
        int n = trackIds.size();
        if (genres.size() != n || languages.size() != n || durations.length != n || lyricsWords.length != n
                || audioPresent.length != n) {
            throw new IllegalArgumentException("EDA input: " + n + " track ids but " + genres.size() + " genre lists, "
                    + languages.size() + " languages, " + durations.length + " durations, " + lyricsWords.length
                    + " lyrics lengths, " + audioPresent.length + " audio flags; give one of each per track");
        }
    }

    /** Words of a lyrics text as {@link #lyricsWords()} counts them: maximal runs of letters, marks and digits (an apostrophe inside a word keeps it whole). */
    public static int wordCount(String text) {
        return (int) WORD.matcher(text).results().count();
    }

    public int size() {
        return trackIds.size();
    }
}
