package gaan.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the report shows about one track.
 *
 * @param id       track id, as in {@link Assignments#trackIds()}
 * @param genres   genres, primary first; empty when unknown
 * @param language language ({@code en}, {@code bn}, {@code mixed}), or {@code null}
 * @param label    evaluation label (label column, else primary genre), or {@code null}
 * @param audio    the audio file (absolute or relative to the working directory); linked from the
 *                 report relative to the report's folder, or {@code null}
 * @param lyrics   the lyrics text, or {@code null} when the track has none
 */
public record TrackInfo(String id, List<String> genres, String language, String label, Path audio, String lyrics) {

    public TrackInfo {
        Objects.requireNonNull(id, "id");
        genres = List.copyOf(genres);
    }

    /** This track with another audio file (an excerpt) to play. */
    public TrackInfo withAudio(Path file) {
        return new TrackInfo(id, genres, language, label, file, lyrics);
    }

    /** A track the report knows only from the assignments file: no genres, audio or lyrics. */
    public static TrackInfo bare(String id, String language, String label) {
        return new TrackInfo(id, List.of(), language, label, null, null);
    }
}
