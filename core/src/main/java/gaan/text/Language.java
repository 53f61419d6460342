package gaan.text;

/** Language of a lyric as {@link LanguageTagger} decides it; {@link #code()} is what the store and plots show. */
public enum Language {
    EN("en"),
    BN("bn"),
    MIXED("mixed"),
    UNKNOWN("unknown");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The language with this code (case-insensitive). */
    public static Language ofCode(String code) {
        for (Language l : values()) {
            if (l.code.equalsIgnoreCase(code.strip())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown language code '" + code + "'; expected en, bn, mixed or unknown");
    }
}
