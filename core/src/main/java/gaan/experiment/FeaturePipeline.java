package gaan.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import gaan.audio.AudioFeatureParams;
import gaan.config.FeatureSettings;
import gaan.data.Collection;
import gaan.data.CollectionReader;
import gaan.data.GenreVocabulary;
import gaan.data.OwnedFolder;
import gaan.data.Track;
import gaan.features.ExtractionSummary;
import gaan.features.FeatureExtractor;
import gaan.features.FeatureStore;
import gaan.features.TrackLimits;
import gaan.features.TrackRow;
import gaan.text.Language;
import gaan.text.LanguageTagger;
import gaan.text.LyricsReader;
import gaan.text.LyricsStatus;
import gaan.text.LyricsText;

/**
 * Fills a {@link FeatureStore} for a collection — audio features (cached per track), genre
 * multi-hot and its mask, the lyrics embedding and its mask — and loads everything back as
 * {@link CollectionFeatures}. The one entry every command that needs features goes through. A task
 * whose lyrics settings differ from the stored ones gets its own embedding from
 * {@link LyricsEmbedding#forTask}.
 */
public final class FeaturePipeline {
    private FeaturePipeline() {
    }

    /** Why a track's audio was skipped, naming its file: {@code <audio path>: <reason>}. */
    static String skipReason(TrackRow r) {
        return r.audio() + ": " + r.reason();
    }

    /** Audio parameters of the settings: librosa's defaults with the patches and analysis window. */
    public static AudioFeatureParams audioParams(FeatureSettings settings) {
        return AudioFeatureParams.DEFAULTS.withPatchesPerTrack(settings.patches())
                .withWindow(settings.offset(), settings.duration());
    }

    /** Which tracks extraction takes in under the settings. */
    static TrackLimits trackLimits(FeatureSettings settings) {
        return new TrackLimits(settings.minSeconds(), settings.maxAudioBytes());
    }

    /**
     * Reads the collection (its paths may lead into {@code settings.allowOutside()}) and fills its store.
     *
     * @param collectionDir the collection folder
     * @param storeDir      the store folder, or null for {@link FeatureStore#defaultDir} of the collection
     * @param settings      audio and lyrics settings, every field set (a resolved task's, or the defaults)
     * @param lyricsSeed    seed of the stored embedding (the char-n-gram SVD)
     */
    public static CollectionFeatures prepare(Path collectionDir, Path storeDir, FeatureSettings settings,
                                             long lyricsSeed, int threads, Progress progress) {
        return prepare(CollectionReader.read(collectionDir, settings.allowOutsidePaths()), storeDir, settings,
                lyricsSeed, threads, progress);
    }

    /**
     * Fills the store of a collection already read (with {@code --allow-outside} folders, or
     * checked against a results folder first). The store is locked meanwhile, and marked as being
     * rewritten until every file is ({@link FeatureStore#beginRewrite}).
     */
    public static CollectionFeatures prepare(Collection collection, Path storeDir, FeatureSettings settings,
                                             long lyricsSeed, int threads, Progress progress) {
        progress.info("collection " + collection.root() + ": " + collection.size() + " tracks");
        FeatureStore store = FeatureStore.of(storeDir, collection.root());
        try (OwnedFolder lock = FeatureStore.lock(store.dir(), collection.root())) {
            store.beginRewrite();
            CollectionFeatures features = fill(collection, store, settings, lyricsSeed, threads, progress);
            store.endRewrite();
            return features;
        }
    }

    private static CollectionFeatures fill(Collection collection, FeatureStore store, FeatureSettings settings,
                                           long lyricsSeed, int threads, Progress progress) {
        ExtractionSummary summary;
        try (Progress.Tracker bar = progress.start("features", collection.size())) {
            summary = new FeatureExtractor(audioParams(settings), trackLimits(settings), threads).extract(collection,
                    store.dir(),
                    outcome -> bar.step(outcome.id()));
        }
        progress.info("features: " + summary.describe());
        List<TrackRow> rows = store.tracks();
        int n = collection.size();
        boolean[] audioOk = new boolean[n];
        double[] durations = new double[n];
        List<String> skipReasons = new ArrayList<>();
        List<String> truncations = new ArrayList<>();
        List<String> truncated = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TrackRow r = rows.get(i);
            audioOk[i] = r.ok();
            durations[i] = r.durationSeconds();
            skipReasons.add(r.ok() ? null : skipReason(r));
            truncations.add(r.ok() && r.truncated() ? skipReason(r) : null);
            if (!r.ok()) {
                progress.warn("track '" + r.id() + "' skipped: " + skipReasons.get(i));
            } else if (r.truncated()) {
                truncated.add("track '" + r.id() + "' used although " + truncations.get(i));
            }
        }

        GenreVocabulary vocabulary = GenreVocabulary.of(collection);
        float[][] genre = vocabulary.multiHot(collection.tracks());
        boolean[] genrePresent = GenreVocabulary.presence(collection.tracks());
        store.putMatrix(FeatureStore.GENRE_MULTIHOT, genre);
        store.putMask(FeatureStore.GENRE_MASK, genrePresent);

        List<String> warnings = new ArrayList<>(collection.warnings());
        warnings.addAll(truncated);
        List<String> texts = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        List<List<String>> lyricsTable = new ArrayList<>();
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
            lyricsTable.add(List.of(t.id(), status.code(), tagged, languages.get(languages.size() - 1)));
        }
        store.putLyricsTable(lyricsTable);
        LyricsEmbedding lyrics = LyricsEmbedding.of(collection.tracks(), lyricsRead, settings, lyricsSeed);
        store.putMatrix(FeatureStore.LYRICS_EMBEDDING, lyrics.rows());
        store.putMask(FeatureStore.LYRICS_MASK, lyrics.present());
        warnings.forEach(progress::warn);
        return new CollectionFeatures(collection, store, audioOk, store.matrix(FeatureStore.MFCC_SUMMARY),
                once(store::patches), durations, skipReasons, truncations, texts, languages, genre, genrePresent,
                vocabulary.genres(), lyrics, warnings, summary);
    }

    /** {@code load}, run on the first call only (by one thread; later callers wait for it). */
    private static <T> java.util.function.Supplier<T> once(java.util.function.Supplier<T> load) {
        return new java.util.function.Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = load.get();
                }
                return value;
            }
        };
    }
}
