package gaan.config;

import java.util.ArrayList;
import java.util.List;

/**
 * One task: what to extract, which representations to build, which clusterings to run on each,
 * and the seeds to repeat it over. Null fields take defaults ({@link #resolved()}); a YAML
 * experiment file holds one of these (or a list under {@code tasks:}).
 *
 * @param task            name of the task and of its run folder {@code results/<task>/}
 * @param seeds           every random choice (VAE init, batches, K-Means init) is repeated per seed
 * @param threads         worker threads for extraction, training and clustering (default: all cores)
 * @param k               cluster count where a clustering gives none; absent: chosen from the data
 * @param minCoverage     selection rule: the best silhouette among runs whose non-noise share is at least this
 * @param features        feature extraction settings
 * @param training        VAE training settings
 * @param representations what gets clustered, in order (hybrids may name earlier ones)
 * @param clustering      the algorithms and their parameter grids
 */
public record ExperimentConfig(String task, List<Long> seeds, Integer threads, Integer k, Double minCoverage,
                               FeatureSettings features, TrainingSettings training,
                               List<RepresentationSpec> representations, List<ClusteringSpec> clustering) {
    /** The results folder's EDA subfolder, beside the task folders: no task may take its name. */
    public static final String EDA_FOLDER = "eda";


    /** The share of tracks a run must cluster (not leave as noise) to be selected, unless the task says. */
    public static final double DEFAULT_MIN_COVERAGE = 0.9;

    /** Worker threads when a task or a command names none: every core. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** This with every default filled in and list-valued representations expanded. */
    public ExperimentConfig resolved() {
        List<RepresentationSpec> reps = new ArrayList<>();
        if (representations != null) {
            representations.forEach(r -> reps.addAll(r.expand()));
        }
        return new ExperimentConfig(task,
                seeds == null ? List.of(1L) : seeds,
                threads == null ? defaultThreads() : threads,
                k,
                minCoverage == null ? DEFAULT_MIN_COVERAGE : minCoverage,
                (features == null ? FeatureSettings.DEFAULTS : features).over(FeatureSettings.DEFAULTS),
                (training == null ? TrainingSettings.DEFAULTS : training).over(TrainingSettings.DEFAULTS),
                reps,
                clustering == null ? List.of(ClusteringSpec.of(ClusteringSpec.Algorithm.KMEANS)) : clustering);
    }

    /** This with {@code folders} added to {@code features.allowOutside} (the {@code --allow-outside} option). */
    public ExperimentConfig allowingOutside(List<String> folders) {
        FeatureSettings f = features == null ? new FeatureSettings(null, null, null, null, null, null) : features;
        return new ExperimentConfig(task, seeds, threads, k, minCoverage, f.allowingOutside(folders), training,
                representations, clustering);
    }

    /** Checks every field, naming the first bad one; call on a {@link #resolved()} config. */
    public ExperimentConfig validate() {
        String p = task == null ? "task" : "task '" + task + "'";
        FieldCheck.require("task", task);
        if (!task.matches("[A-Za-z0-9_-][A-Za-z0-9_.-]*") || task.equals(EDA_FOLDER)) {
            throw new ConfigException("task name '" + task + "' must be a plain folder name: letters, digits, '_',"
                    + " '.', '-', not starting with '.', and not '" + EDA_FOLDER
                    + "' (the EDA's folder)");
        }
        FieldCheck.notEmpty(p + ": seeds", seeds);
        FieldCheck.distinct(p + ": seeds", seeds);
        FieldCheck.between(p + ": threads", threads, 1, Limits.maxThreads(), Limits.THREADS_WHY);
        FieldCheck.atLeast(p + ": k", k, 2);
        FieldCheck.range(p + ": minCoverage", minCoverage, 0.0, 1.0);
        features.validate(p + ": features");
        training.validate(p + ": training");
        if (representations.isEmpty()) {
            throw new ConfigException(p + ": representations must list at least one representation");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < representations.size(); i++) {
            RepresentationSpec r = representations.get(i);
            r.validate(p + ": representations[" + i + "]", names);
            if (names.contains(r.name())) {
                throw new ConfigException(p + ": representations[" + i + "].name '" + r.name() + "' is used twice");
            }
            names.add(r.name());
            if (r.windowDraw() == RepresentationSpec.WindowDraw.PAIRS && features.patches() != null
                    && features.patches() < 2) {
                throw new ConfigException(p + ": representations[" + i + "].windows 'pairs' draws two log-mel patches"
                        + " a track, but features.patches is " + features.patches() + "; set features.patches to 2"
                        + " or more (e.g. 8)");
            }
        }
        FieldCheck.notEmpty(p + ": clustering", clustering);
        for (int i = 0; i < clustering.size(); i++) {
            clustering.get(i).validate(p + ": clustering[" + i + "]");
        }
        return this;
    }
}
