package gaan.text;

import java.util.List;

/**
 * Turns texts into fixed-length vectors.
 *
 * <p>Conventions: {@link #embed} returns one row per input text, in input order, each row of
 * length {@link #dimension()} and unit L2 norm; a text about which the embedder knows nothing
 * (for a fitted vocabulary: no known feature) gives a row of zeros, never NaN. Close an embedder
 * that holds native resources (an ONNX session) when done; closing the others does nothing.
 */
public interface TextEmbedder extends AutoCloseable {

    /** Embeds the texts; N texts give an N × {@link #dimension()} matrix. */
    float[][] embed(List<String> texts);

    /** Length of every row {@link #embed} returns. */
    int dimension();

    /** Short human-readable name, e.g. {@code charngram-lsa-128}. */
    String name();

    /**
     * Every parameter that shapes the numbers (including, for a fitted embedder, a fingerprint
     * of the corpus it was fitted on); two embedders with equal keys give equal rows.
     */
    String cacheKey();

    /** Releases native resources, if any. */
    @Override
    default void close() {
    }
}
