package gaan.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import gaan.audio.AudioAnalyzer;
import gaan.audio.AudioDecoder;
import gaan.audio.AudioFeatureParams;
import gaan.audio.AudioFeatures;
import gaan.audio.DescriptorSummary;
import gaan.data.Collection;
import gaan.data.CollectionReader;
import gaan.data.Npy;
import gaan.testutil.Fixtures;
import gaan.testutil.Wav;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureExtractorTest {
    private static final AudioFeatureParams PARAMS = AudioFeatureParams.DEFAULTS;

    @TempDir
    Path dir;

    /** {@code n} tracks of 3.2 s (one full 128-frame patch) plus one of 1 s (padded). */
    private Path collection(String name, int n) {
        Path root = dir.resolve(name);
        for (int i = 0; i < n; i++) {
            Wav.write(root.resolve("audio/t" + i + ".wav"), Wav.tone(3.2, 22050, 110 * (i + 1), i), 22050, 1);
        }
        Wav.write(root.resolve("audio/short.wav"), Wav.tone(1.0, 22050, 440, 99), 22050, 1);
        return root;
    }

    private static ExtractionSummary extract(Path root, Path store, int threads) {
        return new FeatureExtractor(PARAMS, threads).extract(CollectionReader.read(root), store,
                ExtractionListener.NONE);
    }

    private static Map<String, byte[]> files(Path store) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(store)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                out.put(store.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), name);
        }
    }

    @Test
    void storeHoldsNumpyReadableMatricesInCollectionOrder() {
        Path root = collection("c", 3);
        Path store = dir.resolve("store");
        ExtractionSummary summary = extract(root, store, 2);
        assertEquals(4, summary.total());
        assertEquals(4, summary.extracted());

        Npy.Array mfcc = Npy.read(store.resolve("mfcc_summary.npy"));
        assertEquals("<f4", mfcc.dtype());
        assertArrayEquals(new int[] {4, 40}, mfcc.shape());
        Npy.Array patches = Npy.read(store.resolve("logmel_patch.npy"));
        assertEquals("<f4", patches.dtype());
        assertArrayEquals(new int[] {4, 128, 128}, patches.shape());
        Npy.Array mask = Npy.read(store.resolve("audio_mask.npy"));
        assertEquals("|b1", mask.dtype());

        FeatureStore fs = FeatureStore.at(store);
        List<TrackRow> rows = fs.tracks();
        assertEquals(List.of("short", "t0", "t1", "t2"), rows.stream().map(TrackRow::id).toList());
        assertTrue(rows.get(0).padded() && !rows.get(1).padded());
        assertEquals(3.2, rows.get(1).durationSeconds(), 1e-6);

        AudioFeatures t1 = new AudioAnalyzer(PARAMS).analyze(new AudioDecoder().decode(root.resolve("audio/t1.wav")));
        assertArrayEquals(t1.mfccSummary(), fs.matrix("mfcc_summary")[2]);
        assertArrayEquals(t1.logmelPatches()[0][77], fs.cube("logmel_patch")[2][77]);
        assertArrayEquals(t1.logmelPatches()[0][5], fs.patches()[2][0][5]);
    }

    @Test
    void storeHoldsEachTracksDescriptorVectorWithItsColumnNames() throws IOException {
        Path root = collection("c", 2);
        Files.copy(Fixtures.audio("corrupt_truncated.wav"), root.resolve("audio/bad.wav"));
        Path store = dir.resolve("store");
        extract(root, store, 2);

        FeatureStore fs = FeatureStore.at(store);
        List<String> names = fs.descriptorNames();
        assertEquals(DescriptorSummary.names(PARAMS), names);
        assertEquals(Files.readAllLines(store.resolve(FeatureStore.DESCRIPTOR_NAMES_TXT)), names);
        Npy.Array raw = Npy.read(store.resolve(FeatureStore.DESCRIPTORS + ".npy"));
        assertEquals("<f4", raw.dtype());
        assertArrayEquals(new int[] {4, names.size()}, raw.shape());
        float[][] descriptors = fs.matrix(FeatureStore.DESCRIPTORS);
        assertArrayEquals(new float[names.size()], descriptors[0], "the skipped track's row is zeros");
        AudioFeatures t1 = new AudioAnalyzer(PARAMS).analyze(new AudioDecoder().decode(root.resolve("audio/t1.wav")));
        assertArrayEquals(t1.descriptors(), descriptors[3]);
        // The MFCC columns are the MFCC summary, and the groups come in the documented order.
        assertArrayEquals(fs.matrix(FeatureStore.MFCC_SUMMARY)[3], java.util.Arrays.copyOf(descriptors[3], 40));
        List<String> prefixes = names.stream().map(n -> n.substring(0, n.indexOf('.'))).distinct().toList();
        assertEquals(List.of("mfcc", "dmfcc", "logmel", "spectral", "contrast", "chroma", "rhythm", "texture"), prefixes);
    }

    @Test
    void storeHoldsEachTracksSampledTimbreFramesMfccsThenContrast() {
        Path root = collection("c", 2);
        Path store = dir.resolve("store");
        extract(root, store, 2);

        Npy.Array raw = Npy.read(store.resolve(FeatureStore.TIMBRE_FRAMES + ".npy"));
        assertEquals("<f4", raw.dtype());
        assertArrayEquals(new int[] {3, AudioFeatureParams.FRAMES_PER_TRACK, 27}, raw.shape());
        float[] samples = new AudioDecoder().decode(root.resolve("audio/t1.wav"));
        float[][] mfcc = new AudioAnalyzer(PARAMS).spectra(samples).mfcc();
        float[][] contrast = new AudioAnalyzer(PARAMS).descriptors(samples).contrast();
        float[][][] frames = FeatureStore.at(store).cube(FeatureStore.TIMBRE_FRAMES);
        int last = mfcc[0].length - 1;
        for (int k = 0; k < 20; k++) {
            // Row 2: tracks are in id order (short, t0, t1).
            assertEquals(mfcc[k][0], frames[2][0][k], "the first frame, coefficient " + k);
            assertEquals(mfcc[k][last], frames[2][AudioFeatureParams.FRAMES_PER_TRACK - 1][k], "the last frame");
        }
        for (int b = 0; b < 7; b++) {
            assertEquals(contrast[b][0], frames[2][0][20 + b], "the first frame, contrast band " + b);
            assertEquals(contrast[b][last], frames[2][AudioFeatureParams.FRAMES_PER_TRACK - 1][20 + b], "the last frame");
        }
    }

    @Test
    void storeBytesDoNotDependOnTheThreadCount() throws IOException {
        Path root = collection("c", 5);
        extract(root, dir.resolve("one"), 1);
        extract(root, dir.resolve("two"), 2);
        assertSameFiles(files(dir.resolve("one")), files(dir.resolve("two")));
    }

    @Test
    void corruptTrackIsSkippedWithItsReasonAndTheRunCompletes() throws IOException {
        Path root = collection("c", 2);
        Files.copy(Fixtures.audio("corrupt_truncated.wav"), root.resolve("audio/bad.wav"));
        Path store = dir.resolve("store");
        ExtractionSummary summary = extract(root, store, 2);
        assertEquals(4, summary.total());
        assertEquals(3, summary.extracted());
        assertEquals(1, summary.skipped().size());
        assertEquals("bad", summary.skipped().get(0).id());
        assertTrue(summary.describe().contains("skipped bad: not a readable audio file"), summary.describe());

        FeatureStore fs = FeatureStore.at(store);
        TrackRow bad = fs.tracks().get(0);
        assertEquals(TrackRow.SKIPPED, bad.status());
        assertFalse(bad.reason().isEmpty());
        assertArrayEquals(new boolean[] {false, true, true, true}, fs.mask("audio_mask"));
        assertArrayEquals(new float[40], fs.matrix("mfcc_summary")[0]);
    }

    @Test
    void rerunReextractsOnlyTheChangedFile() throws IOException {
        Path root = collection("c", 3);
        Path store = dir.resolve("store");
        extract(root, store, 2);
        Map<String, byte[]> before = files(store);

        ExtractionSummary unchanged = extract(root, store, 2);
        assertEquals(0, unchanged.extracted());
        assertEquals(4, unchanged.cached());
        assertSameFiles(before, files(store));

        Path t1 = root.resolve("audio/t1.wav");
        Wav.write(t1, Wav.tone(3.2, 22050, 1000, 7), 22050, 1);
        Files.setLastModifiedTime(t1, FileTime.from(Files.getLastModifiedTime(t1).toMillis() + 5000,
                TimeUnit.MILLISECONDS));
        ExtractionSummary changed = extract(root, store, 2);
        assertEquals(1, changed.extracted());
        assertEquals(3, changed.cached());
        AudioFeatures fresh = new AudioAnalyzer(PARAMS).analyze(new AudioDecoder().decode(t1));
        assertArrayEquals(fresh.mfccSummary(), FeatureStore.at(store).matrix("mfcc_summary")[2]);
    }

    @Test
    void changedParametersReextractEverythingAndShapePatchesPerTrack() {
        Path root = collection("c", 1);
        Path store = dir.resolve("store");
        extract(root, store, 1);
        ExtractionSummary two = new FeatureExtractor(PARAMS.withPatchesPerTrack(2), 1)
                .extract(CollectionReader.read(root), store, ExtractionListener.NONE);
        assertEquals(2, two.extracted());
        assertArrayEquals(new int[] {2, 2, 128, 128}, Npy.read(store.resolve("logmel_patch.npy")).shape());
        float[][][][] all = FeatureStore.at(store).patches();
        assertEquals(2, all[1].length);
        // Streaming one track at a time gives the same patches, in row order.
        java.util.List<Integer> seen = new java.util.ArrayList<>();
        FeatureStore.at(store).forEachTrackPatches((patches, i) -> {
            seen.add(i);
            for (int p = 0; p < patches.length; p++) {
                for (int m = 0; m < patches[p].length; m++) {
                    assertArrayEquals(all[i][p][m], patches[p][m]);
                }
            }
        });
        assertEquals(java.util.List.of(0, 1), seen);
    }

    @Test
    void killedRunResumesWithoutRedoingFinishedTracks() throws Exception {
        Path root = collection("c", 7);
        Path store = dir.resolve("killed");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SlowExtraction.class.getName(),
                root.toString(), store.toString(), "300")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path cacheDir = store.resolve("cache");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (countResults(cacheDir) < 3 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        child.destroyForcibly().waitFor();
        int finished = countResults(cacheDir);
        assertTrue(finished >= 3 && finished < 8, "tracks finished before the kill: " + finished
                + "; child log: " + Files.readString(dir.resolve("child.log")));
        assertFalse(Files.exists(store.resolve("tracks.csv")), "the killed run never reached assembly");

        ExtractionSummary resumed = extract(root, store, 2);
        assertEquals(finished, resumed.cached());
        assertEquals(8 - finished, resumed.extracted());
        extract(root, dir.resolve("uninterrupted"), 2);
        assertSameFiles(files(dir.resolve("uninterrupted")), files(store));
    }

    private static int countResults(Path cacheDir) throws IOException {
        if (!Files.isDirectory(cacheDir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(cacheDir)) {
            return (int) s.filter(p -> p.toString().endsWith(".trk")).count();
        }
    }

    @Test
    void otherModalitiesArePutAndReadByName() {
        Path root = collection("c", 1);
        Path store = dir.resolve("store");
        extract(root, store, 1);
        FeatureStore fs = FeatureStore.at(store);
        float[][] emb = {{1f, 2f, 3f}, {4f, 5f, 6f}};
        fs.putMatrix("lyrics_embedding", emb);
        fs.putMask("lyrics_mask", new boolean[] {true, false});
        assertArrayEquals(emb[1], fs.matrix("lyrics_embedding")[1]);
        assertArrayEquals(new boolean[] {true, false}, fs.mask("lyrics_mask"));
        assertTrue(fs.features().containsAll(List.of("audio_mask", "logmel_patch", "lyrics_embedding", "mfcc_summary")));
        FeatureStoreException e = assertThrows(FeatureStoreException.class,
                () -> fs.putMatrix("genre_multihot", new float[3][2]));
        assertTrue(e.getMessage().contains("genre_multihot") && e.getMessage().contains("2 tracks"), e.getMessage());

        Npy.write(fs.file("stale"), new float[5][3]);
        e = assertThrows(FeatureStoreException.class, () -> fs.matrix("stale"));
        assertTrue(e.getMessage().contains("'stale' has 5 rows"), e.getMessage());
    }

    @Test
    void identicalFilesShareOneCachedResult() throws IOException {
        Path root = collection("c", 2);
        for (int i = 0; i < 3; i++) {
            Files.copy(root.resolve("audio/t0.wav"), root.resolve("audio/copy" + i + ".wav"));
        }
        Path store = dir.resolve("store");
        ExtractionSummary s = extract(root, store, 2);
        assertEquals(6, s.extracted() + s.cached());
        float[][] mfcc = FeatureStore.at(store).matrix("mfcc_summary");
        // Rows: copy0, copy1, copy2, short, t0, t1.
        assertArrayEquals(mfcc[4], mfcc[0]);
        assertArrayEquals(mfcc[4], mfcc[2]);
        assertEquals(3, countResults(store.resolve("cache")), "one result per distinct file: t0, t1, short");
    }

    @Test
    void collectionWithMissingFileSkipsIt() throws IOException {
        Path root = collection("c", 1);
        Files.writeString(root.resolve("tracks.csv"), "id,audio\nghost,audio/ghost.wav\nt0,audio/t0.wav\n");
        Collection c = CollectionReader.read(root);
        ExtractionSummary s = new FeatureExtractor(PARAMS, 1).extract(c, dir.resolve("store"), ExtractionListener.NONE);
        assertEquals(1, s.extracted());
        assertEquals("no such file", s.skipped().get(0).reason());
    }

    @Test
    void aRewriteKeepingSizeAndModificationTimeIsSeen() throws IOException {
        Path root = collection("c", 2);
        Path store = dir.resolve("store");
        extract(root, store, 2);
        Path t1 = root.resolve("audio/t1.wav");
        FileTime mtime = Files.getLastModifiedTime(t1);
        long size = Files.size(t1);
        Wav.write(t1, Wav.tone(3.2, 22050, 1000, 7), 22050, 1);
        Files.setLastModifiedTime(t1, mtime);
        assertEquals(size, Files.size(t1));
        ExtractionSummary changed = extract(root, store, 2);
        assertEquals(1, changed.extracted());
        AudioFeatures fresh = new AudioAnalyzer(PARAMS).analyze(new AudioDecoder().decode(t1));
        assertArrayEquals(fresh.mfccSummary(), FeatureStore.at(store).matrix("mfcc_summary")[2]);
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aFileThatIsNotARegularFileIsSkippedNotReadForever() throws Exception {
        Path root = collection("c", 1);
        Path fifo = root.resolve("audio/pipe.wav");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Files.writeString(root.resolve("tracks.csv"), "id,audio\nt0,audio/t0.wav\npipe,audio/pipe.wav\n");
        ExtractionSummary summary = extract(root, dir.resolve("store"), 2);
        assertEquals(List.of("pipe"), summary.skipped().stream().map(TrackOutcome::id).toList());
        assertTrue(summary.skipped().get(0).reason().contains("not a regular file"), summary.describe());
    }

    @Test
    void aFloatFileWithNanOrInfiniteSamplesIsSkipped() throws IOException {
        Path root = collection("c", 1);
        float[] samples = Wav.tone(2.0, 22050, 220, 3);
        for (int i = 0; i < samples.length; i += 7) {
            samples[i] = i % 2 == 0 ? Float.NaN : Float.POSITIVE_INFINITY;
        }
        writeFloatWav(root.resolve("audio/nan.wav"), samples);
        float[] allNan = new float[22050];
        java.util.Arrays.fill(allNan, Float.NaN);
        writeFloatWav(root.resolve("audio/silent_nan.wav"), allNan);
        ExtractionSummary summary = extract(root, dir.resolve("store"), 2);
        assertEquals(List.of("nan", "silent_nan"), summary.skipped().stream().map(TrackOutcome::id).toList());
        assertTrue(summary.skipped().get(0).reason().contains("NaN or infinite"), summary.describe());
    }

    /** Mono IEEE float32 WAV (format 3), values written as they are. */
    private static void writeFloatWav(Path file, float[] samples) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + 4 * samples.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 4 * samples.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 3).putShort((short) 1).putInt(22050)
                .putInt(22050 * 4).putShort((short) 4).putShort((short) 32);
        b.put("data".getBytes()).putInt(4 * samples.length);
        for (float v : samples) {
            b.putFloat(v);
        }
        Files.write(file, b.array());
    }

    /** A 16-bit mono WAV of {@code seconds} whose file is cut after {@code keptSeconds} of its data. */
    private static Path truncatedWav(Path file, double seconds, double keptSeconds) throws IOException {
        Wav.write(file, Wav.tone(seconds, 22050, 330, 5), 22050, 1);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, 44 + 2 * (int) Math.round(keptSeconds * 22050)));
        return file;
    }

    @Test
    void truncatedFileIsUsedAndFlaggedWhenLongEnoughAndSkippedWithBothLengthsWhenShorter() throws IOException {
        Path root = collection("c", 1);
        truncatedWav(root.resolve("audio/cut.wav"), 3.2, 2.0);
        truncatedWav(root.resolve("audio/stub.wav"), 3.2, 0.5);
        // Any shortfall counts: 100 samples missing of 3.2 s (once used silently).
        truncatedWav(root.resolve("audio/nearly.wav"), 3.2, 3.2 - 100 / 22050.0);
        Path store = dir.resolve("store");
        ExtractionSummary s = new FeatureExtractor(PARAMS, new TrackLimits(1.0, Long.MAX_VALUE), 2)
                .extract(CollectionReader.read(root), store, ExtractionListener.NONE);

        assertEquals(List.of("cut", "nearly"), s.truncated().stream().map(TrackOutcome::id).toList());
        assertEquals(List.of("stub"), s.skipped().stream().map(TrackOutcome::id).toList());
        assertTrue(s.skipped().get(0).truncated());
        assertEquals("truncated: the header declares 3.200 s of audio but the file holds 0.500 s, shorter than the"
                + " minimum of 1.000 s (features.minSeconds, --min-seconds)", s.skipped().get(0).reason());
        assertTrue(s.describe().contains("2 truncated (used)")
                && s.describe().contains("used cut although truncated: the header declares 3.200 s of audio but the"
                + " file holds 2.000 s"), s.describe());

        List<TrackRow> rows = FeatureStore.at(store).tracks();
        // Rows: cut, nearly, short, stub, t0.
        TrackRow cut = rows.get(0);
        assertTrue(cut.ok() && cut.truncated(), cut.toString());
        assertEquals(2.0, cut.durationSeconds(), 1e-6);
        assertTrue(rows.get(1).ok() && rows.get(1).truncated());
        assertFalse(rows.get(2).truncated());
        assertTrue(!rows.get(3).ok() && rows.get(3).truncated() && rows.get(3).reason().contains("0.500 s"));
        assertArrayEquals(new boolean[] {true, true, true, false, true}, FeatureStore.at(store).mask("audio_mask"));
        // What the file holds is analysed: the first 2 s of the tone, as a whole file of them gives.
        Path whole = Wav.write(dir.resolve("head.wav"), java.util.Arrays.copyOf(Wav.tone(3.2, 22050, 330, 5), 44100),
                22050, 1);
        AudioFeatures head = new AudioAnalyzer(PARAMS).analyze(new AudioDecoder().decode(whole));
        assertArrayEquals(head.mfccSummary(), FeatureStore.at(store).matrix("mfcc_summary")[0]);
    }

    @Test
    void aHeaderDeclaringGigabytesThatAreNotThereIsReadAsTruncatedNotReserved() throws IOException {
        Path root = collection("c", 1);
        Path liar = Wav.write(root.resolve("audio/liar.wav"), Wav.tone(1.5, 22050, 330, 5), 22050, 1);
        byte[] b = Files.readAllBytes(liar);
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4, 0x7FFFFFF0).putInt(40, 0x7FFFFFC0);
        Files.write(liar, b);
        ExtractionSummary s = new FeatureExtractor(PARAMS, new TrackLimits(1.0, Long.MAX_VALUE), 1)
                .extract(CollectionReader.read(root), dir.resolve("store"), ExtractionListener.NONE);
        assertEquals(List.of(), s.skipped(), s.describe());
        assertEquals(List.of("liar"), s.truncated().stream().map(TrackOutcome::id).toList());
        assertEquals(1.5, FeatureStore.at(dir.resolve("store")).tracks().get(0).durationSeconds(), 1e-3);
    }

    @Test
    void theMinimumLengthDecidesWhichTracksAreInWithoutReextracting() {
        Path root = collection("c", 2);
        Path store = dir.resolve("store");
        ExtractionSummary strict = new FeatureExtractor(PARAMS, new TrackLimits(1.5, Long.MAX_VALUE), 2)
                .extract(CollectionReader.read(root), store, ExtractionListener.NONE);
        assertEquals(List.of("short"), strict.skipped().stream().map(TrackOutcome::id).toList());
        assertEquals("1.000 s of audio, shorter than the minimum of 1.500 s (features.minSeconds, --min-seconds)",
                strict.skipped().get(0).reason());
        assertFalse(strict.skipped().get(0).truncated());
        assertArrayEquals(new float[40], FeatureStore.at(store).matrix("mfcc_summary")[0]);

        ExtractionSummary lenient = new FeatureExtractor(PARAMS, new TrackLimits(0.5, Long.MAX_VALUE), 2)
                .extract(CollectionReader.read(root), store, ExtractionListener.NONE);
        assertEquals(List.of(), lenient.skipped());
        assertEquals(3, lenient.cached(), "the short track's result was kept in the cache");
        assertTrue(FeatureStore.at(store).tracks().get(0).ok());
        assertFalse(java.util.Arrays.equals(new float[40], FeatureStore.at(store).matrix("mfcc_summary")[0]));
    }

    @Test
    void audioAboveTheSizeLimitIsSkippedNamingTheLimit() {
        Path root = collection("c", 1);
        ExtractionSummary s = new FeatureExtractor(PARAMS, new TrackLimits(0, 100_000), 1)
                .extract(CollectionReader.read(root), dir.resolve("store"), ExtractionListener.NONE);
        // t0 (3.2 s, 141 KB) is above the limit; short (1 s, 44 KB) is below.
        assertEquals(List.of("t0"), s.skipped().stream().map(TrackOutcome::id).toList());
        assertTrue(s.skipped().get(0).reason().contains("above the limit of 100000 bytes (features.maxAudioBytes)"),
                s.describe());
    }

    @Test
    void outOfMemoryOnOneFileSkipsItAndTheOthersFinish() {
        Path root = collection("c", 3);
        AudioDecoder real = new AudioDecoder();
        FeatureExtractor.Decoding failingOnT1 = (file, offset, duration) -> {
            if (file.getFileName().toString().equals("t1.wav")) {
                throw new OutOfMemoryError("Java heap space");
            }
            return real.load(file, offset, duration);
        };
        Path store = dir.resolve("store");
        ExtractionSummary s = new FeatureExtractor(PARAMS, TrackLimits.NONE, 2, failingOnT1)
                .extract(CollectionReader.read(root), store, ExtractionListener.NONE);
        assertEquals(3, s.extracted());
        assertEquals(List.of("t1"), s.skipped().stream().map(TrackOutcome::id).toList());
        TrackRow t1 = FeatureStore.at(store).tracks().get(2);
        assertEquals("audio/t1.wav", t1.audio());
        assertTrue(!t1.ok() && t1.reason().startsWith("out of memory decoding this file"), t1.toString());
        assertArrayEquals(new boolean[] {true, true, false, true}, FeatureStore.at(store).mask("audio_mask"));
        // Not the file's fault: the next run tries it again.
        assertEquals(1, extract(root, store, 2).extracted());
    }
}
