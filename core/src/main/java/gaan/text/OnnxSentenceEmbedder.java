package gaan.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

/**
 * Runs a sentence-transformers model exported to ONNX, from a folder holding {@code model.onnx}
 * and {@code tokenizer.json} (what {@code optimum-cli export onnx} writes; see docs/text.md).
 *
 * <p>Each text (with the optional {@code prefix}, e.g. {@code "passage: "} for multilingual-e5)
 * is tokenised with the Hugging Face tokenizer, special tokens added and truncated to
 * {@code maxLength} tokens; texts are run in batches of {@code batchSize}, sorted by length so
 * that little padding is needed (padded positions have attention mask 0, so a text's row does not
 * depend on its batch). The inputs {@code input_ids}, {@code attention_mask} and
 * {@code token_type_ids} (all zeros) are fed when the model declares them, as int64 or int32 as
 * declared. If the model has an output named {@code sentence_embedding} (an export with the
 * sentence-transformers pooling and dense layers included, as LaBSE needs), it is used as is;
 * otherwise the first output, {@code batch × tokens × hidden}, is mean-pooled over the attention
 * mask ({@code Pooling.MEAN}) or its first token taken ({@code Pooling.CLS}). Rows are then
 * L2-normalised.
 *
 * <p>A dynamically quantised model (its graph has {@code DynamicQuantizeLinear}, as the
 * {@code *_quantized.onnx} exports do) computes one activation scale over the whole batch, so a
 * text's row would depend on the texts batched with it; such models are run one text at a time,
 * which keeps every row a function of its own text (what the feature cache assumes).
 *
 * <p>Nothing is downloaded: the tokenizer's and ONNX Runtime's native libraries are in their jars.
 */
public final class OnnxSentenceEmbedder implements TextEmbedder {

    /** How token vectors become one sentence vector when the model does not do it itself. */
    public enum Pooling { MEAN, CLS }

    /**
     * @param maxLength tokens per text including special tokens; 0 means the model's own
     *                  {@code max_seq_length} from {@code sentence_bert_config.json} when the
     *                  folder has one, else {@value #DEFAULT_MAX_LENGTH}
     * @param batchSize texts per ONNX run (default 32)
     * @param threads   ONNX Runtime intra-op threads; 0 means all cores
     * @param pooling   pooling of token vectors (default MEAN, what most sentence-transformers use)
     * @param prefix    prepended to every text (multilingual-e5 expects "passage: " or "query: ")
     */
    public record Options(int maxLength, int batchSize, int threads, Pooling pooling, String prefix) {
        public static final int DEFAULT_MAX_LENGTH = 256;
        public static final Options DEFAULTS = new Options(0, 32, 0, Pooling.MEAN, "");

        public Options {
            if (maxLength < 0 || batchSize < 1 || threads < 0) {
                throw new IllegalArgumentException("invalid ONNX embedder options " + maxLength + "/" + batchSize
                        + "/" + threads + ": need maxLength ≥ 0, batchSize ≥ 1, threads ≥ 0");
            }
            prefix = prefix == null ? "" : prefix;
            pooling = pooling == null ? Pooling.MEAN : pooling;
        }

        public Options withBatchSize(int b) {
            return new Options(maxLength, b, threads, pooling, prefix);
        }
    }

    static final String HOW_TO_EXPORT = "Export a sentence-transformers model once with Python, e.g.\n"
            + "  pip install 'optimum[onnxruntime]' sentence-transformers\n"
            + "  optimum-cli export onnx --model sentence-transformers/LaBSE --task feature-extraction"
            + " --library-name sentence_transformers MODEL_DIR\n"
            + "and give MODEL_DIR (it must hold model.onnx and tokenizer.json); see docs/text.md.";
    private static final String SENTENCE_EMBEDDING = "sentence_embedding";
    private static final Pattern MAX_SEQ_LENGTH = Pattern.compile("\"max_seq_length\"\\s*:\\s*(\\d+)");

    private final Path folder;
    private final Options options;
    private final int maxLength;
    private final HuggingFaceTokenizer tokenizer;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final Map<String, OnnxJavaType> inputTypes;
    private final String output;
    private final boolean pooled;
    private final int dimension;
    private final int batchSize;
    private String cacheKey;

    private OnnxSentenceEmbedder(Path folder, Options options, int maxLength, HuggingFaceTokenizer tokenizer,
                                 OrtEnvironment env, OrtSession session, boolean quantisedPerBatch)
            throws OrtException {
        this.folder = folder;
        this.batchSize = quantisedPerBatch ? 1 : options.batchSize();
        this.options = options;
        this.maxLength = maxLength;
        this.tokenizer = tokenizer;
        this.env = env;
        this.session = session;
        this.inputTypes = new HashMap<>();
        for (Map.Entry<String, NodeInfo> in : session.getInputInfo().entrySet()) {
            if (in.getValue().getInfo() instanceof TensorInfo t) {
                inputTypes.put(in.getKey(), t.type);
            }
        }
        if (!inputTypes.containsKey("input_ids")) {
            throw new IllegalArgumentException("ONNX model " + folder.resolve("model.onnx") + " has no input named"
                    + " input_ids (inputs: " + inputTypes.keySet() + "); it is not a transformer text encoder export");
        }
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        this.pooled = outputs.containsKey(SENTENCE_EMBEDDING);
        this.output = pooled ? SENTENCE_EMBEDDING : outputs.keySet().iterator().next();
        long[] shape = ((TensorInfo) outputs.get(output).getInfo()).getShape();
        if (shape.length != (pooled ? 2 : 3)) {
            throw new IllegalArgumentException("ONNX model " + folder.resolve("model.onnx") + ": output " + output
                    + " has shape " + Arrays.toString(shape) + "; expected batch × tokens × hidden (or an output"
                    + " named sentence_embedding, batch × hidden). Outputs: " + outputs.keySet());
        }
        long last = shape[shape.length - 1];
        // Exports with a symbolic hidden size reveal it on a first run.
        this.dimension = last > 0 ? (int) last : run(List.of(tokenizer.encode("").getIds()))[0].length;
    }

    /**
     * Loads the model and tokenizer in {@code folder}.
     *
     * @throws IllegalArgumentException when the folder, {@code model.onnx} or
     *                                  {@code tokenizer.json} is missing, naming the path and how
     *                                  to export a model
     */
    public static OnnxSentenceEmbedder load(Path folder, Options options) {
        return load(folder, options, false);
    }

    /** As {@link #load(Path, Options)}; {@code batchQuantised} lets tests batch a quantised model anyway. */
    static OnnxSentenceEmbedder load(Path folder, Options options, boolean batchQuantised) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("ONNX sentence model folder " + dir + " does not exist. " + HOW_TO_EXPORT);
        }
        for (String required : List.of("model.onnx", "tokenizer.json")) {
            if (!Files.isRegularFile(dir.resolve(required))) {
                throw new IllegalArgumentException("ONNX sentence model folder " + dir + " has no " + required + ". "
                        + HOW_TO_EXPORT);
            }
        }
        int maxLength = options.maxLength() > 0 ? options.maxLength() : declaredMaxLength(dir);
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(dir.resolve("tokenizer.json"))
                    .optAddSpecialTokens(true)
                    .optTruncation(true)
                    .optPadding(false)
                    .optMaxLength(maxLength)
                    .build();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot load tokenizer " + dir.resolve("tokenizer.json") + ": "
                    + e.getMessage(), e);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors());
            so.setInterOpNumThreads(1);
            OrtSession session = env.createSession(dir.resolve("model.onnx").toString(), so);
            return new OnnxSentenceEmbedder(dir, options, maxLength, tokenizer, env, session,
                    !batchQuantised && contains(dir.resolve("model.onnx"), "DynamicQuantizeLinear"));
        } catch (OrtException e) {
            tokenizer.close();
            throw new IllegalArgumentException("ONNX Runtime cannot load " + dir.resolve("model.onnx") + ": "
                    + e.getMessage(), e);
        }
    }

    /** Whether the file's bytes contain {@code ascii} (an op type name in the protobuf graph). */
    private static boolean contains(Path file, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        byte[] buf = new byte[1 << 20];
        int carry = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buf, carry, buf.length - carry); read > 0;
                 read = in.read(buf, carry, buf.length - carry)) {
                int end = carry + read;
                for (int i = 0; i + needle.length <= end; i++) {
                    if (buf[i] == needle[0] && Arrays.equals(buf, i, i + needle.length, needle, 0, needle.length)) {
                        return true;
                    }
                }
                carry = Math.min(needle.length - 1, end);
                System.arraycopy(buf, end - carry, buf, 0, carry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return false;
    }

    private static int declaredMaxLength(Path dir) {
        Path config = dir.resolve("sentence_bert_config.json");
        if (Files.isRegularFile(config)) {
            try {
                Matcher m = MAX_SEQ_LENGTH.matcher(Files.readString(config));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + config, e);
            }
        }
        return Options.DEFAULT_MAX_LENGTH;
    }

    @Override
    public float[][] embed(List<String> texts) {
        int n = texts.size();
        long[][] ids = new long[n][];
        for (int i = 0; i < n; i++) {
            Encoding e = tokenizer.encode(options.prefix() + texts.get(i));
            ids[i] = e.getIds();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> ids[i].length).thenComparingInt(i -> i));
        float[][] out = new float[n][];
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            List<long[]> batch = Arrays.stream(order, from, to).map(i -> ids[i]).toList();
            float[][] rows = run(batch);
            for (int b = 0; b < rows.length; b++) {
                out[order[from + b]] = rows[b];
            }
        }
        return out;
    }

    /** One ONNX run over token id sequences; returns their unit-length sentence vectors. */
    private float[][] run(List<long[]> batch) {
        int b = batch.size();
        int t = batch.stream().mapToInt(ids -> ids.length).max().orElse(0);
        long[] ids = new long[b * t];
        long[] mask = new long[b * t];
        for (int i = 0; i < b; i++) {
            long[] row = batch.get(i);
            System.arraycopy(row, 0, ids, i * t, row.length);
            Arrays.fill(mask, i * t, i * t + row.length, 1L);
        }
        long[] shape = {b, t};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", tensor("input_ids", ids, shape));
            if (inputTypes.containsKey("attention_mask")) {
                inputs.put("attention_mask", tensor("attention_mask", mask, shape));
            }
            if (inputTypes.containsKey("token_type_ids")) {
                inputs.put("token_type_ids", tensor("token_type_ids", new long[b * t], shape));
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(output))) {
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                long[] outShape = hidden.getInfo().getShape();
                FloatBuffer values = hidden.getFloatBuffer();
                return pooled ? unitRows(values, b, (int) outShape[1]) : pool(values, mask, b, t, (int) outShape[2], options.pooling());
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a batch of " + b + " texts with model "
                    + folder.resolve("model.onnx") + ": " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private OnnxTensor tensor(String name, long[] values, long[] shape) throws OrtException {
        if (inputTypes.get(name) == OnnxJavaType.INT32) {
            int[] ints = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                ints[i] = (int) values[i];
            }
            return OnnxTensor.createTensor(env, IntBuffer.wrap(ints), shape);
        }
        return OnnxTensor.createTensor(env, LongBuffer.wrap(values), shape);
    }

    /**
     * Pools {@code hidden} ({@code b × t × h}, row-major) over positions whose {@code mask}
     * ({@code b × t}) is 1 and L2-normalises.
     */
    static float[][] pool(FloatBuffer hidden, long[] mask, int b, int t, int h, Pooling pooling) {
        float[][] out = new float[b][h];
        for (int i = 0; i < b; i++) {
            double[] acc = new double[h];
            int tokens = pooling == Pooling.CLS ? 1 : t;
            int count = 0;
            for (int j = 0; j < tokens; j++) {
                if (mask[i * t + j] == 0) {
                    continue;
                }
                count++;
                int base = (i * t + j) * h;
                for (int k = 0; k < h; k++) {
                    acc[k] += hidden.get(base + k);
                }
            }
            out[i] = unit(acc, Math.max(count, 1));
        }
        return out;
    }

    private static float[][] unitRows(FloatBuffer values, int b, int h) {
        float[][] out = new float[b][];
        for (int i = 0; i < b; i++) {
            double[] row = new double[h];
            for (int k = 0; k < h; k++) {
                row[k] = values.get(i * h + k);
            }
            out[i] = unit(row, 1);
        }
        return out;
    }

    private static float[] unit(double[] sum, int count) {
        double norm = 0;
        for (double v : sum) {
            norm += (v / count) * (v / count);
        }
        float[] out = new float[sum.length];
        if (norm > 0) {
            double inv = 1 / (Math.sqrt(norm) * count);
            for (int k = 0; k < sum.length; k++) {
                out[k] = (float) (sum[k] * inv);
            }
        }
        return out;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** Texts per ONNX run: {@code options.batchSize}, or 1 for a dynamically quantised model. */
    public int batchSize() {
        return batchSize;
    }

    /** Token limit in force, special tokens included. */
    public int maxLength() {
        return maxLength;
    }

    @Override
    public String name() {
        return "onnx-" + folder.getFileName();
    }

    /** Hashes model.onnx and tokenizer.json (once; seconds for a 2 GB model) plus the options. */
    @Override
    public synchronized String cacheKey() {
        if (cacheKey == null) {
            cacheKey = String.format(Locale.ROOT, "onnx-v1;model=%s;tokenizer=%s;maxlen=%d;pooling=%s;prefix=%s",
                    sha256(folder.resolve("model.onnx")), sha256(folder.resolve("tokenizer.json")), maxLength,
                    pooled ? "model" : options.pooling().name().toLowerCase(Locale.ROOT), options.prefix());
        }
        return cacheKey;
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java 17 runtime", e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close ONNX session of " + folder, e);
        } finally {
            tokenizer.close();
        }
    }
}
