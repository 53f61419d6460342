package gaan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CharacteristicWordsTest {

    @Test
    void wordsOverRepresentedInTheClusterComeFirstAndSharedWordsDoNot() {
        List<String> inside = List.of("the river flows to the sea", "river boat on the river", "the boat and the sea");
        List<String> outside = List.of("the city lights at night", "the night is the city", "dance the night away");
        List<CharacteristicWords.Word> top = CharacteristicWords.top(inside, outside, 3);
        assertEquals(List.of("river", "boat", "sea"), top.stream().map(CharacteristicWords.Word::word).toList());
        assertEquals(3, top.get(0).inside());
        assertEquals(0, top.get(0).outside());
        List<String> all = CharacteristicWords.top(inside, outside, 100).stream()
                .map(CharacteristicWords.Word::word).toList();
        assertTrue(all.indexOf("the") > all.indexOf("sea"), "a word common everywhere ranks below cluster words");
    }

    @Test
    void aWordFromOnlyOneTrackOfTheClusterIsNotCharacteristic() {
        List<String> inside = List.of("la la la la la la la la love", "love and rain");
        List<CharacteristicWords.Word> top = CharacteristicWords.top(inside, List.of("sun"), 5);
        assertEquals(List.of("love"), top.stream().map(CharacteristicWords.Word::word).toList());
    }

    @Test
    void banglaWordsKeepTheirVowelSignsAndMissingLyricsAreIgnored() {
        List<String> inside = Arrays.asList("আমার সোনার বাংলা", null, "সোনার তরী, সোনার ধান");
        List<String> outside = Arrays.asList("nodir kul", null);
        List<CharacteristicWords.Word> top = CharacteristicWords.top(inside, outside, 2);
        assertEquals("সোনার", top.get(0).word());
        assertEquals(3, top.get(0).inside());
        assertFalse(CharacteristicWords.counts("আমার সোনার").containsKey("স"), "no split inside a word");
    }
}
