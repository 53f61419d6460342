package gaan.text;

import java.util.ArrayList;
import java.util.List;

import gaan.data.Track;

/**
 * Lyrics embeddings and language tags of a whole collection.
 *
 * <p>Every track is read with {@link LyricsReader} (here, or by the caller); tracks whose lyrics
 * are missing, empty or unreadable get a zero row and {@code present = false}, with the reason in
 * {@code status} and a warning naming the track. The embedder sees the present lyrics only (the character n-gram
 * embedder is fitted on exactly those), so absent tracks never shape the space. A present text
 * whose row comes out all zeros (none of its features known) is marked
 * {@link LyricsStatus#NOT_EMBEDDABLE} and not present: a zero row always has
 * {@code present = false}, never the other way round.
 */
public final class LyricsFeatures {

    /**
     * @param embedding    N × D, rows in track order, unit length where present, zeros elsewhere;
     *                     D is 0 when no track has lyrics
     * @param present      mask, true where the row is a real embedding
     * @param status       per track: ok / missing / empty / unreadable / not_embeddable
     * @param languages    per track, {@link LanguageTagger tagged} from the lyrics text;
     *                     {@link Language#UNKNOWN} where there is no text
     * @param warnings     one line per problem, each naming the track id and file
     * @param embedderName {@link TextEmbedder#name()}, or {@code "none"} when no track has lyrics
     * @param cacheKey     {@link TextEmbedder#cacheKey()}, or {@code "none"}
     */
    public record Result(float[][] embedding, boolean[] present, List<LyricsStatus> status, List<Language> languages,
                         List<String> warnings, String embedderName, String cacheKey) {

        public int presentCount() {
            int n = 0;
            for (boolean p : present) {
                n += p ? 1 : 0;
            }
            return n;
        }
    }

    private LyricsFeatures() {
    }

    /** Reads, tags and embeds the lyrics of {@code tracks}; the row order is the track order. */
    public static Result compute(List<Track> tracks, EmbedderChoice choice, long seed) {
        List<LyricsText> read = new ArrayList<>(tracks.size());
        for (Track track : tracks) {
            read.add(track.lyrics() == null ? null : LyricsReader.read(track.lyrics()));
        }
        return compute(tracks, read, choice, seed);
    }

    /**
     * Tags and embeds lyrics already read: {@code read.get(i)} is what {@link LyricsReader} gave
     * for track {@code i}'s lyrics file, or null when the track names none.
     */
    public static Result compute(List<Track> tracks, List<LyricsText> read, EmbedderChoice choice, long seed) {
        int n = tracks.size();
        if (read.size() != n) {
            throw new IllegalArgumentException(read.size() + " lyrics read for " + n + " tracks");
        }
        List<LyricsStatus> status = new ArrayList<>(n);
        List<Language> languages = new ArrayList<>(n);
        List<String> warnings = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Integer> rowOf = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Track track = tracks.get(i);
            LyricsText lyrics = read.get(i);
            if (lyrics == null) {
                status.add(LyricsStatus.MISSING);
                languages.add(Language.UNKNOWN);
                continue;
            }
            for (String w : lyrics.warnings()) {
                warnings.add("track " + track.id() + ": " + w);
            }
            status.add(lyrics.status());
            languages.add(lyrics.present() ? LanguageTagger.tag(lyrics.text()) : Language.UNKNOWN);
            if (lyrics.present()) {
                texts.add(lyrics.text());
                rowOf.add(i);
            }
        }
        boolean[] present = new boolean[n];
        if (texts.isEmpty()) {
            warnings.add("no track has readable lyrics: the lyrics embedding is empty (dimension 0)");
            return new Result(new float[n][0], present, List.copyOf(status), List.copyOf(languages),
                    List.copyOf(warnings), "none", "none");
        }
        try (TextEmbedder embedder = choice.create(texts, seed)) {
            float[][] rows = embedder.embed(texts);
            float[][] embedding = new float[n][embedder.dimension()];
            for (int r = 0; r < rows.length; r++) {
                int i = rowOf.get(r);
                if (isZero(rows[r])) {
                    status.set(i, LyricsStatus.NOT_EMBEDDABLE);
                    warnings.add("track " + tracks.get(i).id() + ": lyrics file " + tracks.get(i).lyrics()
                            + " has no feature the " + embedder.name() + " embedder knows; left out of the"
                            + " lyrics embedding");
                } else {
                    embedding[i] = rows[r];
                    present[i] = true;
                }
            }
            return new Result(embedding, present, List.copyOf(status), List.copyOf(languages),
                    List.copyOf(warnings), embedder.name(), embedder.cacheKey());
        }
    }

    private static boolean isZero(float[] row) {
        for (float v : row) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
