package gaan.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gaan.text.BilingualSet.Line;

class CharNgramEmbedderTest {
    /** Nearest-neighbour accuracy required within each form (Bengali script, English, romanised). */
    private static final double SAME_SONG_ACCURACY = 0.9;
    /** Share of romanised lines whose nearest Bengali-script line is from the same song. */
    private static final double TRANSLITERATION_ACCURACY = 0.9;

    /** Nearest-neighbour accuracy of lines embedded after fitting without them (18 lines). */
    private static final double HELD_OUT_ACCURACY = 0.8;

    private static BilingualSet set;
    private static CharNgramEmbedder embedder;
    private static float[][] rows;

    @BeforeAll
    static void fit() {
        set = BilingualSet.load();
        embedder = CharNgramEmbedder.fit(set.texts(), CharNgramEmbedder.Options.DEFAULTS, 42);
        rows = embedder.embed(set.texts());
    }

    @Test
    void linesOfOneSongAreNearestNeighboursWithinEachForm() {
        for (String form : List.of("bn", "en", "rom")) {
            double accuracy = nearestNeighbourAccuracy(form, form);
            System.out.printf("same-song NN accuracy %s: %.3f%n", form, accuracy);
            assertTrue(accuracy >= SAME_SONG_ACCURACY, form + " nearest-neighbour accuracy " + accuracy);
        }
    }

    @Test
    void romanisedLineFindsItsSongInBengaliScript() {
        double accuracy = nearestNeighbourAccuracy("rom", "bn");
        System.out.printf("romanised → Bengali NN accuracy: %.3f%n", accuracy);
        assertTrue(accuracy >= TRANSLITERATION_ACCURACY, "romanised → Bengali accuracy " + accuracy);
    }

    @Test
    void transliterationFeaturesAreWhatBringRomanisedAndBengaliTogether() {
        CharNgramEmbedder plain = CharNgramEmbedder.fit(set.texts(),
                CharNgramEmbedder.Options.DEFAULTS.withTransliteration(false), 42);
        float[][] plainRows = plain.embed(set.texts());
        double with = sameLineCosine(rows, "rom", "bn");
        double without = sameLineCosine(plainRows, "rom", "bn");
        System.out.printf("romanised–Bengali same-line cosine: %.3f with, %.3f without transliteration%n",
                with, without);
        assertTrue(with > without + 0.2, "with " + with + " without " + without);
    }

    @Test
    void newLinesLandNearTheirSongAfterFitting() {
        // Fit without every song's fourth line, then place those lines among the fitted ones.
        List<Line> fitted = set.lines().stream().filter(l -> !(l.inSong() && l.number() == 4)).toList();
        List<Line> held = set.lines().stream().filter(l -> l.inSong() && l.number() == 4).toList();
        CharNgramEmbedder e = CharNgramEmbedder.fit(fitted.stream().map(Line::text).toList(),
                CharNgramEmbedder.Options.DEFAULTS, 42);
        float[][] known = e.embed(fitted.stream().map(Line::text).toList());
        float[][] fresh = e.embed(held.stream().map(Line::text).toList());
        int hits = 0;
        for (int i = 0; i < held.size(); i++) {
            int best = -1;
            double bestCos = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < fitted.size(); j++) {
                double c = BilingualSet.cosine(fresh[i], known[j]);
                if (fitted.get(j).form().equals(held.get(i).form()) && c > bestCos) {
                    bestCos = c;
                    best = j;
                }
            }
            hits += fitted.get(best).song().equals(held.get(i).song()) ? 1 : 0;
        }
        double accuracy = hits / (double) held.size();
        System.out.printf("held-out line NN accuracy: %.3f%n", accuracy);
        assertTrue(accuracy >= HELD_OUT_ACCURACY, "held-out accuracy " + accuracy);
    }

    @Test
    void unrelatedBengaliAndEnglishLinesGroupByScript() {
        double intraBn = meanCosine("bn", "bn");
        double intraEn = meanCosine("en", "en");
        double cross = meanCosine("bn", "en");
        System.out.printf("mean cosine bn-bn %.3f, en-en %.3f, bn-en %.3f%n", intraBn, intraEn, cross);
        assertTrue(intraBn > cross && intraEn > cross, "bn-bn " + intraBn + " en-en " + intraEn + " bn-en " + cross);
    }

    @Test
    void sameSeedGivesIdenticalRows() {
        float[][] again = CharNgramEmbedder.fit(set.texts(), CharNgramEmbedder.Options.DEFAULTS, 42)
                .embed(set.texts());
        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(rows[i], again[i], "row " + i);
        }
        assertEquals(embedder.cacheKey(),
                CharNgramEmbedder.fit(set.texts(), CharNgramEmbedder.Options.DEFAULTS, 42).cacheKey());
        assertNotEquals(embedder.cacheKey(),
                CharNgramEmbedder.fit(set.texts(), CharNgramEmbedder.Options.DEFAULTS, 43).cacheKey());
    }

    @Test
    void rowsAreUnitLengthAndUnknownTextIsZero() {
        for (float[] row : rows) {
            assertEquals(1.0, BilingualSet.cosine(row, row), 1e-5);
        }
        float[] unknown = embedder.embed(List.of("ζωή, 日本語"))[0];
        assertEquals(0.0, BilingualSet.cosine(unknown, unknown), 0.0);
    }

    @Test
    void singleTextEmbedsAsInBatch() {
        float[] single = embedder.embed(List.of(set.texts().get(7)))[0];
        assertArrayEquals(rows[7], single);
    }

    @Test
    void dimensionIsCappedByCorpusRank() {
        CharNgramEmbedder small = CharNgramEmbedder.fit(
                List.of("rain on the window", "rain on the roof", "rain on the window", "the river and the boat"),
                CharNgramEmbedder.Options.DEFAULTS, 1);
        // Four texts, one a duplicate: rank 3.
        assertEquals(3, small.dimension());
        assertTrue(embedder.dimension() <= rows.length, "dimension " + embedder.dimension());
    }

    @Test
    void textsSharingNothingStillEmbedAsOrthogonalRows() {
        CharNgramEmbedder e = CharNgramEmbedder.fit(List.of("rain", "নদী"), CharNgramEmbedder.Options.DEFAULTS
                .withTransliteration(false), 1);
        float[][] r = e.embed(List.of("rain", "নদী"));
        assertEquals(1.0, BilingualSet.cosine(r[0], r[0]), 1e-6);
        assertEquals(0.0, BilingualSet.cosine(r[0], r[1]), 1e-6);
    }

    @Test
    void combiningMarkSpellingsAndJoinersEmbedAlike() {
        // ো typed as U+09C7 U+09BE, with a ZWNJ inside, is the same word as precomposed U+09CB.
        String decomposed = "ত\u09C7\u09BE\u200Cমাকে ভালোবাসি";
        String composed = "তোমাকে ভালোবাসি";
        float[][] both = embedder.embed(List.of(decomposed, composed));
        assertArrayEquals(both[1], both[0]);
    }

    private double nearestNeighbourAccuracy(String queryForm, String candidateForm) {
        List<Line> lines = set.lines();
        int hits = 0;
        int total = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line q = lines.get(i);
            if (!q.form().equals(queryForm) || !q.inSong()) {
                continue;
            }
            int best = -1;
            double bestCos = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < lines.size(); j++) {
                if (j != i && lines.get(j).form().equals(candidateForm)) {
                    double c = BilingualSet.cosine(rows[i], rows[j]);
                    if (c > bestCos) {
                        bestCos = c;
                        best = j;
                    }
                }
            }
            total++;
            if (lines.get(best).song().equals(q.song())) {
                hits++;
            }
        }
        return hits / (double) total;
    }

    /** Mean cosine over pairs of distinct lines of the two forms that belong to different songs. */
    private double meanCosine(String formA, String formB) {
        List<Line> lines = set.lines();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            for (int j = 0; j < lines.size(); j++) {
                Line a = lines.get(i);
                Line b = lines.get(j);
                boolean unrelated = !a.inSong() || !b.inSong() ? i != j : !a.song().equals(b.song());
                if (unrelated && a.form().equals(formA) && b.form().equals(formB)) {
                    sum += BilingualSet.cosine(rows[i], rows[j]);
                    n++;
                }
            }
        }
        return sum / n;
    }

    /** Mean cosine between each line of formA and the same song's same-numbered line of formB. */
    private double sameLineCosine(float[][] r, String formA, String formB) {
        List<Line> lines = set.lines();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            for (int j = 0; j < lines.size(); j++) {
                Line a = lines.get(i);
                Line b = lines.get(j);
                if (a.inSong() && a.form().equals(formA) && b.form().equals(formB) && a.song().equals(b.song())
                        && a.number() == b.number()) {
                    sum += BilingualSet.cosine(r[i], r[j]);
                    n++;
                }
            }
        }
        return sum / n;
    }
}
