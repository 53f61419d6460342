package gaan.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One track of a collection and where its modalities live.
 *
 * @param id       unique id within the collection (file stem or the {@code id} column)
 * @param audio    absolute path of the audio file; may not exist or be undecodable, which the
 *                 feature stage records per track
 * @param lyrics   absolute path of the lyrics file, or {@code null} when the track has none
 * @param genres   genres in the order given, the first being the primary one; empty when unknown
 * @param language language declared by the collection ({@code en}, {@code bn}, {@code mixed}),
 *                 or {@code null} when not declared
 * @param label    evaluation label from the {@code label} column, or {@code null}
 */
public record Track(String id, Path audio, Path lyrics, List<String> genres, String language, String label) {

    public Track {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(audio, "audio");
        genres = List.copyOf(genres);
    }

    /**
     * The label clusters are scored against: the {@code label} column when the collection has
     * one, else the primary genre, else {@code null} (the track is left out of external metrics).
     */
    public String evaluationLabel() {
        return evaluationLabel(label, genres);
    }

    /** {@link #evaluationLabel()} of a track known only by its label column and genres. */
    public static String evaluationLabel(String label, List<String> genres) {
        if (label != null && !label.isBlank()) {
            return label;
        }
        return genres.isEmpty() ? null : genres.get(0);
    }
}
