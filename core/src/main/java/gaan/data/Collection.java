package gaan.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A music collection as read from disk: its tracks in a stable order (sorted by id) and the
 * problems found while reading that did not stop the read (missing lyrics files, unknown
 * columns, genres outside a given vocabulary).
 *
 * <p>Read one with {@link CollectionReader#read(Path)}.
 */
public record Collection(Path root, List<Track> tracks, List<String> warnings) {

    public Collection {
        tracks = List.copyOf(tracks);
        warnings = List.copyOf(warnings);
    }

    public int size() {
        return tracks.size();
    }

    public Map<String, Track> byId() {
        return tracks.stream().collect(Collectors.toMap(Track::id, Function.identity()));
    }

    /** Evaluation labels as integer codes in order of first appearance by sorted label name; -1 where missing. */
    public LabelCoding labels() {
        return LabelCoding.of(tracks.stream().map(Track::evaluationLabel).toList());
    }
}
