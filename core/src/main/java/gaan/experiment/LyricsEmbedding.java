package gaan.experiment;

import java.nio.file.Path;
import java.util.List;

import gaan.data.Track;

import gaan.config.FeatureSettings;
import gaan.text.CharNgramEmbedder;
import gaan.text.EmbedderChoice;
import gaan.text.LyricsFeatures;
import gaan.text.LyricsText;
import gaan.text.OnnxSentenceEmbedder;

/**
 * Lyrics embeddings of a collection under one task's settings: the char-n-gram LSA embedder
 * fitted on the collection's own lyrics, or an ONNX sentence model from a folder the user gives.
 * Rows of tracks without (embeddable) lyrics are zero and {@link #present()} is false for them.
 *
 * @param key what the rows depend on: embedder, dimension and seed
 */
public record LyricsEmbedding(float[][] rows, boolean[] present, String embedder, String key) {

    static String key(FeatureSettings settings, long seed) {
        return settings.lyrics() + ":" + settings.lyricsDim() + ":" + seed;
    }

    /** The embedding a task asks for: the one already in {@code features} when its settings match. */
    public static LyricsEmbedding forTask(CollectionFeatures features, FeatureSettings settings, long seed) {
        return features.lyrics().key().equals(key(settings, seed)) ? features.lyrics()
                : of(features.tracks(), settings, seed);
    }

    /** Reads the lyrics of {@code tracks} and embeds them. */
    public static LyricsEmbedding of(List<Track> tracks, FeatureSettings settings, long seed) {
        return of(LyricsFeatures.compute(tracks, choice(settings), seed), settings, seed);
    }

    /** Embeds lyrics already read ({@link LyricsFeatures#compute(List, List, EmbedderChoice, long)}). */
    static LyricsEmbedding of(List<Track> tracks, List<LyricsText> read, FeatureSettings settings, long seed) {
        return of(LyricsFeatures.compute(tracks, read, choice(settings), seed), settings, seed);
    }

    private static LyricsEmbedding of(LyricsFeatures.Result r, FeatureSettings settings, long seed) {
        return new LyricsEmbedding(r.embedding(), r.present(), r.embedderName(), key(settings, seed));
    }

    private static EmbedderChoice choice(FeatureSettings settings) {
        CharNgramEmbedder.Options d = CharNgramEmbedder.Options.DEFAULTS;
        return "char-ngram".equals(settings.lyrics())
                ? new EmbedderChoice.CharNgram(new CharNgramEmbedder.Options(settings.lyricsDim(), d.minN(), d.maxN(),
                        d.transliterate(), d.minDocumentFrequency(), d.maxFeatures(), d.oversampling(),
                        d.powerIterations()))
                : new EmbedderChoice.Onnx(Path.of(settings.lyrics()), OnnxSentenceEmbedder.Options.DEFAULTS);
    }
}
