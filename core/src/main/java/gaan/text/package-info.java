/**
 * Lyrics as vectors, and which language a lyric is in.
 *
 * <p>Everything here works on plain Java values: texts in, {@code float[][]} rows out (one row
 * per text, in input order, each of unit L2 norm). {@link gaan.text.CharNgramEmbedder} needs no
 * weights and treats English, Bangla (Bengali script) and romanised Bangla alike;
 * {@link gaan.text.OnnxSentenceEmbedder} runs a sentence-transformers model the user exported to
 * ONNX. {@link gaan.text.LyricsFeatures} applies either to a collection, with a mask for tracks
 * whose lyrics are missing, empty or unreadable.
 */
package gaan.text;
