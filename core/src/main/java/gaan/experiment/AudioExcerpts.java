package gaan.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import gaan.audio.AudioDecodeException;
import gaan.audio.ExcerptEncoder;
import gaan.linalg.Parallel;
import gaan.report.TaskReport;
import gaan.report.TrackInfo;

/**
 * {@code --embed-audio-excerpts}: an excerpt ({@link ExcerptEncoder#standard()}) of every track
 * of the report that has an audio file, written to {@code <out>/}{@value RunFolder#AUDIO_DIR}
 * {@code /<track id>.<ext>}, and the tasks' tracks pointing at them, so the page's players and
 * the map play from inside the results folder wherever it is moved or unzipped. A track whose
 * file cannot be excerpted keeps its own file, with a warning. Without the option, the excerpts
 * an earlier run wrote there are played still ({@link #existing}).
 */
final class AudioExcerpts {
    private AudioExcerpts() {
    }

    /** The tasks with their tracks' audio replaced by excerpts, and the excerpt files written. */
    record Embedded(List<TaskReport> tasks, List<Path> files) {
    }

    /** Where the excerpt of one audio file goes, named for the first track that has it. */
    private record Place(String id, Path source, String name) {
        Path target(Path out, ExcerptEncoder.Format format) {
            return out.resolve(RunFolder.AUDIO_DIR).resolve(name + "." + format.extension());
        }
    }

    /**
     * Writes the excerpts side by side, one track per thread; each file is the same whatever the
     * thread count, and the warnings come in the tracks' order.
     *
     * @param mayReplace whether an existing file at an excerpt's place may be replaced (gaan's
     *                   own); a file that may not is left as it is, and its track keeps its audio
     */
    static Embedded write(List<TaskReport> tasks, Path out, int threads, Predicate<Path> mayReplace,
                          Progress progress) {
        ExcerptEncoder encoder = ExcerptEncoder.standard();
        List<Place> places = places(tasks).stream().filter(p -> Files.isRegularFile(p.source())).toList();
        Path[] written = new Path[places.size()];
        String[] warnings = new String[places.size()];
        try (Progress.Tracker tracker = progress.start("excerpts", places.size());
             Parallel parallel = new Parallel(threads)) {
            parallel.forChunks(places.size(), 1, (from, to) -> {
                for (int i = from; i < to; i++) {
                    Place p = places.get(i);
                    Path target = p.target(out, encoder.format());
                    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !mayReplace.test(target)) {
                        warnings[i] = target + " was not written by gaan and is left as it is; track '" + p.id()
                                + "' gets no excerpt";
                    } else {
                        try {
                            encoder.write(p.source(), target);
                            written[i] = target;
                        } catch (AudioDecodeException ex) {
                            warnings[i] = "no excerpt of track '" + p.id() + "': " + ex.getMessage()
                                    + "; the report links its own file";
                        }
                    }
                    synchronized (tracker) {
                        tracker.step(p.id());
                    }
                }
            });
        }
        Arrays.stream(warnings).filter(Objects::nonNull).forEach(progress::warn);
        Map<Path, Path> excerpts = new LinkedHashMap<>();
        for (int i = 0; i < places.size(); i++) {
            if (written[i] != null) {
                excerpts.put(places.get(i).source(), written[i]);
            }
        }
        return new Embedded(replaced(tasks, excerpts), List.copyOf(excerpts.values()));
    }

    /**
     * The tasks with their tracks' audio replaced by the excerpts already in {@code out} (a
     * results folder): those {@code ownFile} says gaan wrote, at the place {@link #write} gives
     * them, and no older than the track's file (a file changed since has a stale excerpt, and the
     * page links the file itself). Without the collection beside it, every such excerpt is played.
     */
    static List<TaskReport> existing(List<TaskReport> tasks, Path out, Predicate<Path> ownFile) {
        Map<Path, Path> excerpts = new LinkedHashMap<>();
        for (Place p : places(tasks)) {
            for (ExcerptEncoder.Format format : ExcerptEncoder.Format.values()) {
                Path target = p.target(out, format);
                if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && ownFile.test(target)
                        && !newer(p.source(), target)) {
                    excerpts.put(p.source(), target);
                    break;
                }
            }
        }
        return replaced(tasks, excerpts);
    }

    /**
     * Each audio file of the tasks' tracks once, in the order tracks first name it, with the
     * excerpt's file name: the same for the same tracks, whether or not their files are there.
     */
    private static List<Place> places(List<TaskReport> tasks) {
        Map<Path, Place> bySource = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (TaskReport t : tasks) {
            for (TrackInfo track : t.tracks()) {
                if (track.audio() != null) {
                    bySource.computeIfAbsent(track.audio().toAbsolutePath().normalize(),
                            source -> new Place(track.id(), source, fileName(track.id(), names)));
                }
            }
        }
        return List.copyOf(bySource.values());
    }

    private static boolean newer(Path source, Path excerpt) {
        try {
            return Files.isRegularFile(source)
                    && Files.getLastModifiedTime(source).compareTo(Files.getLastModifiedTime(excerpt)) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the modification time of " + source + " or " + excerpt
                    + ": " + e.getMessage(), e);
        }
    }

    /** The tasks with each track whose audio file has an excerpt pointing at the excerpt instead. */
    private static List<TaskReport> replaced(List<TaskReport> tasks, Map<Path, Path> excerpts) {
        List<TaskReport> replaced = new ArrayList<>();
        for (TaskReport t : tasks) {
            replaced.add(t.withTracks(t.tracks().stream().map(track -> {
                Path excerpt = track.audio() == null ? null : excerpts.get(track.audio().toAbsolutePath().normalize());
                return excerpt == null ? track : track.withAudio(excerpt);
            }).toList()));
        }
        return replaced;
    }

    /**
     * A file name for a track id, unique among {@code taken}: the id with characters other than
     * letters, digits, {@code .}, {@code _} and {@code -} as {@code _} and no leading dot, and a
     * number when two ids come out alike.
     */
    static String fileName(String id, Set<String> taken) {
        String safe = id.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.", "_");
        String name = safe;
        for (int n = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
            name = safe + "-" + n;
        }
        return name;
    }
}
