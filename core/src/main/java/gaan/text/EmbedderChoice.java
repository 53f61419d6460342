package gaan.text;

import java.nio.file.Path;
import java.util.List;

/**
 * Which lyrics embedder an experiment uses, with its parameters: a value the experiment config
 * maps onto, from which {@link LyricsFeatures} builds the embedder.
 */
public sealed interface EmbedderChoice {

    /** Builds the embedder; {@code corpus} is the collection's present lyrics (used by fitted embedders). */
    TextEmbedder create(List<String> corpus, long seed);

    /** The default, {@link CharNgramEmbedder}, fitted on the collection's lyrics. */
    record CharNgram(CharNgramEmbedder.Options options) implements EmbedderChoice {
        public static final CharNgram DEFAULT = new CharNgram(CharNgramEmbedder.Options.DEFAULTS);

        @Override
        public TextEmbedder create(List<String> corpus, long seed) {
            return CharNgramEmbedder.fit(corpus, options, seed);
        }
    }

    /** {@link OnnxSentenceEmbedder} with the model in {@code modelDir}. */
    record Onnx(Path modelDir, OnnxSentenceEmbedder.Options options) implements EmbedderChoice {
        @Override
        public TextEmbedder create(List<String> corpus, long seed) {
            return OnnxSentenceEmbedder.load(modelDir, options);
        }
    }
}
