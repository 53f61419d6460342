package gaan.features;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import gaan.data.Npy;
import gaan.data.OwnedFolder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A feature store: one folder holding {@code tracks.csv} (one {@link TrackRow} per track, in the
 * collection's order: sorted by id) and one {@code .npy} file per feature whose first axis is
 * that row order. numpy opens every file as is. Files written by the audio extractor:
 * <ul>
 *   <li>{@code mfcc_summary.npy}: float32 {@code (N, 40)}, MFCC means then standard deviations;</li>
 *   <li>{@code logmel_patch.npy}: float32 {@code (N, 128, 128)} (bands × frames, dB) with one
 *       patch per track, {@code (N, P, 128, 128)} with P patches per track;</li>
 *   <li>{@code timbre_frames.npy}: float32 {@code (N, F, nMfcc + 7)}, F = 512 frames spread evenly over
 *       each track ({@code gaan.audio.AudioFeatureParams#FRAMES_PER_TRACK}), each its MFCCs then its 7
 *       spectral-contrast bands ({@code gaan.audio.TimbreFrames});</li>
 *   <li>{@code descriptors.npy}: float32 {@code (N, D)}, the MIR descriptor vector
 *       ({@link gaan.audio.DescriptorSummary}), whose column names are the lines of
 *       {@code descriptor_names.txt};</li>
 *   <li>{@code audio_mask.npy}: bool {@code (N,)}, false for skipped tracks, whose rows are zeros;</li>
 *   <li>{@code cache/}: per-track results keyed by content hash and parameters, for resuming.</li>
 * </ul>
 * Files the feature pipeline adds beside them (every name is a constant or method here):
 * <ul>
 *   <li>{@code genre_multihot.npy}: float32 {@code (N, G)}, and {@code genre_mask.npy}: bool {@code (N,)};</li>
 *   <li>{@code lyrics_embedding.npy}: float32 {@code (N, D)}, and {@code lyrics_mask.npy}: bool {@code (N,)};</li>
 *   <li>{@code lyrics.csv}: per track, in row order, {@code id, lyrics_status} (ok, missing, empty,
 *       unreadable), {@code tagged_language} (from the text) and {@code language} (declared in
 *       tracks.csv, else tagged) — the language plots and cluster compositions use;</li>
 *   <li>{@code latent_<name>.npy}: float32 {@code (N, latent)}, a VAE's latent means written by
 *       {@code gaan train}, zero where a track was not encoded, with {@code latent_<name>_mask.npy}.</li>
 * </ul>
 * Other stages add their features with {@link #putMatrix} and {@link #putMask}. Every write goes
 * to a temporary file moved into place, so a reader never sees half a file.
 */
public final class FeatureStore {
    public static final String TRACKS_CSV = "tracks.csv";
    public static final String MFCC_SUMMARY = "mfcc_summary";
    public static final String LOGMEL_PATCH = "logmel_patch";
    public static final String AUDIO_MASK = "audio_mask";
    public static final String TIMBRE_FRAMES = "timbre_frames";
    public static final String DESCRIPTORS = "descriptors";
    /** The column names of {@link #DESCRIPTORS}, one a line. */
    public static final String DESCRIPTOR_NAMES_TXT = "descriptor_names.txt";
    public static final String GENRE_MULTIHOT = "genre_multihot";
    public static final String GENRE_MASK = "genre_mask";
    public static final String LYRICS_EMBEDDING = "lyrics_embedding";
    public static final String LYRICS_MASK = "lyrics_mask";
    public static final String LYRICS_TABLE = "lyrics.csv";
    /** Columns of {@link #LYRICS_TABLE}. */
    public static final String[] LYRICS_COLUMNS = {"id", "lyrics_status", "tagged_language", "language"};

    static final String[] COLUMNS = {"row", "id", "audio", "size", "mtime_ns", "sha1", "params_key", "status",
        "reason", "duration_s", "padded", "truncated"};
    /** The columns of {@link #COLUMNS} a store index has had since before manifests (it gained others since). */
    private static final int FIRST_COLUMNS = 11;

    /**
     * Present while the store's files are being rewritten: a run stopped between two files leaves
     * it behind, and readers then refuse the store rather than hand out rows that do not line up.
     */
    static final String REWRITING = ".rewriting";

    private final Path dir;

    private FeatureStore(Path dir) {
        this.dir = dir;
    }

    /** The store a collection uses when none is named: {@code COLLECTION/.gaan/features}. */
    public static Path defaultDir(Path collection) {
        return collection.resolve(".gaan").resolve("features");
    }

    /** The store in {@code dir}, or the collection's default store when {@code dir} is null. */
    public static FeatureStore of(Path dir, Path collection) {
        return at(dir != null ? dir : defaultDir(collection));
    }

    /** The feature holding the latent means of the VAE {@code name}. */
    public static String latent(String name) {
        return "latent_" + name;
    }

    /** The mask of {@link #latent}: which tracks were encoded. */
    public static String latentMask(String name) {
        return latent(name) + "_mask";
    }

    /** The store in {@code dir} (which need not exist yet). */
    public static FeatureStore at(Path dir) {
        return new FeatureStore(dir.toAbsolutePath().normalize());
    }

    /**
     * Locks the store folder for writing. It must not hold the collection, and must be new, empty
     * or a gaan store already (its manifest, or a {@code tracks.csv} with gaan's columns from
     * before manifests): a folder of other files (a collection's own {@code tracks.csv}) is refused.
     */
    public static OwnedFolder lock(Path storeDir, Path collectionRoot) {
        OwnedFolder.requireOutside(storeDir, "feature store", collectionRoot);
        OwnedFolder folder = OwnedFolder.lock(storeDir, "feature store");
        if (!folder.wrote(TRACKS_CSV)) {
            if (!folder.isEmpty() && !hasStoreIndex(folder.dir())) {
                folder.close();
                throw new FeatureStoreException(folder.dir() + " holds files gaan did not write (it is not a"
                        + " feature store); choose an empty folder or an existing store for --store/--out");
            }
            folder.record(java.util.List.of(TRACKS_CSV));
        }
        return folder;
    }

    /** Whether {@code dir} holds a tracks.csv with the columns gaan writes. */
    private static boolean hasStoreIndex(Path dir) {
        Path csv = dir.resolve(TRACKS_CSV);
        try (var lines = Files.lines(csv)) {
            return lines.findFirst().orElse("").startsWith(String.join(",",
                    java.util.Arrays.copyOf(COLUMNS, FIRST_COLUMNS)));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    public Path dir() {
        return dir;
    }

    public Path file(String feature) {
        return dir.resolve(feature + ".npy");
    }

    public boolean has(String feature) {
        return Files.isRegularFile(file(feature));
    }

    /**
     * Marks the store as being rewritten, unless it already is by this writer.
     *
     * @return whether this call set the mark (and so {@link #endRewrite} is the caller's to call)
     */
    public boolean beginRewrite() {
        Path mark = dir.resolve(REWRITING);
        if (Files.exists(mark) && OwnedFolder.isLocked(dir)) {
            return false;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(mark, ProcessHandle.current().pid() + "\n");
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + mark + ": " + e.getMessage(), e);
        }
    }

    /** Every file of the store has been rewritten: they line up again. */
    public void endRewrite() {
        try {
            Files.deleteIfExists(dir.resolve(REWRITING));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir.resolve(REWRITING) + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a store whose rewrite was cut short (the mark is there and no writer holds the lock). */
    private void checkWhole() {
        if (Files.exists(dir.resolve(REWRITING)) && !OwnedFolder.isLocked(dir)) {
            throw new FeatureStoreException("feature store " + dir + " was being rewritten when a run stopped, so its"
                    + " files may not line up; run `gaan features COLLECTION --out " + dir + "` again");
        }
    }

    /** The rows of {@code tracks.csv}, in row order. */
    public List<TrackRow> tracks() {
        checkWhole();
        Path csv = dir.resolve(TRACKS_CSV);
        if (!Files.isRegularFile(csv)) {
            throw new FeatureStoreException("feature store " + dir + " has no " + TRACKS_CSV
                    + "; run `gaan features COLLECTION --out " + dir + "` first");
        }
        List<TrackRow> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                rows.add(new TrackRow(Integer.parseInt(r.get("row")), r.get("id"), r.get("audio"),
                        Long.parseLong(r.get("size")), Long.parseLong(r.get("mtime_ns")), r.get("sha1"),
                        r.get("params_key"), r.get("status"), r.get("reason"),
                        Double.parseDouble(r.get("duration_s")), Boolean.parseBoolean(r.get("padded")),
                        r.isMapped("truncated") && Boolean.parseBoolean(r.get("truncated"))));
            }
        } catch (IOException | RuntimeException e) {
            throw new FeatureStoreException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** Writes {@code tracks.csv} atomically. */
    void writeTracks(List<TrackRow> rows) {
        writeCsv(TRACKS_CSV, COLUMNS, rows.stream().map(r -> List.<Object>of(r.row(), r.id(), r.audio(), r.size(),
                r.mtimeNanos(), r.sha1(), r.paramsKey(), r.status(), r.reason(),
                String.format(Locale.ROOT, "%.6f", r.durationSeconds()), r.padded(), r.truncated())).toList());
    }

    /** Writes {@link #LYRICS_TABLE} atomically: one row of {@link #LYRICS_COLUMNS} per track, in row order. */
    public void putLyricsTable(List<List<String>> rows) {
        checkRows(LYRICS_TABLE, rows.size());
        writeCsv(LYRICS_TABLE, LYRICS_COLUMNS, rows);
    }

    private void writeCsv(String name, String[] columns, List<? extends List<?>> rows) {
        Path csv = dir.resolve(name);
        Path tmp = dir.resolve(name + ".tmp");
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(tmp);
                 CSVPrinter printer = new CSVPrinter(out,
                         CSVFormat.DEFAULT.builder().setHeader(columns).setRecordSeparator('\n').get())) {
                for (List<?> r : rows) {
                    printer.printRecord(r);
                }
            }
            Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code descriptor_names.txt} atomically: one column name of {@link #DESCRIPTORS} a line. */
    void writeDescriptorNames(List<String> names) {
        Path file = dir.resolve(DESCRIPTOR_NAMES_TXT);
        Path tmp = dir.resolve(DESCRIPTOR_NAMES_TXT + ".tmp");
        try {
            Files.createDirectories(dir);
            Files.write(tmp, names);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The column names of {@link #DESCRIPTORS}, in column order. */
    public List<String> descriptorNames() {
        Path file = dir.resolve(DESCRIPTOR_NAMES_TXT);
        if (!Files.isRegularFile(file)) {
            throw new FeatureStoreException("feature store " + dir + " has no " + DESCRIPTOR_NAMES_TXT
                    + "; run `gaan features COLLECTION --out " + dir + "` again to add the descriptors");
        }
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new FeatureStoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Stores an {@code (N, D)} float32 feature; N must equal the number of tracks. */
    public void putMatrix(String feature, float[][] rows) {
        checkRows(feature, rows.length);
        Npy.write(file(feature), rows);
    }

    /** Stores a bool {@code (N,)} mask (true = the track has this modality). */
    public void putMask(String feature, boolean[] mask) {
        checkRows(feature, mask.length);
        Npy.write(file(feature), mask);
    }

    /** Every feature has one row per track of tracks.csv; a mismatch means it is from another collection. */
    private void checkRows(String feature, int n) {
        if (Files.isRegularFile(dir.resolve(TRACKS_CSV))) {
            int tracks = tracks().size();
            if (n != tracks) {
                throw new FeatureStoreException("feature '" + feature + "' has " + n + " rows but store " + dir
                        + " has " + tracks + " tracks; compute it over the same collection");
            }
        }
    }

    /** A 2-D float feature, {@code (N, D)}. */
    public float[][] matrix(String feature) {
        Npy.Array a = read(feature);
        if (a.shape().length != 2) {
            throw new FeatureStoreException(file(feature) + " has shape " + java.util.Arrays.toString(a.shape())
                    + ", expected (N, D)");
        }
        checkRows(feature, a.shape()[0]);
        return a.toFloatMatrix();
    }

    /** A bool mask, {@code (N,)}. */
    public boolean[] mask(String feature) {
        Npy.Array a = read(feature);
        checkRows(feature, a.size());
        boolean[] out = new boolean[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.values()[i] != 0;
        }
        return out;
    }

    /** A 3-D float feature, {@code (N, H, W)}, e.g. {@code logmel_patch} with one patch per track. */
    public float[][][] cube(String feature) {
        Float32Reader in = Float32Reader.open(existing(feature));
        try (in) {
            int[] s = checkedCube(feature, in);
            float[][][] out = new float[s[0]][s[1]][s[2]];
            for (float[][] plane : out) {
                in.readRows(plane);
            }
            return out;
        }
    }

    /** The first dimension and the row shape of a 3-D float feature, {@code (N, H, W)}, read from its header. */
    public int[] cubeShape(String feature) {
        try (Float32Reader in = Float32Reader.open(existing(feature))) {
            return checkedCube(feature, in);
        }
    }

    /**
     * Calls {@code each} with every track's {@code (H, W)} rows of a 3-D float feature in row order,
     * holding one track at a time (the array is reused: copy what you keep): the timbre frames are
     * 54 KB a track, 5.5 GB at 100,000 tracks, more than a pass over them needs to hold.
     */
    public void forEachTrack(String feature, java.util.function.ObjIntConsumer<float[][]> each) {
        try (Float32Reader in = Float32Reader.open(existing(feature))) {
            int[] s = checkedCube(feature, in);
            float[][] track = new float[s[1]][s[2]];
            for (int i = 0; i < s[0]; i++) {
                in.readRows(track);
                each.accept(track, i);
            }
        }
    }

    private int[] checkedCube(String feature, Float32Reader in) {
        int[] s = in.shape();
        if (s.length != 3) {
            throw new FeatureStoreException(file(feature) + " has shape " + java.util.Arrays.toString(s)
                    + ", expected (N, H, W)");
        }
        checkRows(feature, s[0]);
        return s;
    }

    /**
     * The log-mel patches as {@code (N, P, nMels, frames)}, whichever of the two layouts is on disk;
     * read as float32 straight into the result (no widened copy).
     */
    public float[][][][] patches() {
        try (Float32Reader in = Float32Reader.open(existing(LOGMEL_PATCH))) {
            int[] s = patchShape(in);
            float[][][][] out = new float[s[0]][s[1]][s[2]][s[3]];
            for (float[][][] track : out) {
                readTrack(in, track);
            }
            return out;
        }
    }

    /**
     * Calls {@code each} with every track's {@code (P, nMels, frames)} patches in row order, holding
     * one track at a time (the array is reused: copy what you keep). A collection's patches are 64 KB
     * a track each, 1.3 GB at 20,000 tracks: a pass that only sums them never needs them all.
     */
    public void forEachTrackPatches(java.util.function.ObjIntConsumer<float[][][]> each) {
        try (Float32Reader in = Float32Reader.open(existing(LOGMEL_PATCH))) {
            int[] s = patchShape(in);
            float[][][] track = new float[s[1]][s[2]][s[3]];
            for (int i = 0; i < s[0]; i++) {
                readTrack(in, track);
                each.accept(track, i);
            }
        }
    }

    /** The patches file's shape as (N, P, H, W), a one-patch (N, H, W) file read as P = 1. */
    private int[] patchShape(Float32Reader in) {
        int[] s = in.shape();
        if (s.length != 3 && s.length != 4) {
            throw new FeatureStoreException(file(LOGMEL_PATCH) + " has shape " + java.util.Arrays.toString(s)
                    + ", expected (N, H, W) or (N, P, H, W)");
        }
        checkRows(LOGMEL_PATCH, s[0]);
        return s.length == 3 ? new int[] {s[0], 1, s[1], s[2]} : s;
    }

    private static void readTrack(Float32Reader in, float[][][] track) {
        for (float[][] patch : track) {
            in.readRows(patch);
        }
    }

    private Path existing(String feature) {
        checkWhole();
        Path f = file(feature);
        if (!Files.isRegularFile(f)) {
            throw new FeatureStoreException("feature store " + dir + " has no '" + feature + "' (" + f.getFileName()
                    + "); features present: " + features());
        }
        return f;
    }

    private Npy.Array read(String feature) {
        checkWhole();
        return Npy.read(existing(feature));
    }

    /** Names of the features in the store (the {@code .npy} files without extension), sorted. */
    public List<String> features() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".npy"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
