package gaan.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** A per-track input a representation can be built from, and the FeatureStore matrix that holds it. */
public enum Modality {
    /** MFCC mean+std, N×40. */
    MFCC("mfcc", "mfcc_summary"),
    /**
     * MIR descriptor vector, N×D ({@code descriptors.npy}), its columns named in groups by prefix
     * ({@code mfcc.}, {@code spectral.}, {@code rhythm.}, …; {@code descriptor_names.txt}).
     */
    DESCRIPTORS("descriptors", "descriptors"),
    /** Log-mel patches, N×P×128×128. */
    LOGMEL("logmel", "logmel_patch"),
    /** Lyrics embedding, N×D, with a presence mask. */
    LYRICS("lyrics", "lyrics_embedding"),
    /** Genre multi-hot, N×G; the evaluation labels derive from it, so using it flags leakage. */
    GENRE("genre", "genre_multihot"),
    /**
     * The stored timbre frames ({@code timbre_frames}: MFCCs and spectral contrast) as each track's histogram over a codebook learnt
     * from the collection, N×words: the rows of a {@code kind: codebook} representation, here as the
     * input of an MLP VAE.
     */
    CODEBOOK("codebook", "timbre_frames");

    private final String key;
    private final String storeName;

    Modality(String key, String storeName) {
        this.key = key;
        this.storeName = storeName;
    }

    @JsonValue
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return key;
    }

    public String storeName() {
        return storeName;
    }

    @JsonCreator
    public static Modality parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.key.equals(t) || m.storeName.equals(t)).findFirst()
                .orElseThrow(() -> new ConfigException("unknown input '" + text + "': expected one of "
                        + Arrays.stream(values()).map(Modality::key).toList()));
    }
}
