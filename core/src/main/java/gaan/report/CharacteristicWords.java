package gaan.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a cluster's lyrics that are most over-represented compared with the other tracks'
 * lyrics. A word's score is the ratio of its Laplace-smoothed relative frequencies inside and
 * outside the cluster, {@code ((in + 1) / (N_in + V)) / ((out + 1) / (N_out + V))}, with N the token
 * counts and V the vocabulary size; common words score about 1 without a stop list, in any
 * language. A word must occur in at least two of the cluster's tracks (when it has two with
 * lyrics), so one chorus repeated thirty times does not name a cluster.
 *
 * <p>Tokens are maximal runs of letters and combining marks (so Bangla conjuncts and vowel signs
 * stay inside words), lower-cased in the root locale, of at least two characters.
 */
public final class CharacteristicWords {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]{2,}");

    /** A word, its counts inside and outside the cluster, and its score. */
    public record Word(String word, int inside, int outside, double ratio) {
    }

    private CharacteristicWords() {
    }

    /** Up to {@code k} words by descending ratio; {@code null} texts (no lyrics) are ignored. */
    public static List<Word> top(List<String> inside, List<String> outside, int k) {
        List<Map<String, Integer>> insideDocs = inside.stream().filter(t -> t != null).map(CharacteristicWords::counts)
                .toList();
        Map<String, Integer> in = sum(insideDocs);
        Map<String, Integer> out = sum(outside.stream().filter(t -> t != null).map(CharacteristicWords::counts)
                .toList());
        Map<String, Integer> docFreq = new HashMap<>();
        for (Map<String, Integer> d : insideDocs) {
            d.keySet().forEach(w -> docFreq.merge(w, 1, Integer::sum));
        }
        Set<String> vocabulary = new HashSet<>(in.keySet());
        vocabulary.addAll(out.keySet());
        double v = vocabulary.size();
        double nIn = in.values().stream().mapToInt(Integer::intValue).sum();
        double nOut = out.values().stream().mapToInt(Integer::intValue).sum();
        int minDocs = insideDocs.size() >= 2 ? 2 : 1;
        List<Word> words = new ArrayList<>();
        for (Map.Entry<String, Integer> e : in.entrySet()) {
            if (docFreq.get(e.getKey()) < minDocs) {
                continue;
            }
            int o = out.getOrDefault(e.getKey(), 0);
            double ratio = ((e.getValue() + 1) / (nIn + v)) / ((o + 1) / (nOut + v));
            words.add(new Word(e.getKey(), e.getValue(), o, ratio));
        }
        words.sort(Comparator.comparingDouble(Word::ratio).reversed()
                .thenComparing(Comparator.comparingInt(Word::inside).reversed())
                .thenComparing(Word::word));
        return words.subList(0, Math.min(k, words.size()));
    }

    static Map<String, Integer> counts(String text) {
        Map<String, Integer> c = new HashMap<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            c.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        return c;
    }

    private static Map<String, Integer> sum(List<Map<String, Integer>> docs) {
        Map<String, Integer> total = new HashMap<>();
        docs.forEach(d -> d.forEach((w, n) -> total.merge(w, n, Integer::sum)));
        return total;
    }
}
