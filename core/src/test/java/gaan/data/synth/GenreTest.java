package gaan.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class GenreTest {

    private static void assertRhythm(Genre g, String what, String rhythm) {
        int bar = g.beatsPerBar() * g.stepsPerBeat();
        String where = g.name() + " " + what + " '" + rhythm + "'";
        assertTrue(rhythm.matches("[xog.]+"), where + ": only x o g . allowed");
        assertTrue(rhythm.length() % bar == 0 || bar % rhythm.length() == 0, where + ": does not fit a bar of " + bar);
    }

    @Test
    void catalogueIsWellFormed() {
        List<Genre> all = Genre.CATALOGUE;
        Set<String> names = all.stream().map(Genre::name).collect(Collectors.toSet());
        assertEquals(all.size(), names.size(), "unique names");
        assertEquals(List.of("rock", "pop", "folk", "electronic", "classical", "hiphop"),
                all.subList(0, 6).stream().map(Genre::name).toList(), "the default demo's genres come first");
        for (Genre g : all) {
            assertTrue(g.name().matches("[a-z]+"), g.name());
            assertTrue(g.bpmMin() > 40 && g.bpmMin() <= g.bpmMax() && g.bpmMax() < 200, g.name() + " tempo");
            assertNotNull(g.lead(), g.name() + " has a tune");
            assertTrue(names.containsAll(g.neighbours()) && !g.neighbours().contains(g.name()), g.name());
            for (int[] progression : g.progressions()) {
                for (int degree : progression) {
                    assertTrue(degree >= 0 && degree < 7, g.name() + " degree " + degree);
                }
            }
            for (Map<Drum, String> groove : g.grooves()) {
                groove.forEach((drum, rhythm) -> assertRhythm(g, drum.name(), rhythm));
            }
            assertEquals(g.kit() == null, g.grooves().isEmpty(), g.name() + ": a kit needs grooves and back");
            g.parts().forEach(p -> assertRhythm(g, p.instrument().name(), p.rhythm()));
        }
    }

    @Test
    void modesStackThirdsIntoMajorAndMinorChords() {
        Genre.Mode major = Genre.Mode.MAJOR;
        assertEquals(List.of(0, 4, 7), List.of(major.semitones(0), major.semitones(2), major.semitones(4)));
        // vi in major is minor: A C E over C
        assertEquals(3, major.semitones(7) - major.semitones(5));
        assertEquals(19, major.semitones(11));
        assertEquals(-1, major.semitones(-1));
        Genre.Mode minor = Genre.Mode.MINOR;
        assertEquals(3, minor.semitones(2) - minor.semitones(0), "i is minor");
        assertEquals(4, minor.semitones(7) - minor.semitones(5), "VI is major");
        assertEquals(1, Genre.Mode.PHRYGIAN.semitones(1), "flat second");
    }
}
