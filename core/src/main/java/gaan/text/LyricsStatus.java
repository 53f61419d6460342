package gaan.text;

/** Whether a track's lyrics could be embedded, and if not why; {@link #code()} is the store's spelling. */
public enum LyricsStatus {
    /** Read and embedded. */
    OK("ok"),
    /** The track has no lyrics file. */
    MISSING("missing"),
    /** The file holds no word (blank, or punctuation only). */
    EMPTY("empty"),
    /** The file does not exist, cannot be read, or is binary / UTF-16 without a byte-order mark. */
    UNREADABLE("unreadable"),
    /** Read, but none of its features is known to the embedder, so it has no direction. */
    NOT_EMBEDDABLE("not_embeddable");

    private final String code;

    LyricsStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
