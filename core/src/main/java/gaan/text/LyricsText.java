package gaan.text;

import java.nio.file.Path;
import java.util.List;

/**
 * A lyrics file as {@link LyricsReader} read it.
 *
 * @param file     the file read
 * @param text     its text (empty unless {@code status} is {@link LyricsStatus#OK})
 * @param status   {@link LyricsStatus#OK}, {@link LyricsStatus#EMPTY} or {@link LyricsStatus#UNREADABLE}
 * @param warnings what went wrong or was guessed (encoding fallback, truncation), each naming the file
 */
public record LyricsText(Path file, String text, LyricsStatus status, List<String> warnings) {

    public LyricsText {
        warnings = List.copyOf(warnings);
    }

    /** True when there is text to embed. */
    public boolean present() {
        return status == LyricsStatus.OK;
    }
}
