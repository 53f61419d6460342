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
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new CollectionException("collection folder " + root + " does not exist or is not a folder");
        }
        List<String> warnings = new ArrayList<>();
        Path tracksCsv = root.resolve("tracks.csv");
        List<Track> tracks = Files.isRegularFile(tracksCsv)
                ? fromTracksCsv(root, tracksCsv, warnings)
                : fromLayout(root, warnings);
        if (tracks.isEmpty()) {
            throw new CollectionException("collection " + root + " has no tracks: expected tracks.csv or audio files"
                    + " under audio/ (extensions " + new java.util.TreeSet<>(AUDIO_EXTENSIONS) + ")");
        }
        tracks.sort((a, b) -> a.id().compareTo(b.id()));
        return new Collection(root, tracks, warnings);
    }

    private static List<Track> fromTracksCsv(Path root, Path csv, List<String> warnings) {
        List<CSVRecord> records = parseCsv(csv);
        Map<String, Track> byId = new LinkedHashMap<>();
        for (CSVRecord r : records) {
            String id = field(r, "id");
            if (id == null) {
                warnings.add(csv + " line " + r.getRecordNumber() + ": empty id, row skipped");
                continue;
            }
            String audio = field(r, "audio");
            if (audio == null) {
                warnings.add(csv + " line " + r.getRecordNumber() + ": track '" + id + "' has no audio path, row skipped");
                continue;
            }
            Path lyrics = lyricsPath(root, id, field(r, "lyrics"), warnings);
            Track t = new Track(id, root.resolve(audio).normalize(), lyrics, splitGenres(field(r, "genres")),
                    field(r, "language"), field(r, "label"));
            if (byId.containsKey(id)) {
                warnings.add(csv + " line " + r.getRecordNumber() + ": duplicate id '" + id
                        + "' (kept the first row, audio " + byId.get(id).audio() + ")");
                continue;
            }
            byId.put(id, t);
        }
        return new ArrayList<>(byId.values());
    }

    private static List<Track> fromLayout(Path root, List<String> warnings) {
        Path audioDir = firstExisting(root, "audio", "Audio");
        if (audioDir == null) {
            throw new CollectionException("collection " + root + " has neither tracks.csv nor an audio/ folder");
        }
        Path lyricsDir = firstExisting(root, "lyrics", "Lyrics");
        Map<String, List<String>> genres = readGenres(root, warnings);
        Map<String, Path> audioById = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(audioDir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (!Files.isRegularFile(p) || dot <= 0
                        || !AUDIO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                    continue;
                }
                String id = name.substring(0, dot);
                Path previous = audioById.putIfAbsent(id, p);
                if (previous != null) {
                    warnings.add("duplicate id '" + id + "': " + previous.getFileName() + " and " + name
                            + " (kept " + previous.getFileName() + ")");
                }
            }
        } catch (IOException e) {
            throw new CollectionException("cannot list " + audioDir + ": " + e.getMessage(), e);
        }
        List<Track> tracks = new ArrayList<>();
        for (Map.Entry<String, Path> e : audioById.entrySet()) {
            String id = e.getKey();
            Path lyrics = null;
            if (lyricsDir != null) {
                Path candidate = lyricsDir.resolve(id + ".txt");
                lyrics = Files.isRegularFile(candidate) ? candidate : null;
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
                warnings.add(csv + " line " + r.getRecordNumber() + ": empty id, row skipped");
                continue;
            }
            if (out.put(id, splitGenres(g)) != null) {
                warnings.add(csv + " line " + r.getRecordNumber() + ": duplicate id '" + id + "' (kept the last row)");
            }
        }
        return out;
    }

    private static Path lyricsPath(Path root, String id, String relative, List<String> warnings) {
        if (relative == null) {
            return null;
        }
        Path p = root.resolve(relative).normalize();
        if (!Files.isRegularFile(p)) {
            warnings.add("track '" + id + "': lyrics file " + p + " does not exist; lyrics recorded as missing");
            return null;
        }
        return p;
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
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(csv), decoder);
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
