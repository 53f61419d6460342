package gaan.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import gaan.text.CharNgramEmbedder;
import gaan.text.OnnxSentenceEmbedder;
import gaan.text.TextEmbedder;

/**
 * Lyrics embeddings of a collection under one task's settings: the char-n-gram LSA embedder
 * fitted on the collection's own lyrics, or an ONNX sentence model from a folder the user gives.
 * Rows of tracks without lyrics are zero and {@link #present()} is false for them.
 */
public record LyricsEmbedding(float[][] rows, boolean[] present, String embedder) {

    public static LyricsEmbedding of(CollectionFeatures features, FeatureSettings settings, long seed) {
        List<String> texts = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            String t = features.lyricsTexts().get(i);
            if (t != null) {
                texts.add(t);
                index.add(i);
            }
        }
        boolean[] present = features.lyricsPresent();
        if (texts.isEmpty()) {
            return new LyricsEmbedding(new float[features.size()][1], present, "none");
        }
        TextEmbedder embedder = embedder(texts, settings, seed);
        float[][] embedded = embedder.embed(texts);
        float[][] rows = new float[features.size()][embedder.dimension()];
        for (int k = 0; k < index.size(); k++) {
            rows[index.get(k)] = embedded[k];
        }
        return new LyricsEmbedding(rows, present, embedder.name());
    }

    private static TextEmbedder embedder(List<String> corpus, FeatureSettings settings, long seed) {
        if ("char-ngram".equals(settings.lyrics())) {
            int dim = Math.min(settings.lyricsDim(), Math.max(2, corpus.size() - 1));
            return CharNgramEmbedder.fit(corpus, CharNgramEmbedder.Options.DEFAULTS.withDimension(dim), seed);
        }
        return OnnxSentenceEmbedder.load(Path.of(settings.lyrics()), OnnxSentenceEmbedder.Options.DEFAULTS);
    }
}
