package gaan.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gaan.cluster.BagOfFrames;
import gaan.config.ClusteringSpec;
import gaan.config.ConfigException;
import gaan.config.ExperimentConfig;
import gaan.config.Modality;
import gaan.config.RepresentationSpec;
import gaan.data.LabelCoding;
import gaan.data.Track;
import gaan.features.FeatureStore;

/**
 * The tracks one task works on and their inputs, row {@code i} being track {@code rows[i]} of the
 * collection. Every representation of a task is built from these same rows, so every result row
 * compares the same tracks. Blocks are {@code double} N×D; missing lyrics are imputed with the
 * mean of the present rows only when the task's {@code missingLyrics} is {@code impute}.
 *
 * @param truth   evaluation label codes ({@code -1} unlabeled), or null when no track has a label
 * @param skipped representations this collection cannot support, name to reason ("no lyrics in
 *                this collection"); they are left out once, not failed per seed
 * @param notes   what the task changed to fit the collection, for the summary, run.json and report
 */
public record TaskData(ExperimentConfig config, CollectionFeatures features, LyricsEmbedding lyrics, int[] rows,
                       int[] truth, List<String> labelNames, Map<String, String> skipped, List<String> notes) {
    /** Fewest tracks a task, or a modality a representation reads, must have. */
    static final int MIN_TRACKS = 3;

    public static TaskData select(ExperimentConfig config, CollectionFeatures features, LyricsEmbedding lyrics) {
        int usable = 0;
        for (boolean ok : features.audioOk()) {
            usable += ok ? 1 : 0;
        }
        Map<String, String> skipped = unsupported(config, features, lyrics, usable);
        List<String> notes = new ArrayList<>();
        skipped.forEach((name, reason) -> notes.add("skipped " + name + ": " + reason));
        boolean lyricsRequired = config.features().excludeMissingLyrics() && config.representations().stream()
                .filter(r -> !skipped.containsKey(r.name())).anyMatch(TaskData::readsLyrics);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            if (features.audioOk()[i] && (!lyricsRequired || lyrics.present()[i])) {
                keep.add(i);
            }
        }
        int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
        if (rows.length < MIN_TRACKS) {
            throw new ConfigException("task '" + config.task() + "': only " + rows.length + " usable tracks"
                    + (lyricsRequired ? " with lyrics (features.missingLyrics is 'exclude')" : "")
                    + "; at least " + MIN_TRACKS + " are needed");
        }
        if (config.k() != null && config.k() > rows.length - 1) {
            throw new ConfigException("task '" + config.task() + "': k = " + config.k() + " but the task has "
                    + rows.length + " usable tracks; k must be at most " + (rows.length - 1));
        }
        List<String> labels = new ArrayList<>();
        for (int r : rows) {
            labels.add(features.tracks().get(r).evaluationLabel());
        }
        LabelCoding coding = LabelCoding.of(labels);
        int[] truth = coding.names().isEmpty() ? null : coding.codes();
        if (truth == null) {
            notes.add("no labels or genres: external metrics (ARI, NMI, AMI, purity, accuracy) are empty");
        }
        for (ClusteringSpec c : config.clustering()) {
            if (c.k() != null && c.k().stream().anyMatch(k -> k > rows.length - 1)) {
                notes.add(c.algorithm().key() + ": k above " + (rows.length - 1) + " (tracks − 1) left out of its sweep");
            }
        }
        return new TaskData(config, features, lyrics, rows, truth, coding.names(), skipped, notes);
    }

    /**
     * Representations whose inputs the collection lacks (none of its decodable tracks has them,
     * fewer than {@link #MIN_TRACKS} do, or, when tracks without lyrics are excluded, fewer than
     * half do), and hybrids built on one of those; with the reason each is left out.
     */
    private static Map<String, String> unsupported(ExperimentConfig config, CollectionFeatures features,
                                                   LyricsEmbedding lyrics, int usable) {
        Map<String, String> skipped = new LinkedHashMap<>();
        List<String> names = config.representations().stream().map(RepresentationSpec::name).toList();
        for (RepresentationSpec spec : config.representations()) {
            List<Modality> needed = new ArrayList<>(spec.inputsOrEmpty());
            if (spec.conditionedOnGenre()) {
                needed.add(Modality.GENRE);
            }
            String reason = null;
            for (String part : spec.parts() == null ? List.<String>of() : spec.parts()) {
                if (names.contains(part)) {
                    reason = reason != null ? reason : skipped.get(part);
                } else {
                    needed.add(Modality.parse(part));
                }
            }
            for (Modality m : needed) {
                reason = reason != null ? reason : absent(m, config, features, lyrics, usable);
            }
            if (reason != null) {
                skipped.put(spec.name(), reason);
            }
        }
        return skipped;
    }

    private static String absent(Modality m, ExperimentConfig config, CollectionFeatures features,
                                 LyricsEmbedding lyrics, int usable) {
        boolean[] present = switch (m) {
            case MFCC, DESCRIPTORS, LOGMEL, CODEBOOK -> null;
            case LYRICS -> lyrics.present();
            case GENRE -> features.genrePresent();
        };
        if (present == null) {
            return null;
        }
        int have = 0;
        for (int i = 0; i < present.length; i++) {
            have += present[i] && features.audioOk()[i] ? 1 : 0;
        }
        String what = m == Modality.LYRICS ? "lyrics" : "genres";
        if (have == 0) {
            return "no " + what + " in this collection";
        }
        if (have < MIN_TRACKS) {
            return "only " + have + " track(s) have " + what + "; at least " + MIN_TRACKS + " are needed";
        }
        if (m == Modality.LYRICS && config.features().excludeMissingLyrics() && 2 * have < usable) {
            return "only " + have + " of " + usable + " tracks have lyrics, and features.missingLyrics 'exclude'"
                    + " would drop the rest from every representation (set it to 'impute' to keep them)";
        }
        return null;
    }

    private static boolean readsLyrics(RepresentationSpec r) {
        return r.inputsOrEmpty().contains(Modality.LYRICS)
                || (r.parts() != null && r.parts().contains(Modality.LYRICS.key()));
    }

    /** The cluster count the config forces ({@code k}, {@code --k}), at most n − 1; null when absent. */
    public Integer forcedK() {
        return config.k() == null ? null : Math.min(config.k(), rows.length - 1);
    }

    /** The number of evaluation labels (at most n − 1) when there are at least two; null otherwise. */
    public Integer labelsK() {
        return labelNames.size() < 2 ? null : Math.min(labelNames.size(), rows.length - 1);
    }

    public int size() {
        return rows.length;
    }

    public List<Track> tracks() {
        return java.util.Arrays.stream(rows).mapToObj(r -> features.tracks().get(r)).toList();
    }

    public List<String> ids() {
        return tracks().stream().map(Track::id).toList();
    }

    public List<String> labels() {
        return tracks().stream().map(Track::evaluationLabel).toList();
    }

    public List<String> languages() {
        return java.util.Arrays.stream(rows).mapToObj(r -> features.languages().get(r)).toList();
    }

    /** Primary genre per row, "none" where a track has no genre (for colouring plots). */
    public List<String> primaryGenres() {
        return tracks().stream().map(t -> t.genres().isEmpty() ? "none" : t.genres().get(0)).toList();
    }

    /** Rows of a vector modality as floats, unmodified (absent rows are zero; see {@link #present}). */
    public float[][] floats(Modality m) {
        float[][] source = switch (m) {
            case MFCC -> features.mfcc();
            case DESCRIPTORS -> features.store().matrix(FeatureStore.DESCRIPTORS);
            case LYRICS -> lyrics.rows();
            case GENRE -> features.genre();
            case LOGMEL -> meanPatchRows();
            case CODEBOOK -> throw new IllegalArgumentException(
                    "codebook histograms are learnt from the task's frames by RepresentationBuilder, not stored");
        };
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = source[rows[i]];
        }
        return out;
    }

    /** Whether each row has modality {@code m}. */
    public boolean[] present(Modality m) {
        boolean[] all = switch (m) {
            case MFCC, DESCRIPTORS, LOGMEL, CODEBOOK -> features.audioOk();
            case LYRICS -> lyrics.present();
            case GENRE -> features.genrePresent();
        };
        return FeatureBlocks.select(all, rows);
    }

    /** A modality as a double block for raw, PCA and hybrid representations; absent lyrics imputed. */
    public double[][] block(Modality m) {
        double[][] x = FeatureBlocks.toDouble(floats(m));
        return m == Modality.LYRICS ? FeatureBlocks.imputeMean(x, present(m)) : x;
    }

    /** A modality as one block of a weighted concatenation ({@link FeatureBlocks#weigh}). */
    public FeatureBlocks.Block weighted(Modality m, double weight) {
        return new FeatureBlocks.Block(block(m), FeatureBlocks.scalingOf(m), m == Modality.DESCRIPTORS
                ? features.store().descriptorNames().stream().map(TaskData::group).toArray(String[]::new) : null,
                weight);
    }

    /** A descriptor column's group: its name's prefix ({@code spectral} of {@code spectral.mean.centroid}). */
    private static String group(String column) {
        int dot = column.indexOf('.');
        return dot < 0 ? column : column.substring(0, dot);
    }

    /** Rows missing modality {@code m}, for the notes of rows built with it. */
    public int missing(Modality m) {
        int count = 0;
        for (boolean p : present(m)) {
            count += p ? 0 : 1;
        }
        return count;
    }

    /** Values per timbre frame in the store (MFCCs and contrast bands). */
    public int timbreWidth() {
        return features.store().cubeShape(FeatureStore.TIMBRE_FRAMES)[2];
    }

    /**
     * The rows' sampled timbre frames ({@code gaan.audio.TimbreFrames}), {@code [frame][value]} a track,
     * read from the store one track at a time whenever the source is read (never all held at once).
     */
    public BagOfFrames.FrameSource timbreFrames() {
        FeatureStore store = features.store();
        int[] shape = store.cubeShape(FeatureStore.TIMBRE_FRAMES);
        long framesPerTrack = shape[1];
        int[] taskRow = new int[shape[0]];
        java.util.Arrays.fill(taskRow, -1);
        for (int i = 0; i < rows.length; i++) {
            taskRow[rows[i]] = i;
        }
        return new BagOfFrames.FrameSource() {
            @Override
            public int tracks() {
                return rows.length;
            }

            @Override
            public long totalFrames() {
                return framesPerTrack * rows.length;
            }

            @Override
            public void forEach(java.util.function.ObjIntConsumer<float[][]> each) {
                // Store rows ascend with task rows, so task rows come out in order.
                store.forEachTrack(FeatureStore.TIMBRE_FRAMES, (frames, storeRow) -> {
                    if (taskRow[storeRow] >= 0) {
                        each.accept(frames, taskRow[storeRow]);
                    }
                });
            }
        };
    }

    /** N×P×128×128 patches of the rows. */
    public float[][][][] patches() {
        return FeatureBlocks.select(features.logmel(), rows);
    }

    private float[][] meanPatchRows() {
        float[][][][] cube = features.logmel();
        float[][] out = new float[cube.length][];
        for (int i = 0; i < cube.length; i++) {
            int p = cube[i].length;
            int h = cube[i][0].length;
            int w = cube[i][0][0].length;
            out[i] = new float[h * w];
            for (float[][] patch : cube[i]) {
                for (int a = 0; a < h; a++) {
                    for (int b = 0; b < w; b++) {
                        out[i][a * w + b] += patch[a][b] / p;
                    }
                }
            }
        }
        return out;
    }
}
