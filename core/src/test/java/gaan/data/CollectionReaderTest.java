package gaan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectionReaderTest {
    @TempDir
    Path dir;

    private void touch(String rel) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {1});
    }

    @Test
    void readsConventionalLayoutWithMultiGenresAndMissingLyrics() throws Exception {
        touch("audio/b.mp3");
        touch("audio/a.wav");
        touch("audio/notes.md");
        Files.createDirectories(dir.resolve("lyrics"));
        Files.writeString(dir.resolve("lyrics/a.txt"), "ami tomake bhalobashi");
        Files.writeString(dir.resolve("genres.csv"), "id,genres\na,Rock|Pop\nb,folk\nghost,jazz\n");

        Collection c = CollectionReader.read(dir);
        assertEquals(List.of("a", "b"), c.tracks().stream().map(Track::id).toList());
        Track a = c.tracks().get(0);
        assertEquals(List.of("rock", "pop"), a.genres());
        assertEquals("rock", a.evaluationLabel());
        assertNull(c.tracks().get(1).lyrics(), "b has no lyrics file: recorded as missing");
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("ghost")), c.warnings().toString());

        GenreVocabulary vocab = GenreVocabulary.of(c);
        assertEquals(List.of("folk", "pop", "rock"), vocab.genres());
        float[][] hot = vocab.multiHot(c.tracks());
        assertArrayEquals(new float[] {0f, 1f, 1f}, hot[0]);
        assertArrayEquals(new float[] {1f, 0f, 0f}, hot[1]);
    }

    @Test
    void acceptsSeedProjectFolderNames() throws Exception {
        touch("Audio/x.flac");
        Files.writeString(dir.resolve("genre.csv"), "id,genre\nx,Jazz\n");
        Collection c = CollectionReader.read(dir);
        assertEquals(List.of("jazz"), c.tracks().get(0).genres());
    }

    @Test
    void tracksCsvDuplicateIdsAndMissingLyricsBecomeWarnings() throws Exception {
        Files.writeString(dir.resolve("tracks.csv"), String.join("\n",
                "id,audio,lyrics,genres,language,label",
                "t1,audio/t1.wav,lyrics/t1.txt,pop,en,pop",
                "t1,audio/other.wav,,rock,,rock",
                "t2,audio/t2.wav,,rock|pop,bn,rock", ""));
        Collection c = CollectionReader.read(dir);
        assertEquals(2, c.size());
        assertEquals(dir.resolve("audio/t1.wav"), c.tracks().get(0).audio());
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("duplicate id 't1'") && w.contains("line")));
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("t1.txt") && w.contains("does not exist")));
        assertEquals("bn", c.tracks().get(1).language());
        LabelCoding labels = c.labels();
        assertEquals(List.of("pop", "rock"), labels.names());
        assertArrayEquals(new int[] {0, 1}, labels.codes());
    }

    /** A music library as people keep one: audio files in nested folders, no audio/, no tracks.csv. */
    @Test
    void aFolderOfMusicInSubfoldersIsACollectionWithPathsAsIds() throws Exception {
        touch("Artist/Album One/01 Intro.mp3");
        touch("Artist/Album One/02 Song.flac");
        touch("Artist/Album One/cover.jpg");
        touch("loose.WAV");
        touch(".gaan/features/cache/x.wav");
        touch("Artist/._01 Intro.mp3");
        Path outside = Files.createTempFile("outside", ".wav");
        Files.createSymbolicLink(dir.resolve("Artist/linked.wav"), outside);
        Collection c;
        try {
            c = CollectionReader.read(dir);
        } finally {
            Files.delete(outside);
        }
        assertEquals(List.of("Artist/Album One/01 Intro", "Artist/Album One/02 Song", "loose"),
                c.tracks().stream().map(Track::id).toList());
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("linked.wav") && w.contains("skipped")), c.warnings()
                .toString());
        assertEquals(dir.resolve("Artist/Album One/02 Song.flac").toAbsolutePath(), c.tracks().get(1).audio());
        assertNull(c.tracks().get(0).lyrics());
        assertTrue(c.tracks().get(0).genres().isEmpty());
    }

    @Test
    void aFolderWithoutAnyAudioSaysWhereAudioIsLookedFor() throws Exception {
        touch("notes/readme.txt");
        CollectionException e = assertThrows(CollectionException.class, () -> CollectionReader.read(dir));
        assertTrue(e.getMessage().contains("in audio/ or in any subfolder") && e.getMessage().contains("tracks.csv")
                && e.getMessage().contains("mp3"), e.getMessage());
    }

    @Test
    void emptyFolderAndBadCsvStopWithMessagesNamingThem() throws Exception {
        CollectionException e = assertThrows(CollectionException.class, () -> CollectionReader.read(dir));
        assertTrue(e.getMessage().contains(dir.toString()));

        Files.write(dir.resolve("tracks.csv"), new byte[] {'i', 'd', '\n', (byte) 0xff, (byte) 0xfe, 'x', '\n'});
        e = assertThrows(CollectionException.class, () -> CollectionReader.read(dir));
        assertTrue(e.getMessage().contains("tracks.csv") && e.getMessage().contains("UTF-8"), e.getMessage());

        Files.writeString(dir.resolve("tracks.csv"), "name,audio\nx,y.wav\n");
        e = assertThrows(CollectionException.class, () -> CollectionReader.read(dir));
        assertTrue(e.getMessage().contains("missing column 'id'"), e.getMessage());
    }

    @Test
    void unknownGenreIsAnErrorNamingTrackAndGenre() {
        Track t = new Track("song7", dir.resolve("a.wav"), null, List.of("zydeco"), null, null);
        CollectionException e = assertThrows(CollectionException.class,
                () -> GenreVocabulary.of(List.of("pop")).multiHot(List.of(t)));
        assertTrue(e.getMessage().contains("song7") && e.getMessage().contains("zydeco"));
    }

    @Test
    void pathsLeadingOutsideTheCollectionAreRefusedUnlessAllowed() throws Exception {
        Path c = Files.createDirectories(dir.resolve("c"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.write(elsewhere.resolve("x.wav"), new byte[] {1});
        Files.writeString(elsewhere.resolve("words.txt"), "secret words");
        Files.createDirectories(c.resolve("audio"));
        Files.write(c.resolve("audio/in.wav"), new byte[] {1});
        Files.createSymbolicLink(c.resolve("audio/link.wav"), elsewhere.resolve("x.wav"));
        Files.writeString(c.resolve("tracks.csv"), "id,audio,lyrics\n"
                + "a,audio/in.wav,../elsewhere/words.txt\n"
                + "b,../elsewhere/x.wav,\n"
                + "c,audio/link.wav,\n"
                + "d,/etc/passwd,\n");
        Collection read = CollectionReader.read(c);
        assertEquals(List.of("a"), read.tracks().stream().map(Track::id).toList());
        assertNull(read.tracks().get(0).lyrics(), "lyrics outside the collection are not read");
        assertTrue(read.warnings().stream().anyMatch(w -> w.contains("line 4") && w.contains("'c'")
                && w.contains("outside the collection")), read.warnings().toString());

        Collection allowed = CollectionReader.read(c, List.of(elsewhere));
        assertEquals(List.of("a", "b", "c"), allowed.tracks().stream().map(Track::id).toList());
        assertTrue(allowed.tracks().get(0).lyrics() != null);
    }

    @Test
    void idsWithControlCharactersAreRejectedNamingTheLine() throws Exception {
        touch("audio/a.wav");
        Files.writeString(dir.resolve("tracks.csv"), "id,audio\n\"x\ny\",audio/a.wav\n\"t\tab\",audio/a.wav\nok,audio/a.wav\n");
        Collection c = CollectionReader.read(dir);
        assertEquals(List.of("ok"), c.tracks().stream().map(Track::id).toList());
        assertTrue(c.warnings().stream().filter(w -> w.contains("control character")).count() == 2,
                c.warnings().toString());
    }

    @Test
    void aByteOrderMarkIsAcceptedAndWarningsNameTheFileLine() throws Exception {
        touch("audio/a.wav");
        Files.write(dir.resolve("tracks.csv"), ("\uFEFFid,audio\na,audio/a.wav\n,audio/a.wav\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Collection c = CollectionReader.read(dir);
        assertEquals(List.of("a"), c.tracks().stream().map(Track::id).toList());
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("line 3: empty id")), c.warnings().toString());
    }
}
