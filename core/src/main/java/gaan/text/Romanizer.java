package gaan.text;

/**
 * Spells Bengali-script words the way romanised Bangla is commonly typed ("আমি তোমাকে
 * ভালোবাসি" → "ami tomake bhalobasi"), and reduces any Latin spelling to a phonetic key so
 * that the usual spelling variants meet ("bhalobashi", "valobasi" and "bhalobasi" all give
 * "balobasi").
 *
 * <p>Romanisation is deliberately simple: one Latin spelling per letter, the inherent vowel
 * written "o" after a consonant that carries no vowel sign or hasanta, except at the end of
 * the word (কেমন → "kemon", মন → "mon", আমার → "amar", রং → "rong"); nukta letters ড়/ঢ়/য় are
 * "r"/"rh"/"y", ya-phala (hasanta + য) "y", anusvara "ng", chandrabindu "n" (চাঁদ → "chand").
 * It serves matching, not display.
 */
public final class Romanizer {
    private static final char HASANTA = '\u09CD';
    private static final char NUKTA = '\u09BC';

    private Romanizer() {
    }

    /** Romanises a word of Bengali-script code points; code points outside the block are kept. */
    public static String romanize(int[] word) {
        StringBuilder sb = new StringBuilder(word.length * 2);
        for (int i = 0; i < word.length; i++) {
            int cp = word[i];
            String consonant = consonant(cp);
            if (consonant != null) {
                int next = i + 1;
                if (next < word.length && word[next] == NUKTA) {
                    consonant = nukta(cp);
                    next++;
                } else if (cp == 0x09AF && i > 0 && word[i - 1] == HASANTA) {
                    consonant = "y";
                }
                sb.append(consonant);
                boolean last = next >= word.length;
                if (!last && cp != 0x09CE && !isVowelSign(word[next]) && word[next] != HASANTA) {
                    sb.append('o');
                }
                i = next - 1;
            } else {
                String other = other(cp);
                if (other != null) {
                    sb.append(other);
                } else if (!Words.isBengali(cp)) {
                    sb.appendCodePoint(cp);
                }
            }
        }
        return sb.toString();
    }

    /**
     * Phonetic key of a lower-case Latin word: aspiration and sibilant spellings folded
     * (h after a consonant dropped, so "bh"→"b", "sh"→"s", "chh"→"c"), "v"→"b", "w"→"o",
     * "z"→"j", "q"→"k", "f"→"p", "y"→"i", "ee"→"i", "oo"→"u", doubled letters collapsed.
     */
    public static String phoneticKey(String word) {
        String latin = word.replace("ee", "i").replace("oo", "u");
        StringBuilder sb = new StringBuilder(latin.length());
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            if (c < 'a' || c > 'z') {
                continue;
            }
            char prev = sb.length() == 0 ? 0 : sb.charAt(sb.length() - 1);
            if (c == 'h' && prev != 0 && !isVowel(prev)) {
                continue;
            }
            char mapped = switch (c) {
                case 'v' -> 'b';
                case 'w' -> 'o';
                case 'z' -> 'j';
                case 'q' -> 'k';
                case 'f' -> 'p';
                case 'y' -> 'i';
                default -> c;
            };
            if (mapped == prev) {
                continue;
            }
            sb.append(mapped);
        }
        return sb.toString();
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    private static boolean isVowelSign(int cp) {
        return (cp >= 0x09BE && cp <= 0x09CC) || cp == 0x09D7 || cp == 0x09E2 || cp == 0x09E3;
    }

    private static String consonant(int cp) {
        return switch (cp) {
            case 0x0995 -> "k";
            case 0x0996 -> "kh";
            case 0x0997 -> "g";
            case 0x0998 -> "gh";
            case 0x0999 -> "ng";
            case 0x099A -> "ch";
            case 0x099B -> "chh";
            case 0x099C -> "j";
            case 0x099D -> "jh";
            case 0x099E -> "n";
            case 0x099F -> "t";
            case 0x09A0 -> "th";
            case 0x09A1 -> "d";
            case 0x09A2 -> "dh";
            case 0x09A3 -> "n";
            case 0x09A4 -> "t";
            case 0x09A5 -> "th";
            case 0x09A6 -> "d";
            case 0x09A7 -> "dh";
            case 0x09A8 -> "n";
            case 0x09AA -> "p";
            case 0x09AB -> "ph";
            case 0x09AC -> "b";
            case 0x09AD -> "bh";
            case 0x09AE -> "m";
            case 0x09AF -> "j";
            case 0x09B0 -> "r";
            case 0x09B2 -> "l";
            case 0x09B6, 0x09B7 -> "sh";
            case 0x09B8 -> "s";
            case 0x09B9 -> "h";
            case 0x09DC -> "r";
            case 0x09DD -> "rh";
            case 0x09DF -> "y";
            case 0x09CE -> "t";
            default -> null;
        };
    }

    private static String nukta(int base) {
        return switch (base) {
            case 0x09A1 -> "r";
            case 0x09A2 -> "rh";
            case 0x09AF -> "y";
            default -> consonant(base);
        };
    }

    /** Independent vowels, vowel signs, modifiers and digits. */
    private static String other(int cp) {
        return switch (cp) {
            case 0x0985 -> "o";
            case 0x0986, 0x09BE -> "a";
            case 0x0987, 0x0988, 0x09BF, 0x09C0 -> "i";
            case 0x0989, 0x098A, 0x09C1, 0x09C2 -> "u";
            case 0x098B, 0x09C3 -> "ri";
            case 0x098F, 0x09C7 -> "e";
            case 0x0990, 0x09C8 -> "oi";
            case 0x0993, 0x09CB -> "o";
            case 0x0994, 0x09CC -> "ou";
            case 0x0982 -> "ng";
            case 0x0981 -> "n";
            case 0x0983 -> "h";
            default -> cp >= 0x09E6 && cp <= 0x09EF ? String.valueOf((char) ('0' + cp - 0x09E6)) : null;
        };
    }
}
