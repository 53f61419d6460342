package gaan.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Feature extraction settings of a task; {@code null} fields take {@link #DEFAULTS}.
 *
 * @param patches       log-mel patches per track (evenly spaced; 1 = the middle)
 * @param offset        seconds skipped at the start of every track
 * @param duration      seconds analysed per track; 0 = the whole track
 * @param lyrics        {@code char-ngram} (built-in, no weights) or the folder of an ONNX sentence model
 * @param lyricsDim     dimension of the char-n-gram lyrics embedding
 * @param missingLyrics {@code exclude}: tracks without lyrics leave every representation of a task
 *                      that uses lyrics, so all rows compare the same tracks; {@code impute}: a
 *                      missing lyrics block becomes the block mean (the multimodal VAE masks it
 *                      instead), and the rows say how many tracks were imputed
 * @param minSeconds    shortest analysed audio a track may have (after offset and duration); a shorter
 *                      track, truncated file or not, is skipped with its lengths in the reason
 * @param maxAudioBytes largest audio file read (checked before it is hashed or decoded)
 * @param allowOutside  folders outside the collection its {@code tracks.csv} may point into (audio,
 *                      lyrics), as {@code --allow-outside}, which adds to them; relative paths are
 *                      taken from the current folder, as on the command line
 */
public record FeatureSettings(Integer patches, Double offset, Double duration, String lyrics, Integer lyricsDim,
                              String missingLyrics, Double minSeconds, Long maxAudioBytes,
                              List<String> allowOutside) {

    /** 2 GiB: hours of lossless audio; a larger file is a device, a disk image or a mistake. */
    private static final long MAX_AUDIO_BYTES = 2L << 30;

    public static final FeatureSettings DEFAULTS = new FeatureSettings(1, 0.0, 0.0, "char-ngram", 128, "impute",
            1.0, MAX_AUDIO_BYTES, List.of());

    /** Settings that give only the fields of the first versions; the rest take {@link #DEFAULTS}. */
    public FeatureSettings(Integer patches, Double offset, Double duration, String lyrics, Integer lyricsDim,
                           String missingLyrics) {
        this(patches, offset, duration, lyrics, lyricsDim, missingLyrics, null, null, null);
    }

    public FeatureSettings over(FeatureSettings base) {
        return new FeatureSettings(
                patches != null ? patches : base.patches,
                offset != null ? offset : base.offset,
                duration != null ? duration : base.duration,
                lyrics != null ? lyrics : base.lyrics,
                lyricsDim != null ? lyricsDim : base.lyricsDim,
                missingLyrics != null ? missingLyrics : base.missingLyrics,
                minSeconds != null ? minSeconds : base.minSeconds,
                maxAudioBytes != null ? maxAudioBytes : base.maxAudioBytes,
                allowOutside != null ? allowOutside : base.allowOutside);
    }

    /** These settings with {@code more} folders allowed outside the collection (after the configured ones). */
    public FeatureSettings allowingOutside(List<String> more) {
        LinkedHashSet<String> all = new LinkedHashSet<>(allowOutside != null ? allowOutside : List.of());
        all.addAll(more);
        return new FeatureSettings(patches, offset, duration, lyrics, lyricsDim, missingLyrics, minSeconds,
                maxAudioBytes, new ArrayList<>(all));
    }

    /** {@link #allowOutside} as paths (none when unset). */
    public List<Path> allowOutsidePaths() {
        return allowOutside == null ? List.of() : allowOutside.stream().map(Path::of).toList();
    }

    public boolean excludeMissingLyrics() {
        return "exclude".equals(missingLyrics);
    }

    void validate(String path) {
        FieldCheck.atLeast(path + ".patches", patches, 1);
        FieldCheck.range(path + ".offset", offset, 0.0, Double.MAX_VALUE);
        FieldCheck.range(path + ".duration", duration, 0.0, Double.MAX_VALUE);
        FieldCheck.atLeast(path + ".lyricsDim", lyricsDim, 2);
        if (missingLyrics != null && !missingLyrics.equals("exclude") && !missingLyrics.equals("impute")) {
            throw new ConfigException(path + ".missingLyrics must be 'exclude' or 'impute', got '" + missingLyrics + "'");
        }
        FieldCheck.range(path + ".minSeconds", minSeconds, 0.0, Double.MAX_VALUE);
        if (maxAudioBytes != null && maxAudioBytes < 1) {
            throw new ConfigException(path + ".maxAudioBytes must be at least 1 (bytes), got " + maxAudioBytes);
        }
        if (allowOutside != null) {
            for (int i = 0; i < allowOutside.size(); i++) {
                String folder = allowOutside.get(i);
                String field = path + ".allowOutside[" + i + "]";
                if (folder == null || folder.isBlank()) {
                    throw new ConfigException(field + " must be a folder, got an empty value");
                }
                try {
                    Path.of(folder);
                } catch (InvalidPathException e) {
                    throw new ConfigException(field + " is not a path: " + e.getMessage());
                }
            }
        }
    }
}
