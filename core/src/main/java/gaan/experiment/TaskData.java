package gaan.experiment;

import java.util.ArrayList;
import java.util.List;

import gaan.config.ConfigException;
import gaan.config.ExperimentConfig;
import gaan.config.Modality;
import gaan.data.LabelCoding;
import gaan.data.Track;

/**
 * The tracks one task works on and their inputs, row {@code i} being track {@code rows[i]} of the
 * collection. Every representation of a task is built from these same rows, so every result row
 * compares the same tracks. Blocks are {@code double} N×D; missing lyrics are imputed with the
 * mean of the present rows only when the task's {@code missingLyrics} is {@code impute}.
 *
 * @param truth evaluation label codes ({@code -1} unlabeled), or null when no track has a label
 */
public record TaskData(ExperimentConfig config, CollectionFeatures features, LyricsEmbedding lyrics, int[] rows,
                       int[] truth, List<String> labelNames) {

    public static TaskData select(ExperimentConfig config, CollectionFeatures features, LyricsEmbedding lyrics) {
        boolean lyricsRequired = config.features().excludeMissingLyrics() && config.usesLyrics();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            if (features.audioOk()[i] && (!lyricsRequired || lyrics.present()[i])) {
                keep.add(i);
            }
        }
        int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
        if (rows.length < 3) {
            throw new ConfigException("task '" + config.task() + "': only " + rows.length + " usable tracks"
                    + (lyricsRequired ? " with lyrics (features.missingLyrics is 'exclude')" : "")
                    + "; at least 3 are needed");
        }
        List<String> labels = new ArrayList<>();
        for (int r : rows) {
            labels.add(features.tracks().get(r).evaluationLabel());
        }
        LabelCoding coding = LabelCoding.of(labels);
        int[] truth = coding.names().isEmpty() ? null : coding.codes();
        return new TaskData(config, features, lyrics, rows, truth, coding.names());
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
            case LYRICS -> lyrics.rows();
            case GENRE -> features.genre();
            case LOGMEL -> meanPatchRows();
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
            case MFCC, LOGMEL -> features.audioOk();
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
        return new FeatureBlocks.Block(block(m), FeatureBlocks.scalingOf(m), null, weight);
    }

    /** Rows missing modality {@code m}, for the notes of rows built with it. */
    public int missing(Modality m) {
        int count = 0;
        for (boolean p : present(m)) {
            count += p ? 0 : 1;
        }
        return count;
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
