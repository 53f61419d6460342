package gaan.experiment;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import gaan.audio.AudioDecodeException;
import gaan.audio.ExcerptEncoder;
import gaan.report.TaskReport;
import gaan.report.TrackInfo;

/**
 * {@code --embed-audio-excerpts}: an excerpt ({@link ExcerptEncoder#standard()}) of every track
 * of the report that has an audio file, written to {@code <out>/}{@value RunFolder#AUDIO_DIR}
 * {@code /<track id>.<ext>}, and the tasks' tracks pointing at them, so the page's players and
 * the map play from inside the results folder wherever it is moved or unzipped. A track whose
 * file cannot be excerpted keeps its own file, with a warning.
 */
final class AudioExcerpts {
    private AudioExcerpts() {
    }

    /** The tasks with their tracks' audio replaced by excerpts, and the excerpt files written. */
    record Embedded(List<TaskReport> tasks, List<Path> files) {
    }

    /**
     * @param mayReplace whether an existing file at an excerpt's place may be replaced (gaan's
     *                   own); a file that may not is left as it is, and its track keeps its audio
     */
    static Embedded write(List<TaskReport> tasks, Path out, Predicate<Path> mayReplace, Progress progress) {
        ExcerptEncoder encoder = ExcerptEncoder.standard();
        Map<Path, TrackInfo> sources = new LinkedHashMap<>();
        for (TaskReport t : tasks) {
            for (TrackInfo track : t.tracks()) {
                if (track.audio() != null && Files.isRegularFile(track.audio())) {
                    sources.putIfAbsent(track.audio().toAbsolutePath().normalize(), track);
                }
            }
        }
        Map<Path, Path> excerpts = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        try (Progress.Tracker tracker = progress.start("excerpts", sources.size())) {
            for (Map.Entry<Path, TrackInfo> e : sources.entrySet()) {
                String id = e.getValue().id();
                Path target = out.resolve(RunFolder.AUDIO_DIR)
                        .resolve(fileName(id, names) + "." + encoder.format().extension());
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !mayReplace.test(target)) {
                    progress.warn(target + " was not written by gaan and is left as it is; track '" + id
                            + "' gets no excerpt");
                    tracker.step(id);
                    continue;
                }
                try {
                    encoder.write(e.getKey(), target);
                    excerpts.put(e.getKey(), target);
                } catch (AudioDecodeException ex) {
                    progress.warn("no excerpt of track '" + id + "': " + ex.getMessage()
                            + "; the report links its own file");
                }
                tracker.step(id);
            }
        }
        List<TaskReport> replaced = new ArrayList<>();
        for (TaskReport t : tasks) {
            replaced.add(t.withTracks(t.tracks().stream().map(track -> {
                Path excerpt = track.audio() == null ? null : excerpts.get(track.audio().toAbsolutePath().normalize());
                return excerpt == null ? track : track.withAudio(excerpt);
            }).toList()));
        }
        return new Embedded(replaced, List.copyOf(excerpts.values()));
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
