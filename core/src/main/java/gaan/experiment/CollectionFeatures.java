package gaan.experiment;

import java.util.List;

import gaan.data.Collection;
import gaan.data.Track;
import gaan.features.ExtractionSummary;
import gaan.features.FeatureStore;

/**
 * Every per-track input of a collection, row {@code i} being {@code collection.tracks().get(i)}
 * (sorted by id). Missing modalities are masks, never silent zeros: a track whose audio could not
 * be decoded has {@code audioOk[i] == false} and zero rows in the audio matrices.
 *
 * @param store         the feature store they were read from
 * @param mfcc          N×40 MFCC mean+std (librosa conventions, see {@code gaan.audio})
 * @param patches       loads the N×P×128×128 log-mel patches (dB) on first use, then keeps them: only
 *                      ConvVAE inputs need them, and at 20,000 tracks they are 1.3 GB
 * @param durations     decoded seconds per track (0 when skipped)
 * @param skipReasons   why a track's audio was skipped, null where it was not
 * @param truncations   for a track used although its file is truncated, its file and both lengths; null elsewhere
 * @param lyricsTexts   lyrics per track, null where absent, empty or unreadable
 * @param languages     language code per track: declared in tracks.csv, else tagged from the lyrics
 * @param genre         N×G genre multi-hot over {@code genreNames}
 * @param genrePresent  whether a track has at least one genre
 * @param lyrics        the lyrics embedding stored with the features (the first task's settings)
 * @param warnings      per-track problems met while reading (lyrics encodings, truncation)
 * @param summary       what the audio extraction did: extracted, cached, skipped
 */
public record CollectionFeatures(Collection collection, FeatureStore store, boolean[] audioOk, float[][] mfcc,
                                 java.util.function.Supplier<float[][][][]> patches,
                                 double[] durations, List<String> skipReasons, List<String> truncations,
                                 List<String> lyricsTexts,
                                 List<String> languages, float[][] genre, boolean[] genrePresent,
                                 List<String> genreNames, LyricsEmbedding lyrics, List<String> warnings,
                                 ExtractionSummary summary) {

    /** The N×P×128×128 log-mel patches (dB), read from the store the first time they are asked for. */
    public float[][][][] logmel() {
        return patches.get();
    }

    public List<Track> tracks() {
        return collection.tracks();
    }

    public int size() {
        return collection.size();
    }
}
