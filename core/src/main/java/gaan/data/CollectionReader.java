package gaan.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a collection folder in either layout of DESIGN.md:
 * <ul>
 *   <li>{@code tracks.csv} with columns {@code id, audio, lyrics, genres} and optional
 *       {@code language}, {@code label}; paths relative to the folder, genres separated by
 *       {@code |};</li>
 *   <li>or the conventional layout {@code audio/<id>.<ext>}, {@code lyrics/<id>.txt},
 *       {@code genres.csv} ({@code id,genres}); the seed project's {@code Audio/},
 *       {@code Lyrics/} and {@code genre.csv} are accepted too.</li>
 * </ul>
 * Problems that concern one track (a missing lyrics file, a duplicate id) become warnings and
 * the rest of the collection is read; problems with the folder itself (nothing to read, an
 * unreadable {@code tracks.csv}) throw {@link CollectionException}.
 */
public final class CollectionReader {
    /** Audio file extensions recognised in the conventional layout, lower case. */
    public static final Set<String> AUDIO_EXTENSIONS =
            Set.of("wav", "mp3", "flac", "ogg", "oga", "opus", "m4a", "aac", "mp4", "aiff", "aif", "wma");

    private CollectionReader() {
    }

    public static Collection read(Path folder) {
        return read(folder, List.of());
    }

    /**
     * @param allowOutside folders besides the collection's own that its audio and lyrics paths may
     *                     lead into ({@code --allow-outside}); any other path, after following
     *                     symbolic links, is refused with a warning naming the track
     */
    public static Collection read(Path folder, List<Path> allowOutside) {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new CollectionException("collection folder " + root + " does not exist or is not a folder");
        }
        List<Path> readable = new ArrayList<>(List.of(realPath(root, "collection folder")));
        allowOutside.forEach(a -> readable.add(realPath(a, "--allow-outside folder")));
        List<String> warnings = new ArrayList<>();
        Path tracksCsv = root.resolve("tracks.csv");
        List<Track> tracks = Files.isRegularFile(tracksCsv)
                ? fromTracksCsv(root, readable, tracksCsv, warnings)
                : fromLayout(root, readable, warnings);
        if (tracks.isEmpty()) {
            throw new CollectionException("collection " + root + " has no tracks: put audio files (extensions "
                    + new java.util.TreeSet<>(AUDIO_EXTENSIONS) + ") in it, in audio/ or in any subfolder, or list them"
                    + " in tracks.csv (columns id,audio)");
        }
        tracks.sort((a, b) -> a.id().compareTo(b.id()));
        return new Collection(root, tracks, warnings);
    }

    private static List<Track> fromTracksCsv(Path root, List<Path> readable, Path csv, List<String> warnings) {
        List<CSVRecord> records = parseCsv(csv);
        Map<String, Track> byId = new LinkedHashMap<>();
        for (CSVRecord r : records) {
            String at = csv + " line " + line(r) + ": ";
            String id = field(r, "id");
            if (id == null) {
                warnings.add(at + "empty id, row skipped");
                continue;
            }
            if (badId(id) != null) {
                warnings.add(at + badId(id) + ", row skipped");
                continue;
            }
            String audio = field(r, "audio");
            if (audio == null) {
                warnings.add(at + "track '" + id + "' has no audio path, row skipped");
                continue;
            }
            Path audioPath = root.resolve(audio).normalize();
            String outside = outside(audioPath, readable);
            if (outside != null) {
                warnings.add(at + "track '" + id + "': audio " + audio + " " + outside + "; row skipped");
                continue;
            }
            Path lyrics = lyricsPath(root, readable, id, field(r, "lyrics"), warnings);
            Track t = new Track(id, audioPath, lyrics, splitGenres(field(r, "genres")),
                    field(r, "language"), field(r, "label"));
            if (byId.containsKey(id)) {
                warnings.add(at + "duplicate id '" + id
                        + "' (kept the first row, audio " + byId.get(id).audio() + ")");
                continue;
            }
            byId.put(id, t);
        }
        return new ArrayList<>(byId.values());
    }

    /**
     * Tracks of a collection without tracks.csv: the files of {@code audio/} (ids = file names
     * without extension), or, without that folder, every audio file under the collection in any
     * subfolder, as a music library is kept (ids = paths from the collection without extension,
     * {@code /}-separated, e.g. {@code Artist/Album/01 Song}), hidden files and folders left out.
     */
    private static List<Track> fromLayout(Path root, List<Path> readable, List<String> warnings) {
        Path audioDir = firstExisting(root, "audio", "Audio");
        Path lyricsDir = firstExisting(root, "lyrics", "Lyrics");
        Map<String, List<String>> genres = readGenres(root, warnings);
        Map<String, Path> audioById = new LinkedHashMap<>();
        Path idRoot = audioDir != null ? audioDir : root;
        try (Stream<Path> files = audioDir != null ? Files.list(audioDir) : libraryFiles(root)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (!Files.isRegularFile(p) || dot <= 0
                        || !AUDIO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                    continue;
                }
                String relative = idRoot.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                String id = relative.substring(0, relative.length() - (name.length() - dot));
                String problem = badId(id) != null ? badId(id) : outside(p, readable);
                if (problem != null) {
                    warnings.add("audio file " + p + ": " + problem + "; skipped");
                    continue;
                }
                Path previous = audioById.putIfAbsent(id, p);
                if (previous != null) {
                    warnings.add("duplicate id '" + id + "': " + previous.getFileName() + " and " + name
                            + " (kept " + previous.getFileName() + ")");
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CollectionException("cannot list " + idRoot + ": " + e.getMessage(), e);
        }
        List<Track> tracks = new ArrayList<>();
        for (Map.Entry<String, Path> e : audioById.entrySet()) {
            String id = e.getKey();
            Path lyrics = null;
            if (lyricsDir != null) {
                Path candidate = lyricsDir.resolve(id + ".txt");
                lyrics = Files.isRegularFile(candidate) ? candidate : null;
                if (lyrics != null && outside(lyrics, readable) != null) {
                    warnings.add("track '" + id + "': lyrics " + lyrics + " " + outside(lyrics, readable)
                            + "; lyrics recorded as missing");
                    lyrics = null;
                }
            }
            tracks.add(new Track(id, e.getValue(), lyrics, genres.getOrDefault(id, List.of()), null, null));
        }
        for (String id : genres.keySet()) {
            if (!audioById.containsKey(id)) {
                warnings.add("genres file names track '" + id + "' which has no audio file; ignored");
            }
        }
        return tracks;
    }

    /**
     * Every file under {@code root}, in subfolders too, except hidden ones: a name with a leading dot
     * (gaan's {@code .gaan/} store, macOS's {@code ._} resource forks) on the file or a folder above it.
     */
    private static Stream<Path> libraryFiles(Path root) throws IOException {
        return Files.walk(root).filter(p -> {
            for (Path part : root.relativize(p)) {
                if (part.toString().startsWith(".")) {
                    return false;
                }
            }
            return true;
        });
    }

    private static Map<String, List<String>> readGenres(Path root, List<String> warnings) {
        Path csv = firstExisting(root, "genres.csv", "genre.csv");
        Map<String, List<String>> out = new HashMap<>();
        if (csv == null) {
            warnings.add("no genres.csv in " + root + ": tracks have no genres");
            return out;
        }
        for (CSVRecord r : parseCsv(csv)) {
            String id = field(r, "id");
            String g = field(r, "genres");
            if (g == null) {
                g = field(r, "genre");
            }
            if (id == null) {
                warnings.add(csv + " line " + line(r) + ": empty id, row skipped");
                continue;
            }
            if (out.put(id, splitGenres(g)) != null) {
                warnings.add(csv + " line " + line(r) + ": duplicate id '" + id + "' (kept the last row)");
            }
        }
        return out;
    }

    private static Path lyricsPath(Path root, List<Path> readable, String id, String relative,
                                   List<String> warnings) {
        if (relative == null) {
            return null;
        }
        Path p = root.resolve(relative).normalize();
        String outside = outside(p, readable);
        if (outside != null) {
            warnings.add("track '" + id + "': lyrics " + relative + " " + outside + "; lyrics recorded as missing");
            return null;
        }
        if (!Files.isRegularFile(p)) {
            warnings.add("track '" + id + "': lyrics file " + p + " does not exist; lyrics recorded as missing");
            return null;
        }
        return p;
    }

    /** The line of a CSV record, counting the header as line 1 (fields spanning lines aside). */
    private static long line(CSVRecord r) {
        return r.getRecordNumber() + 1;
    }

    /**
     * Why an id cannot be used, or null: ids are lines of {@code track_ids.txt} and cells of every
     * CSV, so a newline, carriage return, tab or other control character would shift rows.
     */
    private static String badId(String id) {
        return id.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                ? "id '" + id.replaceAll("\\p{Cntrl}", "?") + "' holds a control character (newline, tab, ...)"
                : null;
    }

    /**
     * Why {@code p} may not be read, or null: after following symbolic links it must lie inside
     * one of the {@code readable} folders (a path to a missing file is judged as written).
     */
    private static String outside(Path p, List<Path> readable) {
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            real = p.toAbsolutePath().normalize();
        }
        for (Path r : readable) {
            if (real.startsWith(r)) {
                return null;
            }
        }
        return "leads outside the collection (to " + real + "); allow its folder with --allow-outside to read it";
    }

    private static Path realPath(Path folder, String what) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw new CollectionException(what + " " + folder + " does not exist", e);
        }
    }

    /** Genres separated by {@code |} (or {@code ;}), trimmed, lower-cased, duplicates removed, order kept. */
    public static List<String> splitGenres(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split("[|;]"))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    private static String field(CSVRecord r, String name) {
        if (!r.isMapped(name) || !r.isSet(name)) {
            return null;
        }
        String v = r.get(name).trim();
        return v.isEmpty() ? null : v;
    }

    private static List<CSVRecord> parseCsv(Path csv) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader reader = withoutBom(new java.io.InputStreamReader(Files.newInputStream(csv), decoder));
             CSVParser parser = CSVParser.parse(reader, format)) {
            if (!parser.getHeaderMap().containsKey("id")) {
                throw new CollectionException(csv + ": missing column 'id' (columns: " + parser.getHeaderNames() + ")");
            }
            return parser.getRecords();
        } catch (CharacterCodingException e) {
            throw new CollectionException(csv + " is not valid UTF-8 text; save it as UTF-8", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CollectionException("cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    /** The text after a UTF-8 byte-order mark, which spreadsheet programs write and CSV readers must not see. */
    private static Reader withoutBom(Reader in) throws IOException {
        java.io.PushbackReader r = new java.io.PushbackReader(new java.io.BufferedReader(in), 1);
        int first = r.read();
        if (first != -1 && first != '\uFEFF') {
            r.unread(first);
        }
        return r;
    }

    private static Path firstExisting(Path root, String... names) {
        for (String n : names) {
            Path p = root.resolve(n);
            if (Files.exists(p)) {
                return p;
            }
        }
        return null;
    }
}
