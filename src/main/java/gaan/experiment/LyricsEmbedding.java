package gaan.experiment;

import java.nio.file.Path;

import gaan.text.CharNgramEmbedder;
import gaan.text.EmbedderChoice;
import gaan.text.LyricsFeatures;
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

    public static LyricsEmbedding of(java.util.List<gaan.data.Track> tracks, FeatureSettings settings, long seed) {
        CharNgramEmbedder.Options d = CharNgramEmbedder.Options.DEFAULTS;
        EmbedderChoice choice = "char-ngram".equals(settings.lyrics())
                ? new EmbedderChoice.CharNgram(new CharNgramEmbedder.Options(settings.lyricsDim(), d.minN(), d.maxN(),
                        d.transliterate(), d.minDocumentFrequency(), d.maxFeatures(), d.oversampling(),
                        d.powerIterations()))
                : new EmbedderChoice.Onnx(Path.of(settings.lyrics()), OnnxSentenceEmbedder.Options.DEFAULTS);
        LyricsFeatures.Result r = LyricsFeatures.compute(tracks, choice, seed);
        return new LyricsEmbedding(r.embedding(), r.present(), r.embedderName(), key(settings, seed));
    }
}
