package gaan.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tags a lyric {@code en}, {@code bn}, {@code mixed} or {@code unknown}.
 *
 * <p>Script first: over the letters and combining marks of the {@link Words normalised} text,
 * the share in the Bengali block (U+0980–U+09FF) and the share in Latin script. A script counts
 * as present from {@value #SCRIPT_SHARE} of the letters. Then the Latin words: the share that
 * are romanised Bangla (a word list of common words, matched exactly or by
 * {@link Romanizer#phoneticKey}), and the share that are common English words. Latin text is
 * romanised Bangla from a romanised share of {@value #ROMANISED_SHARE}, English when it is not
 * romanised or when its English share reaches {@value #ENGLISH_SHARE}; both at once is mixed.
 * <ul>
 *   <li>no letter, or neither script present (another script) → {@code unknown};</li>
 *   <li>only Bengali script present → {@code bn};</li>
 *   <li>only Latin present → {@code bn} (romanised), {@code en}, or {@code mixed} (both);</li>
 *   <li>both scripts present → {@code bn} when the Latin words are romanised Bangla only,
 *       else {@code mixed}.</li>
 * </ul>
 * Latin text in other languages (Spanish, French) is tagged {@code en}: the tagger tells
 * English from Bangla, not every language.
 */
public final class LanguageTagger {
    static final double SCRIPT_SHARE = 0.2;
    static final double ROMANISED_SHARE = 0.25;
    static final double ENGLISH_SHARE = 0.15;

    private static final Set<String> ROMANISED = wordList("romanised_bangla.txt");
    private static final Set<String> ROMANISED_KEYS = phoneticKeys(ROMANISED);
    private static final Set<String> ENGLISH = wordList("english_common.txt");

    private LanguageTagger() {
    }

    public static Language tag(String text) {
        List<int[]> words = Words.split(Words.normalize(text));
        int letters = 0;
        int bengali = 0;
        int latin = 0;
        int latinWords = 0;
        int romanisedWords = 0;
        int englishWords = 0;
        for (int[] word : words) {
            int wordBengali = 0;
            int wordLatin = 0;
            int wordLetters = 0;
            for (int cp : word) {
                if (Character.isLetter(cp) || Words.isMark(cp)) {
                    wordLetters++;
                    if (Words.isBengali(cp)) {
                        wordBengali++;
                    } else if (Words.isLatin(cp)
                            || Character.UnicodeScript.of(cp) == Character.UnicodeScript.INHERITED) {
                        wordLatin++;
                    }
                }
            }
            letters += wordLetters;
            bengali += wordBengali;
            latin += wordLatin;
            if (wordLatin > 0 && wordLatin == wordLetters) {
                String w = new String(word, 0, word.length);
                latinWords++;
                if (ROMANISED.contains(w) || ROMANISED_KEYS.contains(Romanizer.phoneticKey(w))) {
                    romanisedWords++;
                }
                if (ENGLISH.contains(w)) {
                    englishWords++;
                }
            }
        }
        if (letters == 0) {
            return Language.UNKNOWN;
        }
        boolean bengaliScript = bengali >= SCRIPT_SHARE * letters;
        boolean latinScript = latin >= SCRIPT_SHARE * letters;
        boolean romanised = latinWords > 0 && romanisedWords >= ROMANISED_SHARE * latinWords;
        boolean english = latinWords > 0 && (!romanised || englishWords >= ENGLISH_SHARE * latinWords);
        if (bengaliScript && latinScript) {
            return english ? Language.MIXED : Language.BN;
        }
        if (bengaliScript) {
            return Language.BN;
        }
        if (latinScript) {
            return romanised && english ? Language.MIXED : romanised ? Language.BN : Language.EN;
        }
        return Language.UNKNOWN;
    }

    private static Set<String> wordList(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = LanguageTagger.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("word list " + resource + " missing from the gaan jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#")) {
                    for (String w : line.strip().split("\\s+")) {
                        if (!w.isEmpty()) {
                            words.add(w.replace("'", ""));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + resource, e);
        }
        return Set.copyOf(words);
    }

    private static Set<String> phoneticKeys(Set<String> words) {
        Set<String> keys = new HashSet<>();
        for (String w : words) {
            keys.add(Romanizer.phoneticKey(w));
        }
        return Set.copyOf(keys);
    }
}
