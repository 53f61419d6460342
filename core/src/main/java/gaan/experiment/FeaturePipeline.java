package gaan.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import gaan.audio.AudioFeatureParams;
import gaan.data.Collection;
import gaan.data.GenreVocabulary;
import gaan.data.OwnedFolder;
import gaan.data.Track;
import gaan.features.ExtractionSummary;
import gaan.features.FeatureExtractor;
import gaan.features.FeatureStore;
import gaan.features.TrackRow;
import gaan.text.Language;
import gaan.text.LanguageTagger;
import gaan.text.LyricsReader;
import gaan.text.LyricsStatus;
import gaan.text.LyricsText;

/**
 * Fills a {@link FeatureStore} for a collection — audio features (cached per track), genre
 * multi-hot and its mask, the lyrics embedding and its mask — and loads everything back as
 * {@link CollectionFeatures}. A task whose lyrics settings differ from the stored ones gets its
 * own embedding from {@link LyricsEmbedding#forTask}.
 */
public final class FeaturePipeline {
    /** Store files this stage adds beside the audio features. */
    public static final String GENRE_MULTIHOT = "genre_multihot";
    public static final String GENRE_MASK = "genre_mask";
    public static final String LYRICS_EMBEDDING = "lyrics_embedding";
    public static final String LYRICS_MASK = "lyrics_mask";
    /**
     * Per track, in row order: {@code id, lyrics_status} (ok, missing, empty, unreadable),
     * {@code tagged_language} (from the text) and {@code language} (declared in tracks.csv, else
     * tagged) — the language plots and cluster compositions use.
     */
    public static final String LYRICS_TABLE = "lyrics.csv";

    private FeaturePipeline() {
    }

    /** Why a track's audio was skipped, naming its file: {@code <audio path>: <reason>}. */
    static String skipReason(TrackRow r) {
        return r.audio() + ": " + r.reason();
    }

    private static String csvCell(String s) {
        return s.matches("[^,\"\r\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** The store folder DESIGN.md names by default: {@code COLLECTION/.gaan/features}. */
    public static Path defaultStore(Path collection) {
        return collection.resolve(".gaan").resolve("features");
    }

    /** Audio parameters of the settings: librosa's defaults with the patches and analysis window. */
    public static AudioFeatureParams audioParams(FeatureSettings settings) {
        return AudioFeatureParams.DEFAULTS.withPatchesPerTrack(settings.patches())
                .withWindow(settings.offset(), settings.duration());
    }

    /**
     * @param lyricsSettings lyrics embedder and dimension of the stored embedding
     * @param lyricsSeed     seed of the stored embedding (the char-n-gram SVD)
     */
    public static CollectionFeatures prepare(Collection collection, Path storeDir, AudioFeatureParams params,
                                             FeatureSettings lyricsSettings, long lyricsSeed, int threads,
                                             Progress progress) {
        try (OwnedFolder lock = FeatureStore.lock(storeDir, collection.root())) {
            FeatureStore store = FeatureStore.at(storeDir);
            store.beginRewrite();
            CollectionFeatures features = fill(collection, storeDir, params, lyricsSettings, lyricsSeed, threads,
                    progress);
            store.endRewrite();
            return features;
        }
    }

    private static CollectionFeatures fill(Collection collection, Path storeDir, AudioFeatureParams params,
                                           FeatureSettings lyricsSettings, long lyricsSeed, int threads,
                                           Progress progress) {
        ExtractionSummary summary;
        try (Progress.Tracker bar = progress.start("features", collection.size())) {
            summary = new FeatureExtractor(params, threads).extract(collection, storeDir,
                    outcome -> bar.step(outcome.id()));
        }
        progress.info("features: " + summary.describe());
        FeatureStore store = FeatureStore.at(storeDir);
        List<TrackRow> rows = store.tracks();
        int n = collection.size();
        boolean[] audioOk = new boolean[n];
        double[] durations = new double[n];
        List<String> skipReasons = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TrackRow r = rows.get(i);
            audioOk[i] = r.ok();
            durations[i] = r.durationSeconds();
            skipReasons.add(r.ok() ? null : skipReason(r));
            if (!r.ok()) {
                progress.warn("track '" + r.id() + "' skipped: " + skipReasons.get(i));
            }
        }

        GenreVocabulary vocabulary = GenreVocabulary.of(collection);
        float[][] genre = vocabulary.multiHot(collection.tracks());
        boolean[] genrePresent = GenreVocabulary.presence(collection.tracks());
        store.putMatrix(GENRE_MULTIHOT, genre);
        store.putMask(GENRE_MASK, genrePresent);

        List<String> warnings = new ArrayList<>(collection.warnings());
        List<String> texts = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        List<String> lyricsTable = new ArrayList<>(List.of("id,lyrics_status,tagged_language,language"));
        List<LyricsText> lyricsRead = new ArrayList<>();
        for (Track t : collection.tracks()) {
            String text = null;
            LyricsStatus status = LyricsStatus.MISSING;
            LyricsText read = t.lyrics() == null ? null : LyricsReader.read(t.lyrics());
            lyricsRead.add(read);
            if (read != null) {
                read.warnings().forEach(w -> warnings.add("track '" + t.id() + "': " + w));
                text = read.present() ? read.text() : null;
                status = read.status();
            }
            texts.add(text);
            String tagged = text == null ? Language.UNKNOWN.code() : LanguageTagger.tag(text).code();
            languages.add(t.language() != null ? t.language() : tagged);
            lyricsTable.add(csvCell(t.id()) + "," + status.code() + "," + tagged + ","
                    + csvCell(languages.get(languages.size() - 1)));
        }
        RunFolder.writeLines(storeDir.resolve(LYRICS_TABLE), lyricsTable);
        LyricsEmbedding lyrics = LyricsEmbedding.of(collection.tracks(), lyricsRead, lyricsSettings, lyricsSeed);
        store.putMatrix(LYRICS_EMBEDDING, lyrics.rows());
        store.putMask(LYRICS_MASK, lyrics.present());
        warnings.forEach(progress::warn);
        return new CollectionFeatures(collection, audioOk, store.matrix(FeatureStore.MFCC_SUMMARY),
                store.patches(), durations, skipReasons, texts, languages, genre, genrePresent,
                vocabulary.genres(), lyrics, warnings, summary);
    }
}
