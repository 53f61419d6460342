package gaan.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gaan.data.synth.Lyrics;

class DemoCorpusTest {
    @TempDir
    Path tmp;

    private static Map<String, String> hashes(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                out.put(root.relativize(p).toString(), HexFormat.of().formatHex(digest));
            }
        }
        return out;
    }

    @Test
    void sameOptionsGiveByteIdenticalFilesAndAnotherSeedOtherAudio() throws Exception {
        DemoCorpus.Options options = new DemoCorpus.Options(14, 1.0, 7, 5);
        DemoCorpus.write(tmp.resolve("a"), options);
        DemoCorpus.write(tmp.resolve("b"), options);
        DemoCorpus.write(tmp.resolve("c"), new DemoCorpus.Options(14, 1.0, 7, 6));
        Map<String, String> a = hashes(tmp.resolve("a"));
        assertEquals(14 + 13 + 3, a.size(), "14 wav, 13 lyrics (one track has none), 2 csv, demo.json: " + a.keySet());
        assertEquals(a, hashes(tmp.resolve("b")));
        Map<String, String> c = hashes(tmp.resolve("c"));
        for (int i = 0; i < 14; i++) {
            String wav = "audio" + File.separator + String.format("track_%03d.wav", i);
            assertNotEquals(a.get(wav), c.get(wav), wav + " should change with the seed");
        }
    }

    @Test
    void collectionReaderReadsTheDemoWithAllGenresLanguagesAndMissingModalities() throws Exception {
        DemoCorpus.Summary summary = DemoCorpus.write(tmp, new DemoCorpus.Options(40, 0.5, 6, 42));
        Collection c = CollectionReader.read(tmp);

        assertEquals(40, c.size());
        assertEquals(List.of(), c.warnings());
        assertEquals(List.of("rock", "pop", "folk", "electronic", "classical", "hiphop"), summary.genres());
        Map<String, Long> perLabel = c.tracks().stream()
                .collect(Collectors.groupingBy(Track::evaluationLabel, Collectors.counting()));
        assertEquals(Set.copyOf(summary.genres()), perLabel.keySet());
        assertTrue(perLabel.values().stream().allMatch(n -> n == 6 || n == 7), "balanced genres: " + perLabel);
        for (Track t : c.tracks()) {
            assertEquals(t.genres().get(0), t.label(), t.id() + ": label is the primary genre");
            assertTrue(Files.isRegularFile(t.audio()), t.id());
            assertTrue(t.id().matches("track_\\d{3}"), t.id());
        }

        assertEquals(4, c.tracks().stream().filter(t -> t.lyrics() == null).count(), "10 % without lyrics");
        assertTrue(c.tracks().stream().filter(t -> t.lyrics() == null).allMatch(t -> t.language() == null));
        assertEquals(10, c.tracks().stream().filter(t -> t.genres().size() == 2).count(), "25 % with two genres");
        assertEquals(summary.withTwoGenres(), 10);
        float[][] hot = GenreVocabulary.of(c).multiHot(c.tracks());
        double ones = 0;
        for (float[] row : hot) {
            for (float v : row) {
                ones += v;
            }
        }
        assertEquals(40 + 10, ones, "multi-hot: one primary genre each, ten second genres");

        Map<String, Long> languages = c.tracks().stream().filter(t -> t.language() != null)
                .collect(Collectors.groupingBy(Track::language, Collectors.counting()));
        assertEquals(Map.of("en", 14L, "bn", 14L, "mixed", 8L), languages);
        for (Track t : c.tracks()) {
            if (t.lyrics() == null) {
                continue;
            }
            String text = Files.readString(t.lyrics(), StandardCharsets.UTF_8);
            long lines = text.lines().count();
            assertTrue(lines >= 4 && lines <= 8, t.id() + " has " + lines + " lines");
            boolean bengali = Lyrics.hasBengali(text);
            boolean latin = text.codePoints().anyMatch(ch -> ch >= 'a' && ch <= 'z');
            switch (t.language()) {
                case "en" -> assertTrue(latin && !bengali, t.id() + " en: " + text);
                case "bn" -> assertTrue(bengali && !latin, t.id() + " bn: " + text);
                case "mixed" -> assertTrue(bengali && latin, t.id() + " mixed: " + text);
                default -> throw new AssertionError(t.id() + ": language " + t.language());
            }
        }
    }

    @Test
    void wavFilesAreMono16Bit22050HzOfExactLengthUnclippedAndAudible() throws Exception {
        double seconds = 1.3;
        DemoCorpus.write(tmp, new DemoCorpus.Options(8, seconds, 8, 3));
        try (Stream<Path> files = Files.list(tmp.resolve("audio"))) {
            List<Path> wavs = files.sorted().toList();
            assertEquals(8, wavs.size());
            for (Path wav : wavs) {
                AudioFileFormat file = AudioSystem.getAudioFileFormat(wav.toFile());
                AudioFormat f = file.getFormat();
                assertEquals(AudioFileFormat.Type.WAVE, file.getType());
                assertEquals(AudioFormat.Encoding.PCM_SIGNED, f.getEncoding());
                assertEquals(22050f, f.getSampleRate());
                assertEquals(1, f.getChannels());
                assertEquals(16, f.getSampleSizeInBits());
                assertFalse(f.isBigEndian());
                assertEquals(Math.round(seconds * 22050), file.getFrameLength(), wav.toString());
                short[] pcm = pcm(wav);
                int peak = 0;
                double energy = 0;
                for (short s : pcm) {
                    peak = Math.max(peak, Math.abs(s));
                    energy += (double) s * s;
                }
                double rms = Math.sqrt(energy / pcm.length);
                assertTrue(peak < 32000, wav + " clips: peak " + peak);
                assertTrue(peak > 16000, wav + " is normalised to a healthy peak, got " + peak);
                assertTrue(rms > 800, wav + " is nearly silent: rms " + rms);
            }
        }
    }

    static short[] pcm(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            byte[] b = in.readAllBytes();
            short[] out = new short[b.length / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8));
            }
            return out;
        }
    }

    @Test
    void optionsRejectValuesOutOfRangeNamingTheField() {
        int all = DemoCorpus.availableGenres().size();
        assertEquals(8, all);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DemoCorpus.Options(10, 1, 1, 0))
                .getMessage().startsWith("genres"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DemoCorpus.Options(10, 1, all + 1, 0))
                .getMessage().startsWith("genres"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DemoCorpus.Options(5, 1, 6, 0))
                .getMessage().startsWith("tracks"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DemoCorpus.Options(10, 0, 6, 0))
                .getMessage().startsWith("seconds"));
        assertEquals(new DemoCorpus.Options(120, 10, 6, 42), DemoCorpus.Options.DEFAULT);
    }

    @Test
    void refusesAForeignFolderAndRegeneratesAnEarlierDemoWithoutStaleTracks() throws Exception {
        Path foreign = Files.createDirectories(tmp.resolve("music"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        CollectionException e = assertThrows(CollectionException.class,
                () -> DemoCorpus.write(foreign, new DemoCorpus.Options(6, 0.2, 6, 1)));
        assertTrue(e.getMessage().contains(foreign.toString()), e.getMessage());
        assertEquals(List.of("notes.txt"), List.of(foreign.toFile().list()));

        Path demo = tmp.resolve("demo");
        DemoCorpus.Options twelve = new DemoCorpus.Options(12, 0.2, 6, 1);
        DemoCorpus.Options seven = new DemoCorpus.Options(7, 0.2, 6, 1);
        assertFalse(DemoCorpus.isWritten(demo, twelve));
        DemoCorpus.write(demo, twelve);
        assertTrue(DemoCorpus.isWritten(demo, twelve));
        assertFalse(DemoCorpus.isWritten(demo, seven));
        DemoCorpus.write(demo, seven);
        assertTrue(DemoCorpus.isWritten(demo, seven));
        assertFalse(DemoCorpus.isWritten(demo, twelve));
        assertEquals(7, demo.resolve("audio").toFile().list().length);
        assertEquals(6, demo.resolve("lyrics").toFile().list().length);
        assertEquals(7, CollectionReader.read(demo).size());
        assertFalse(DemoCorpus.isWritten(foreign, seven));
    }

    @Test
    void anInterruptedDemoIsNotTakenAsWrittenButCanBeReplaced() throws Exception {
        DemoCorpus.Options options = new DemoCorpus.Options(6, 0.2, 6, 1);
        DemoCorpus.write(tmp, options);
        Path marker = tmp.resolve("demo.json");
        Files.writeString(marker, Files.readString(marker).replace("\"complete\": true", "\"complete\": false"));
        assertFalse(DemoCorpus.isWritten(tmp, options));
        DemoCorpus.write(tmp, options);
        assertTrue(DemoCorpus.isWritten(tmp, options));
    }
}
