package gaan.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The default lyrics embedder: latent semantic analysis of character n-grams, fitted on the
 * collection itself, so it needs no model weights and treats every script alike.
 *
 * <p>Pipeline (scikit-learn equivalent in brackets): {@link NgramFeaturizer features} of each
 * text (word unigrams, boundary-marked character n-grams, transliteration keys); features
 * found in fewer than {@code minDocumentFrequency} corpus texts are dropped, and at most
 * {@code maxFeatures} of the most frequent are kept (if no feature is shared at all, every
 * feature is kept); sublinear TF-IDF with smoothed idf and
 * L2-normalised rows [{@code TfidfVectorizer(sublinear_tf=True, smooth_idf=True)}]:
 * {@code tf = 1 + ln(count)}, {@code idf = ln((1 + N) / (1 + df)) + 1}, natural log; then the
 * projection on the top right singular vectors of the corpus TF-IDF matrix
 * [{@code TruncatedSVD(algorithm="randomized")}, see {@link TruncatedSvd}], and finally each row
 * is L2-normalised [{@code Normalizer()}]. New texts go through the same steps with the
 * corpus's vocabulary, idf and components.
 *
 * <p>The dimension is {@code min(options.dimension, numerical rank of the corpus matrix)}.
 * Same corpus, options and seed give bit-identical rows on the same machine.
 */
public final class CharNgramEmbedder implements TextEmbedder {

    /**
     * Parameters that shape the embedding.
     *
     * @param dimension            requested LSA dimension (default 128); capped by the rank
     * @param minN                 shortest character n-gram (default 2)
     * @param maxN                 longest character n-gram (default 5)
     * @param transliterate        add romanised phonetic-key features so Bengali script and
     *                             romanised Bangla meet (default true)
     * @param minDocumentFrequency drop features in fewer corpus texts (default 2; capped at the
     *                             corpus size): a feature of one text cannot relate two texts
     * @param maxFeatures          keep at most this many features, the most frequent
     *                             (default 200,000; bounds memory at about 2 KB a feature)
     * @param oversampling         extra sketch columns of the randomised SVD (default 10)
     * @param powerIterations      subspace iterations of the randomised SVD (default 4)
     */
    public record Options(int dimension, int minN, int maxN, boolean transliterate, int minDocumentFrequency,
                          int maxFeatures, int oversampling, int powerIterations) {
        public static final Options DEFAULTS = new Options(128, 2, 5, true, 2, 200_000, 10, 4);

        public Options {
            if (dimension < 1 || minN < 1 || maxN < minN || minDocumentFrequency < 1 || maxFeatures < 1
                    || oversampling < 0 || powerIterations < 0) {
                throw new IllegalArgumentException("invalid CharNgramEmbedder options " + this
                        + ": need dimension ≥ 1, 1 ≤ minN ≤ maxN, minDocumentFrequency ≥ 1, maxFeatures ≥ 1,"
                        + " oversampling ≥ 0, powerIterations ≥ 0");
            }
        }

        public Options withTransliteration(boolean on) {
            return new Options(dimension, minN, maxN, on, minDocumentFrequency, maxFeatures, oversampling,
                    powerIterations);
        }

        String key() {
            return String.format(Locale.ROOT, "dim=%d;n=%d-%d;translit=%b;mindf=%d;maxfeat=%d;over=%d;iter=%d",
                    dimension, minN, maxN, transliterate, minDocumentFrequency, maxFeatures, oversampling,
                    powerIterations);
        }
    }

    private static final int ABSENT = -1;

    private final Options options;
    private final long seed;
    private final String corpusFingerprint;
    private final NgramFeaturizer featurizer;
    private final LongIntMap columnOf;
    private final double[] idf;
    /** Feature-major components: row {@code j} holds feature j's weights, {@code dimension} floats. */
    private final float[] components;
    private final int dimension;

    private CharNgramEmbedder(Options options, long seed, String corpusFingerprint, NgramFeaturizer featurizer,
                              LongIntMap columnOf, double[] idf, float[] components, int dimension) {
        this.options = options;
        this.seed = seed;
        this.corpusFingerprint = corpusFingerprint;
        this.featurizer = featurizer;
        this.columnOf = columnOf;
        this.idf = idf;
        this.components = components;
        this.dimension = dimension;
    }

    /**
     * Fits the vocabulary, idf and components on {@code corpus}; the result embeds the corpus
     * and any new text.
     *
     * @param seed seeds the Gaussian sketch of the randomised SVD
     * @throws IllegalArgumentException when no text of the corpus has a letter or digit
     */
    public static CharNgramEmbedder fit(List<String> corpus, Options options, long seed) {
        NgramFeaturizer featurizer = new NgramFeaturizer(options.minN(), options.maxN(), options.transliterate());
        int n = corpus.size();
        FeatureCounts[] docs = new FeatureCounts[n];
        IntStream.range(0, n).parallel().forEach(i -> docs[i] = FeatureCounts.of(featurizer, corpus.get(i)));
        LongIntMap df = new LongIntMap(1 << 16);
        for (FeatureCounts doc : docs) {
            for (long key : doc.keys()) {
                df.add(key, 1);
            }
        }
        long[] vocabulary = selectVocabulary(df, Math.min(options.minDocumentFrequency(), Math.max(n, 1)),
                options.maxFeatures());
        if (vocabulary.length == 0) {
            // No two texts share a feature: each text's own features are all there is to go on,
            // and they make the texts mutually orthogonal, which is the truthful answer.
            vocabulary = selectVocabulary(df, 1, options.maxFeatures());
        }
        if (vocabulary.length == 0) {
            throw new IllegalArgumentException("cannot fit the character n-gram embedder: none of the " + n
                    + " texts has a letter or digit");
        }
        LongIntMap columnOf = new LongIntMap(vocabulary.length);
        double[] idf = new double[vocabulary.length];
        for (int c = 0; c < vocabulary.length; c++) {
            columnOf.put(vocabulary[c], c);
            idf[c] = Math.log((1.0 + n) / (1.0 + df.get(vocabulary[c], 0))) + 1;
        }
        SparseRows tfidf = tfidf(docs, columnOf, idf);
        TruncatedSvd svd = TruncatedSvd.compute(tfidf, options.dimension(), options.oversampling(),
                options.powerIterations(), seed);
        int d = svd.singularValues().length;
        float[] components = new float[vocabulary.length * d];
        for (int c = 0; c < vocabulary.length; c++) {
            for (int k = 0; k < d; k++) {
                components[c * d + k] = (float) svd.components()[c][k];
            }
        }
        return new CharNgramEmbedder(options, seed, fingerprint(corpus), featurizer, columnOf, idf, components, d);
    }

    @Override
    public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        IntStream.range(0, texts.size()).parallel().forEach(i -> out[i] = embedOne(texts.get(i)));
        return out;
    }

    private float[] embedOne(String text) {
        FeatureCounts counts = FeatureCounts.of(featurizer, text);
        double[] acc = new double[dimension];
        for (int p = 0; p < counts.keys().length; p++) {
            int c = columnOf.get(counts.keys()[p], ABSENT);
            if (c == ABSENT) {
                continue;
            }
            double w = (1 + Math.log(counts.counts()[p])) * idf[c];
            int base = c * dimension;
            for (int k = 0; k < dimension; k++) {
                acc[k] += w * components[base + k];
            }
        }
        // The tf-idf row's own L2 normalisation is a positive scale, which the final one absorbs;
        // a text without known features stays all zeros.
        return unit(acc);
    }

    private static float[] unit(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        float[] out = new float[v.length];
        if (norm > 0) {
            double inv = 1 / Math.sqrt(norm);
            for (int k = 0; k < v.length; k++) {
                out[k] = (float) (v[k] * inv);
            }
        }
        return out;
    }

    private static long[] selectVocabulary(LongIntMap df, int minDf, int maxFeatures) {
        long[] keys = df.sortedKeys();
        long[] kept = Arrays.stream(keys).filter(k -> df.get(k, 0) >= minDf).toArray();
        if (kept.length <= maxFeatures) {
            return kept;
        }
        // Most frequent first, ties by key, then back to key order for the column layout.
        long[] top = Arrays.stream(kept).boxed()
                .sorted((x, y) -> {
                    int byDf = Integer.compare(df.get(y, 0), df.get(x, 0));
                    return byDf != 0 ? byDf : Long.compare(x, y);
                })
                .limit(maxFeatures).mapToLong(Long::longValue).toArray();
        Arrays.sort(top);
        return top;
    }

    private static SparseRows tfidf(FeatureCounts[] docs, LongIntMap columnOf, double[] idf) {
        int n = docs.length;
        int[] rowStart = new int[n + 1];
        int[][] cols = new int[n][];
        double[][] vals = new double[n][];
        for (int i = 0; i < n; i++) {
            long[] keys = docs[i].keys();
            int[] c = new int[keys.length];
            double[] v = new double[keys.length];
            int m = 0;
            double norm = 0;
            for (int p = 0; p < keys.length; p++) {
                int col = columnOf.get(keys[p], ABSENT);
                if (col != ABSENT) {
                    double w = (1 + Math.log(docs[i].counts()[p])) * idf[col];
                    c[m] = col;
                    v[m++] = w;
                    norm += w * w;
                }
            }
            double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int p = 0; p < m; p++) {
                v[p] *= inv;
            }
            cols[i] = Arrays.copyOf(c, m);
            vals[i] = Arrays.copyOf(v, m);
            rowStart[i + 1] = rowStart[i] + m;
        }
        int[] colIndex = new int[rowStart[n]];
        double[] values = new double[rowStart[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(cols[i], 0, colIndex, rowStart[i], cols[i].length);
            System.arraycopy(vals[i], 0, values, rowStart[i], vals[i].length);
        }
        return new SparseRows(n, idf.length, rowStart, colIndex, values);
    }

    /** One text's features, keys ascending, with their counts. */
    private record FeatureCounts(long[] keys, int[] counts) {
        static FeatureCounts of(NgramFeaturizer featurizer, String text) {
            LongIntMap map = new LongIntMap(256);
            featurizer.count(text, map);
            long[] keys = map.sortedKeys();
            int[] counts = new int[keys.length];
            for (int p = 0; p < keys.length; p++) {
                counts[p] = map.get(keys[p], 0);
            }
            return new FeatureCounts(keys, counts);
        }
    }

    private static String fingerprint(List<String> corpus) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String text : corpus) {
                sha.update(text.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java 17 runtime", e);
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** Number of n-gram/word features in the fitted vocabulary. */
    public int vocabularySize() {
        return idf.length;
    }

    public Options options() {
        return options;
    }

    @Override
    public String name() {
        return "charngram-lsa-" + dimension;
    }

    @Override
    public String cacheKey() {
        return "charngram-lsa-v1;" + options.key() + ";seed=" + seed + ";corpus=" + corpusFingerprint
                + ";rank=" + dimension;
    }
}
