package gaan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RomanizerTest {

    private static String romanize(String bengali) {
        return Romanizer.romanize(Words.normalize(bengali).codePoints().toArray());
    }

    @Test
    void romanisesCommonWordsAsTheyAreUsuallyTyped() {
        assertEquals("ami", romanize("আমি"));
        assertEquals("tomake", romanize("তোমাকে"));
        assertEquals("bhalobasi", romanize("ভালোবাসি"));
        assertEquals("kemon", romanize("কেমন"));
        assertEquals("amar", romanize("আমার"));
        assertEquals("bondhu", romanize("বন্ধু"));
        assertEquals("chand", romanize("চাঁদ"));
        assertEquals("hoy", romanize("হয়"));
        assertEquals("rong", romanize("রং"));
        assertEquals("bangla", romanize("বাংলা"));
    }

    @Test
    void nuktaLettersReadTheSameComposedOrDecomposed() {
        assertEquals("bari", romanize("বাড়ি"));
        assertEquals("bari", romanize("বা\u09A1\u09BCি"));
    }

    @Test
    void spellingVariantsShareAPhoneticKey() {
        String key = Romanizer.phoneticKey("bhalobashi");
        assertEquals(key, Romanizer.phoneticKey("valobasi"));
        assertEquals(key, Romanizer.phoneticKey(romanize("ভালোবাসি")));
        assertEquals(Romanizer.phoneticKey("achhe"), Romanizer.phoneticKey("ache"));
        assertEquals(Romanizer.phoneticKey("jibon"), Romanizer.phoneticKey("jeebon"));
    }

    @Test
    void legacyKhandaTaAndJoinersNormalise() {
        assertEquals(Words.normalize("হঠাৎ"), Words.normalize("হঠাত\u09CD\u200D"));
        assertEquals(Words.normalize("তোমাকে"), Words.normalize("ত\u09C7\u09BE\u200Dমাকে"));
    }
}
