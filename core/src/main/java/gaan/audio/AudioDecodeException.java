package gaan.audio;

import java.nio.file.Path;

/**
 * A file that cannot be turned into samples: missing, empty, truncated, not audio, or in a
 * format this FFmpeg build does not decode. The message names the file and the reason; the
 * feature stage records it as the track's skip reason.
 */
public final class AudioDecodeException extends RuntimeException {
    private final transient Path file;

    public AudioDecodeException(Path file, String reason) {
        super("cannot decode " + file + ": " + reason);
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The reason alone, without the file name (for a table that already names the track). */
    public String reason() {
        String prefix = "cannot decode " + file + ": ";
        return getMessage().substring(prefix.length());
    }
}
