package gaan.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Normalisation and word splitting shared by the embedders and the language tagger.
 *
 * <p>{@link #normalize}: Unicode NFC (so a Bengali vowel sign typed as two code points, e.g.
 * U+09C7 U+09BE, and its single code point U+09CB are the same text; nukta letters such as
 * U+09DF stay decomposed as base + U+09BC, which NFC prescribes), the legacy khanda ta spelling
 * ta + hasanta + ZWJ becomes U+09CE, zero-width joiners and non-joiners (U+200D, U+200C), the
 * BOM/zero-width no-break space and soft hyphens are removed (they only steer rendering), and
 * cased scripts are lower-cased with the root locale.
 *
 * <p>{@link #split}: a word is a maximal run of letters, digits and combining marks (so Bengali
 * vowel signs, hasanta U+09CD, nukta, anusvara and chandrabindu stay inside their word);
 * apostrophes between letters are dropped ("don't" is "dont"); everything else, including the
 * danda U+0964, separates words.
 */
public final class Words {
    private static final char HASANTA = '\u09CD';
    private static final String KHANDA_TA_LEGACY = "\u09A4\u09CD\u200D";
    private static final String KHANDA_TA = "\u09CE";

    private Words() {
    }

    public static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        s = s.replace(KHANDA_TA_LEGACY, KHANDA_TA);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\u200C' && c != '\u200D' && c != '\uFEFF' && c != '\u00AD') {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** Words of an already {@link #normalize normalised} text, each as code points. */
    public static List<int[]> split(String normalized) {
        List<int[]> words = new ArrayList<>();
        int[] cps = normalized.codePoints().toArray();
        int[] word = new int[cps.length];
        int len = 0;
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (isWordPart(cp)) {
                word[len++] = cp;
            } else if (isApostrophe(cp) && len > 0 && i + 1 < cps.length && isWordPart(cps[i + 1])) {
                continue;
            } else if (len > 0) {
                words.add(Arrays.copyOf(word, len));
                len = 0;
            }
        }
        if (len > 0) {
            words.add(Arrays.copyOf(word, len));
        }
        return words;
    }

    static boolean isWordPart(int cp) {
        return Character.isLetterOrDigit(cp) || isMark(cp);
    }

    /** Combining marks: Bengali vowel signs, hasanta, nukta, chandrabindu, Latin accents. */
    static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK || cp == HASANTA;
    }

    static boolean isBengali(int cp) {
        return cp >= 0x0980 && cp <= 0x09FF;
    }

    static boolean isLatin(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019';
    }
}
