package gaan.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real all-MiniLM-L6-v2 (quantised) that the test-scope langchain4j jar ships. */
class OnnxSentenceEmbedderTest {
    @TempDir
    static Path modelDir;

    private static OnnxSentenceEmbedder embedder;

    @BeforeAll
    static void extractModel() throws IOException {
        copyResource("/all-minilm-l6-v2-q.onnx", modelDir.resolve("model.onnx"));
        copyResource("/all-minilm-l6-v2-q-tokenizer.json", modelDir.resolve("tokenizer.json"));
        embedder = OnnxSentenceEmbedder.load(modelDir, OnnxSentenceEmbedder.Options.DEFAULTS.withBatchSize(4));
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = OnnxSentenceEmbedderTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " not on the test classpath: the langchain4j"
                        + " all-minilm-l6-v2-q test dependency is missing");
            }
            Files.copy(in, target);
        }
    }

    @Test
    void paraphraseIsClearlyCloserThanAnUnrelatedSentence() {
        float[][] e = embedder.embed(List.of(
                "The rain keeps falling on my window all night long",
                "All through the night the rain beats against my window",
                "The central bank raised interest rates by half a point"));
        double paraphrase = BilingualSet.cosine(e[0], e[1]);
        double unrelated = BilingualSet.cosine(e[0], e[2]);
        System.out.printf("MiniLM cosine: paraphrase %.3f, unrelated %.3f%n", paraphrase, unrelated);
        assertTrue(paraphrase > unrelated + 0.3, "paraphrase " + paraphrase + " unrelated " + unrelated);
    }

    @Test
    void batchAndSingleTextsGiveTheSameRows() {
        List<String> texts = BilingualSet.load().lines().stream()
                .filter(l -> l.form().equals("en")).map(BilingualSet.Line::text).limit(9).toList();
        float[][] batch = embedder.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] single = embedder.embed(List.of(texts.get(i)))[0];
            for (int k = 0; k < single.length; k++) {
                assertEquals(single[k], batch[i][k], 1e-5, "text " + i + " component " + k);
            }
        }
    }

    @Test
    void paddedBatchesKeepEachTextsRowInInputOrder() {
        // Batching the quantised model anyway: rows differ from single runs only by the shared
        // activation scale (cosine > 0.95, and each batch row's closest single row is its own);
        // a mix-up of rows after the length sort or in the padding would break both.
        List<String> texts = BilingualSet.load().lines().stream()
                .filter(l -> l.form().equals("en")).map(BilingualSet.Line::text).toList();
        try (OnnxSentenceEmbedder batching = OnnxSentenceEmbedder.load(modelDir,
                OnnxSentenceEmbedder.Options.DEFAULTS.withBatchSize(5), true)) {
            assertEquals(5, batching.batchSize());
            float[][] batch = batching.embed(texts);
            float[][] single = embedder.embed(texts);
            for (int i = 0; i < texts.size(); i++) {
                double own = BilingualSet.cosine(batch[i], single[i]);
                assertTrue(own > 0.95, "text " + i + " cosine " + own);
                for (int j = 0; j < texts.size(); j++) {
                    if (j != i) {
                        assertTrue(BilingualSet.cosine(batch[i], single[j]) < own, "text " + i + " vs " + j);
                    }
                }
            }
        }
    }

    @Test
    void dynamicallyQuantisedModelRunsOneTextAtATime() {
        assertEquals(1, embedder.batchSize());
    }

    @Test
    void meanPoolingIgnoresPaddedPositions() {
        // Two texts, 3 positions, hidden size 2; the second text has one padded position
        // holding garbage that must not count.
        float[] hidden = {1, 0, 3, 0, 5, 0, 0, 2, 0, 4, 1000, 1000};
        long[] mask = {1, 1, 1, 1, 1, 0};
        float[][] pooled = OnnxSentenceEmbedder.pool(FloatBuffer.wrap(hidden), mask, 2, 3, 2,
                OnnxSentenceEmbedder.Pooling.MEAN);
        assertArrayEquals(new float[] {1, 0}, pooled[0], 1e-7f);
        assertArrayEquals(new float[] {0, 1}, pooled[1], 1e-7f);
        float[][] cls = OnnxSentenceEmbedder.pool(FloatBuffer.wrap(new float[] {0, 3, 9, 9}), new long[] {1, 1},
                1, 2, 2, OnnxSentenceEmbedder.Pooling.CLS);
        assertArrayEquals(new float[] {0, 1}, cls[0], 1e-7f);
    }

    @Test
    void rowsAreUnitLengthOfTheModelsDimension() {
        assertEquals(384, embedder.dimension());
        assertEquals(256, embedder.maxLength());
        float[] r = embedder.embed(List.of("আমি তোমাকে ভালোবাসি"))[0];
        assertEquals(384, r.length);
        assertEquals(1.0, BilingualSet.cosine(r, r), 1e-5);
        assertTrue(embedder.cacheKey().startsWith("onnx-v1;model="), embedder.cacheKey());
    }

    @Test
    void textsLongerThanMaxLengthAreTruncated() {
        String longText = "the river flows to the sea ".repeat(200);
        float[] full = embedder.embed(List.of(longText))[0];
        float[] prefix = embedder.embed(List.of("the river flows to the sea ".repeat(60)))[0];
        assertEquals(1.0, BilingualSet.cosine(full, prefix), 1e-4);
    }

    @Test
    void missingModelFolderOrFileGivesAnErrorNamingItAndHowToExport(@TempDir Path empty) {
        Path nowhere = empty.resolve("labse-onnx");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxSentenceEmbedder.load(nowhere, OnnxSentenceEmbedder.Options.DEFAULTS));
        assertTrue(e.getMessage().contains(nowhere + " does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("optimum-cli export onnx"), e.getMessage());
        IllegalArgumentException noModel = assertThrows(IllegalArgumentException.class,
                () -> OnnxSentenceEmbedder.load(empty, OnnxSentenceEmbedder.Options.DEFAULTS));
        assertTrue(noModel.getMessage().contains("has no model.onnx"), noModel.getMessage());
    }
}
