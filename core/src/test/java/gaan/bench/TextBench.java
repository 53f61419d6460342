package gaan.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import gaan.text.CharNgramEmbedder;
import gaan.text.OnnxSentenceEmbedder;

/**
 * Lyrics embedding throughput: {@code bench/run.sh text [--texts N] [--onnx-texts N] [--model DIR]}.
 *
 * <p>Generates N (default 2000) lyric-length texts (150–250 words, deterministic seed 1) mixing
 * English, Bengali-script and romanised Bangla words drawn from the test set's songs: 40 %
 * English, 35 % Bengali script, 15 % romanised, 10 % code-mixed, each text biased toward one
 * song's words. Reports the character n-gram embedder's fit time (first, cold, and median of two
 * more) and embedding texts/s, the ONNX embedder's texts/s with the MiniLM model of the test
 * classpath (or {@code --model DIR}) on the first {@code --onnx-texts} texts (default all), and
 * peak RSS.
 */
public final class TextBench {
    private TextBench() {
    }

    public static void main(String[] args) throws IOException {
        int n = 2000;
        int onnxTexts = -1;
        Path model = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--texts" -> n = Integer.parseInt(args[++i]);
                case "--onnx-texts" -> onnxTexts = Integer.parseInt(args[++i]);
                case "--model" -> model = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: bench/run.sh text [--texts N] [--onnx-texts N] [--model DIR]");
            }
        }
        List<String> texts = generate(n, new Random(1));
        double meanChars = texts.stream().mapToInt(String::length).average().orElse(0);
        Bench bench = Bench.create().put("texts", n).put("mean_chars", meanChars)
                .put("cores", Runtime.getRuntime().availableProcessors());

        System.err.println("fitting char n-gram embedder on " + n + " texts");
        CharNgramEmbedder[] fitted = new CharNgramEmbedder[1];
        Runnable fitting = () -> fitted[0] = CharNgramEmbedder.fit(texts, CharNgramEmbedder.Options.DEFAULTS, 0);
        // The first fit includes JIT warm-up, which is what a one-shot CLI run pays.
        double coldFit = Bench.medianSeconds(1, fitting);
        double fit = Bench.medianSeconds(2, fitting);
        double embed = Bench.medianSeconds(3, () -> fitted[0].embed(texts));
        Map<String, Object> charngram = new LinkedHashMap<>();
        charngram.put("fit_s_cold", coldFit);
        charngram.put("fit_s", fit);
        charngram.put("embed_texts_per_s", n / embed);
        charngram.put("dimension", fitted[0].dimension());
        charngram.put("vocabulary", fitted[0].vocabularySize());
        bench.put("charngram", charngram);
        bench.put("peak_rss_mb_after_charngram", Bench.peakRssMb());

        Path dir = model != null ? model : extractMiniLm();
        List<String> onnxInput = onnxTexts > 0 ? texts.subList(0, Math.min(onnxTexts, n)) : texts;
        System.err.println("embedding " + onnxInput.size() + " texts with ONNX model " + dir);
        try (OnnxSentenceEmbedder onnx = OnnxSentenceEmbedder.load(dir, OnnxSentenceEmbedder.Options.DEFAULTS)) {
            onnx.embed(onnxInput.subList(0, Math.min(8, onnxInput.size())));
            double seconds = Bench.medianSeconds(1, () -> onnx.embed(onnxInput));
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("model", model != null ? dir.toString() : "all-MiniLM-L6-v2 (quantised, test jar)");
            o.put("texts", onnxInput.size());
            o.put("max_length", onnx.maxLength());
            o.put("batch_size", onnx.batchSize());
            o.put("embed_texts_per_s", onnxInput.size() / seconds);
            o.put("dimension", onnx.dimension());
            bench.put("onnx", o);
        }
        bench.put("peak_rss_mb", Bench.peakRssMb());
        bench.print();
    }

    /** Lyric-length texts from the test set's words; see the class comment for the mix. */
    static List<String> generate(int n, Random random) throws IOException {
        List<List<List<String>>> songs = songWords();
        List<String> out = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            double mode = random.nextDouble();
            List<List<String>> song = songs.get(random.nextInt(songs.size()));
            int words = 150 + random.nextInt(101);
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < words; w++) {
                int form = mode < 0.40 ? 0 : mode < 0.75 ? 1 : mode < 0.90 ? 2 : random.nextInt(3);
                List<List<String>> source = random.nextDouble() < 0.7 ? song : songs.get(random.nextInt(songs.size()));
                List<String> pool = source.get(form);
                sb.append(pool.get(random.nextInt(pool.size())));
                sb.append(w % 8 == 7 ? "\n" : " ");
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** Per song (the six songs and the unrelated lines): words of its en, bn and rom lines. */
    private static List<List<List<String>>> songWords() throws IOException {
        Map<String, List<List<String>>> bySong = new LinkedHashMap<>();
        try (InputStream in = TextBench.class.getResourceAsStream("/gaan/text/bilingual_lines.tsv")) {
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String row : content.split("\n")) {
                String[] f = row.split("\t");
                if (row.startsWith("#") || f.length < 5 || f[0].equals("song")) {
                    continue;
                }
                int form = switch (f[2]) {
                    case "en" -> 0;
                    case "bn" -> 1;
                    case "rom" -> 2;
                    default -> -1;
                };
                if (form < 0) {
                    continue;
                }
                List<List<String>> forms = bySong.computeIfAbsent(f[0],
                        k -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
                for (String w : f[4].split("[\\s,?]+")) {
                    if (!w.isBlank()) {
                        forms.get(form).add(w);
                    }
                }
            }
        }
        bySong.values().removeIf(forms -> forms.stream().anyMatch(List::isEmpty));
        return new ArrayList<>(bySong.values());
    }

    private static Path extractMiniLm() throws IOException {
        Path dir = Files.createTempDirectory("gaan-minilm");
        dir.toFile().deleteOnExit();
        for (String[] f : new String[][] {{"/all-minilm-l6-v2-q.onnx", "model.onnx"},
                {"/all-minilm-l6-v2-q-tokenizer.json", "tokenizer.json"}}) {
            try (InputStream in = TextBench.class.getResourceAsStream(f[0])) {
                Path target = dir.resolve(f[1]);
                Files.copy(in, target);
                target.toFile().deleteOnExit();
            }
        }
        return dir;
    }
}
