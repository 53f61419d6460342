package gaan.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gaan.data.Track;

class LyricsFeaturesTest {
    @TempDir
    Path dir;

    /** One track per song and form of the bilingual set, then the awkward cases. */
    private List<Track> collection() throws IOException {
        List<Track> tracks = new ArrayList<>();
        var bySongAndForm = BilingualSet.load().lines().stream().filter(BilingualSet.Line::inSong)
                .collect(Collectors.groupingBy(l -> l.song() + "-" + l.form(), java.util.TreeMap::new,
                        Collectors.mapping(BilingualSet.Line::text, Collectors.joining("\n"))));
        for (var e : bySongAndForm.entrySet()) {
            tracks.add(track(e.getKey(), write(e.getKey() + ".txt", e.getValue().getBytes(StandardCharsets.UTF_8))));
        }
        tracks.add(track("no-lyrics", null));
        tracks.add(track("empty", write("empty.txt", new byte[0])));
        tracks.add(track("gone", dir.resolve("gone.txt")));
        tracks.add(track("latin1", write("latin1.txt",
                "Café, my heart will dance tonight, señorita".getBytes(Charset.forName("ISO-8859-1")))));
        return tracks;
    }

    @Test
    void absentLyricsAreMaskedZeroRowsWithTheirReason() throws IOException {
        List<Track> tracks = collection();
        LyricsFeatures.Result r = LyricsFeatures.compute(tracks, EmbedderChoice.CharNgram.DEFAULT, 7);
        int n = tracks.size();
        assertEquals(n, r.embedding().length);
        assertEquals(19, r.presentCount());
        for (int i = 0; i < n; i++) {
            double norm = BilingualSet.cosine(r.embedding()[i], r.embedding()[i]);
            assertEquals(r.present()[i] ? 1.0 : 0.0, norm, 1e-5, tracks.get(i).id());
            assertEquals(r.present()[i], r.status().get(i) == LyricsStatus.OK, tracks.get(i).id());
        }
        assertEquals(List.of(LyricsStatus.MISSING, LyricsStatus.EMPTY, LyricsStatus.UNREADABLE, LyricsStatus.OK),
                r.status().subList(n - 4, n));
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("track gone: lyrics file") && w.contains("gone.txt")),
                r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("track latin1:") && w.contains("windows-1252")),
                r.warnings().toString());
        assertTrue(r.cacheKey().startsWith("charngram-lsa-v1;"), r.cacheKey());
    }

    @Test
    void languagesAreTaggedPerTrack() throws IOException {
        List<Track> tracks = collection();
        LyricsFeatures.Result r = LyricsFeatures.compute(tracks, EmbedderChoice.CharNgram.DEFAULT, 7);
        for (int i = 0; i < tracks.size(); i++) {
            String id = tracks.get(i).id();
            Language expected = id.endsWith("-en") || id.equals("latin1") ? Language.EN
                    : id.endsWith("-bn") || id.endsWith("-rom") ? Language.BN : Language.UNKNOWN;
            assertEquals(expected, r.languages().get(i), id);
        }
    }

    @Test
    void sameSeedGivesIdenticalEmbedding() throws IOException {
        List<Track> tracks = collection();
        LyricsFeatures.Result a = LyricsFeatures.compute(tracks, EmbedderChoice.CharNgram.DEFAULT, 7);
        LyricsFeatures.Result b = LyricsFeatures.compute(tracks, EmbedderChoice.CharNgram.DEFAULT, 7);
        for (int i = 0; i < tracks.size(); i++) {
            assertArrayEquals(a.embedding()[i], b.embedding()[i], tracks.get(i).id());
        }
        assertEquals(a.cacheKey(), b.cacheKey());
    }

    @Test
    void lyricsReadOnceGiveTheSameResultAsReadingThemHere() throws IOException {
        List<Track> tracks = collection();
        List<LyricsText> read = new ArrayList<>();
        for (Track t : tracks) {
            read.add(t.lyrics() == null ? null : LyricsReader.read(t.lyrics()));
        }
        LyricsFeatures.Result pre = LyricsFeatures.compute(tracks, read, EmbedderChoice.CharNgram.DEFAULT, 7);
        LyricsFeatures.Result here = LyricsFeatures.compute(tracks, EmbedderChoice.CharNgram.DEFAULT, 7);
        assertArrayEquals(here.embedding(), pre.embedding());
        assertEquals(here.status(), pre.status());
        assertEquals(here.languages(), pre.languages());
        assertEquals(here.warnings(), pre.warnings());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LyricsFeatures.compute(tracks, read.subList(1, read.size()), EmbedderChoice.CharNgram.DEFAULT, 7));
        assertTrue(e.getMessage().contains("lyrics read for " + tracks.size() + " tracks"), e.getMessage());
    }

    @Test
    void collectionWithoutLyricsGivesAnEmptyMatrixAndAWarning() {
        List<Track> tracks = List.of(track("a", null), track("b", null));
        LyricsFeatures.Result r = LyricsFeatures.compute(tracks, EmbedderChoice.CharNgram.DEFAULT, 7);
        assertEquals(2, r.embedding().length);
        assertEquals(0, r.embedding()[0].length);
        assertEquals(0, r.presentCount());
        assertTrue(r.warnings().get(0).startsWith("no track has readable lyrics"), r.warnings().toString());
    }

    @Test
    void onnxChoiceEmbedsPresentLyricsWithTheModel() throws IOException {
        Path model = Files.createDirectory(dir.resolve("minilm"));
        OnnxSentenceEmbedderTest.copyResource("/all-minilm-l6-v2-q.onnx", model.resolve("model.onnx"));
        OnnxSentenceEmbedderTest.copyResource("/all-minilm-l6-v2-q-tokenizer.json", model.resolve("tokenizer.json"));
        List<Track> tracks = List.of(
                track("rain", write("rain.txt", "The rain falls on the window all night".getBytes(StandardCharsets.UTF_8))),
                track("none", null));
        LyricsFeatures.Result r = LyricsFeatures.compute(tracks,
                new EmbedderChoice.Onnx(model, OnnxSentenceEmbedder.Options.DEFAULTS), 7);
        assertEquals(384, r.embedding()[0].length);
        assertArrayEquals(new boolean[] {true, false}, r.present());
        assertEquals("onnx-minilm", r.embedderName());
    }

    private Track track(String id, Path lyrics) {
        return new Track(id, dir.resolve(id + ".mp3"), lyrics, List.of(), null, null);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }
}
