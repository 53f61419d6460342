package gaan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LanguageTaggerTest {

    @Test
    void tagsEveryLineOfTheBilingualSetCorrectly() {
        List<String> wrong = new ArrayList<>();
        for (BilingualSet.Line line : BilingualSet.load().lines()) {
            Language got = LanguageTagger.tag(line.text());
            if (got != line.language()) {
                wrong.add(line.text() + " → " + got.code() + " (expected " + line.language().code() + ")");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void textWithoutLettersOrInAnotherScriptIsUnknown() {
        assertEquals(Language.UNKNOWN, LanguageTagger.tag(""));
        assertEquals(Language.UNKNOWN, LanguageTagger.tag("123 ... !!! ৪২"));
        assertEquals(Language.UNKNOWN, LanguageTagger.tag("मैं तुमसे प्यार करता हूँ"));
    }

    @Test
    void aFewEnglishWordsInALongBengaliLyricKeepItBangla() {
        String lyric = "আমি তোমাকে ভালোবাসি শুধু তোমাকে, তোমাকে ছাড়া আমার দিন কাটে না, রাত জাগা চাঁদ ".repeat(3)
                + "baby";
        assertEquals(Language.BN, LanguageTagger.tag(lyric));
    }

    @Test
    void englishLyricWithOneWordThatIsAlsoRomanisedStaysEnglish() {
        assertEquals(Language.EN, LanguageTagger.tag("My heart will ache tonight, I know you are gone away"));
    }

    @Test
    void codesAreTheStoreSpelling() {
        assertEquals(List.of("en", "bn", "mixed", "unknown"),
                List.of(Language.values()).stream().map(Language::code).toList());
        assertEquals(Language.MIXED, Language.ofCode("Mixed"));
    }
}
