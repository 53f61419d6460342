package gaan.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The genres of a collection, sorted by name, and the multi-hot encoding over them: row
 * {@code i} of {@link #multiHot} has 1.0 in the column of every genre of track {@code i}.
 */
public final class GenreVocabulary {
    private final List<String> genres;
    private final Map<String, Integer> index = new HashMap<>();

    private GenreVocabulary(List<String> genres) {
        this.genres = List.copyOf(genres);
        for (int i = 0; i < this.genres.size(); i++) {
            index.put(this.genres.get(i), i);
        }
    }

    public static GenreVocabulary of(Collection collection) {
        TreeSet<String> all = new TreeSet<>();
        collection.tracks().forEach(t -> all.addAll(t.genres()));
        return new GenreVocabulary(new ArrayList<>(all));
    }

    public static GenreVocabulary of(List<String> genres) {
        return new GenreVocabulary(new ArrayList<>(new TreeSet<>(genres)));
    }

    public List<String> genres() {
        return genres;
    }

    public int size() {
        return genres.size();
    }

    /**
     * Multi-hot rows for the tracks, N × {@link #size()}.
     *
     * @throws CollectionException naming the track and genre when a genre is not in the vocabulary
     */
    public float[][] multiHot(List<Track> tracks) {
        float[][] out = new float[tracks.size()][genres.size()];
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            for (String g : t.genres()) {
                Integer col = index.get(g);
                if (col == null) {
                    throw new CollectionException("track '" + t.id() + "': genre '" + g
                            + "' is not in the vocabulary " + genres);
                }
                out[i][col] = 1f;
            }
        }
        return out;
    }

    /** Whether each track has at least one genre (the genre modality is present). */
    public static boolean[] presence(List<Track> tracks) {
        boolean[] present = new boolean[tracks.size()];
        for (int i = 0; i < present.length; i++) {
            present[i] = !tracks.get(i).genres().isEmpty();
        }
        return present;
    }
}
