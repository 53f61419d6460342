package gaan.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One clustering of one representation, scored: a row of {@code clustering_results.csv}.
 * Undefined metrics are {@code NaN} (for example external metrics without labels, or silhouette of
 * a single cluster); {@link #note()} says why.
 *
 * @param task              the run's task ({@code easy}, {@code medium}, {@code hard}, or a YAML name)
 * @param representation    what was clustered, e.g. {@code mlp_vae_latent32}, {@code pca32}, {@code raw_mfcc}
 * @param inputs            the features that built the representation, joined by {@code +}, e.g.
 *                          {@code mfcc_summary}, {@code logmel+lyrics}, {@code mfcc+lyrics+genre}
 * @param labelsUsedAsInput true when the evaluation labels (genres) were an input of the
 *                          representation (CVAE condition, genre block): its external scores leak
 * @param algorithm         the clusterer, e.g. {@code kmeans}, {@code ward}, {@code dbscan}
 * @param params            the clusterer's parameters as text, e.g. {@code k=8} or {@code eps=0.5 min_samples=5}
 * @param seed              seed of the representation and the clusterer
 * @param scores            how well the clustering did; all {@link Scores#FAILED} when it could not run
 * @param selected          true for the row chosen as best of its sweep (the rule is in {@link #note()})
 * @param note              why metrics are undefined, a collapse flag, or the selection rule; may be empty
 * @param kFromLabels       k was set to the number of evaluation labels: kept for reference, never recommended
 * @param recommended       the task's one label-free answer ({@code gaan.eval.Recommender})
 */
public record ResultRow(String task, String representation, String inputs, boolean labelsUsedAsInput,
                        String algorithm, String params, long seed, Scores scores, boolean selected, String note,
                        boolean kFromLabels, boolean recommended) {

    /**
     * The scores of one clustering, in the column order of {@code clustering_results.csv}.
     *
     * @param nClusters number of clusters found, noise excluded
     * @param nNoise    tracks labelled noise (-1)
     * @param coverage  fraction of tracks in a cluster (1 - nNoise / n); internal metrics are on covered tracks
     */
    public record Scores(int nClusters, int nNoise, double coverage, double silhouette, double daviesBouldin,
                         double calinskiHarabasz, double ari, double nmi, double ami, double purity, double accuracy) {
        /** A clustering that could not run: no clusters, every metric undefined. */
        public static final Scores FAILED = new Scores(0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** A row whose k did not come from the labels, not (yet) recommended. */
    public ResultRow(String task, String representation, String inputs, boolean labelsUsedAsInput, String algorithm,
                     String params, long seed, Scores scores, boolean selected, String note) {
        this(task, representation, inputs, labelsUsedAsInput, algorithm, params, seed, scores, selected, note, false,
                false);
    }

    public ResultRow {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(representation, "representation");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(scores, "scores");
        params = params == null ? "" : params;
        note = note == null ? "" : note;
    }

    /** A short human name of the method, used as a plot label: {@code representation algorithm params}. */
    public String label() {
        return params.isEmpty() ? representation + " " + algorithm : representation + " " + algorithm + " " + params;
    }

    /**
     * The parameters of {@link #params()} by name, in order: {@code "k=5 linkage=ward"} gives
     * {@code k → 5, linkage → ward}. A word without {@code =} is skipped.
     */
    public Map<String, String> parameters() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String word : params.trim().split("[\\s,]+")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                out.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return out;
    }

    /**
     * Whether k was chosen from the data for this row (its note then starts the way
     * {@code gaan.eval.KSelection.Choice#note()} writes it: {@code k=6 from the data (...)}): such rows
     * of several seeds are one method even when each seed chose another k.
     */
    public boolean kFromData() {
        String k = parameters().get("k");
        return k != null && note.contains("k=" + k + K_FROM_DATA);
    }

    /** The words after {@code k=<k>} in the note of a row whose k was chosen from the data. */
    public static final String K_FROM_DATA = " from the data (";

    public ResultRow withSelected(boolean value) {
        return new ResultRow(task, representation, inputs, labelsUsedAsInput, algorithm, params, seed, scores, value,
                note, kFromLabels, recommended);
    }

    public ResultRow withRecommended(boolean value) {
        return new ResultRow(task, representation, inputs, labelsUsedAsInput, algorithm, params, seed, scores, selected,
                note, kFromLabels, value);
    }
}
