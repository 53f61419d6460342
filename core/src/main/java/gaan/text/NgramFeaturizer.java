package gaan.text;

import java.util.List;

/**
 * The sparse features {@link CharNgramEmbedder} weighs, each identified by a 64-bit hash (at
 * that width collisions among a collection's few million distinct features are negligible).
 *
 * <p>For every word of the {@link Words normalised} text:
 * <ul>
 *   <li>the word itself (namespace {@code w});</li>
 *   <li>its character n-grams, {@code minN ≤ n ≤ maxN}, over the code points of
 *       {@code <word>} where {@code <} and {@code >} mark the word boundaries (namespace
 *       {@code c}); an n-gram never starts on a combining mark (vowel sign, hasanta, nukta), so
 *       every n-gram begins at a letter or a boundary;</li>
 *   <li>when {@code transliterate} is on and the word is in Bengali or Latin script: the
 *       {@link Romanizer#phoneticKey phonetic key} of its romanisation (Latin words are their own
 *       romanisation), as a word (namespace {@code k}) and as n-grams of {@code <key>}
 *       (namespace {@code p}). This is
 *       where "ami tomake bhalobashi" and "আমি তোমাকে ভালোবাসি" share features.</li>
 * </ul>
 */
final class NgramFeaturizer {
    private static final int BOUNDARY_START = '<';
    private static final int BOUNDARY_END = '>';
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final int minN;
    private final int maxN;
    private final boolean transliterate;

    NgramFeaturizer(int minN, int maxN, boolean transliterate) {
        this.minN = minN;
        this.maxN = maxN;
        this.transliterate = transliterate;
    }

    /** Adds the feature counts of {@code text} to {@code counts}. */
    void count(String text, LongIntMap counts) {
        List<int[]> words = Words.split(Words.normalize(text));
        for (int[] word : words) {
            counts.add(hash('w', word, 0, word.length), 1);
            addNgrams('c', word, counts);
            if (transliterate) {
                String key = phoneticKeyOf(word);
                if (!key.isEmpty()) {
                    int[] k = key.codePoints().toArray();
                    counts.add(hash('k', k, 0, k.length), 1);
                    addNgrams('p', k, counts);
                }
            }
        }
    }

    private static String phoneticKeyOf(int[] word) {
        boolean bengali = false;
        for (int cp : word) {
            if (Words.isBengali(cp)) {
                bengali = true;
            } else if (Character.isLetter(cp) && !Words.isLatin(cp)) {
                return "";
            }
        }
        return Romanizer.phoneticKey(bengali ? Romanizer.romanize(word) : new String(word, 0, word.length));
    }

    private void addNgrams(char namespace, int[] word, LongIntMap counts) {
        int[] seq = new int[word.length + 2];
        seq[0] = BOUNDARY_START;
        System.arraycopy(word, 0, seq, 1, word.length);
        seq[seq.length - 1] = BOUNDARY_END;
        for (int start = 0; start < seq.length; start++) {
            if (Words.isMark(seq[start])) {
                continue;
            }
            for (int n = minN; n <= maxN && start + n <= seq.length; n++) {
                counts.add(hash(namespace, seq, start, start + n), 1);
            }
        }
    }

    /** FNV-1a over the namespace and code points, then a SplitMix64 finaliser; never 0. */
    private static long hash(char namespace, int[] cps, int from, int to) {
        long h = (FNV_OFFSET ^ namespace) * FNV_PRIME;
        for (int i = from; i < to; i++) {
            h = (h ^ cps[i]) * FNV_PRIME;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h == 0 ? 1 : h;
    }
}
