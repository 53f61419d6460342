package gaan.config;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One clustering algorithm of a task and the parameter grid it sweeps; every combination is run
 * on every representation and becomes a result row.
 *
 * @param algorithm      {@code kmeans}, {@code agglomerative}, {@code dbscan}, {@code hdbscan}, {@code gmm},
 *                       {@code spectral}
 * @param k              cluster counts (kmeans, agglomerative, gmm, spectral); default the task's k
 * @param linkage        agglomerative linkages: {@code ward}, {@code average}, {@code complete}, {@code single}
 * @param eps            DBSCAN radii; when absent, the k-distance knee times each of {@code epsFactors}
 * @param epsFactors     multipliers of the knee radius (default [1.0])
 * @param minSamples     DBSCAN / HDBSCAN neighbourhood sizes, counting the point itself (default [5])
 * @param minClusterSize HDBSCAN smallest cluster (default [5])
 * @param covariance     GMM covariance types: {@code diag}, {@code full} (default [diag])
 * @param nNeighbors     spectral clustering's neighbours per track in the kNN graph, the track included
 *                       (default [10], at most the number of tracks)
 */
public record ClusteringSpec(Algorithm algorithm, List<Integer> k, List<String> linkage, List<Double> eps,
                             List<Double> epsFactors, List<Integer> minSamples, List<Integer> minClusterSize,
                             List<String> covariance, List<Integer> nNeighbors) {

    /** The clustering families gaan implements. */
    public enum Algorithm {
        KMEANS, AGGLOMERATIVE, DBSCAN, HDBSCAN, GMM, SPECTRAL;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** True for the algorithms that take a number of clusters ({@code k}). */
        public boolean takesK() {
            return this == KMEANS || this == AGGLOMERATIVE || this == GMM || this == SPECTRAL;
        }

        @JsonCreator
        public static Algorithm parse(String text) {
            return RepresentationSpec.parseEnum(Algorithm.class, text, "algorithm");
        }
    }

    /** A spec with spectral clustering's default neighbourhood. */
    public ClusteringSpec(Algorithm algorithm, List<Integer> k, List<String> linkage, List<Double> eps,
                          List<Double> epsFactors, List<Integer> minSamples, List<Integer> minClusterSize,
                          List<String> covariance) {
        this(algorithm, k, linkage, eps, epsFactors, minSamples, minClusterSize, covariance, null);
    }

    public static ClusteringSpec of(Algorithm algorithm) {
        return new ClusteringSpec(algorithm, null, null, null, null, null, null, null);
    }

    public ClusteringSpec withK(List<Integer> ks) {
        return new ClusteringSpec(algorithm, ks, linkage, eps, epsFactors, minSamples, minClusterSize, covariance,
                nNeighbors);
    }

    /**
     * Fails naming the field ({@code path.k}, ...) when a value is out of range, unknown, or set
     * for an algorithm that does not use it (a parameter that would silently do nothing).
     */
    public void validate(String path) {
        FieldCheck.require(path + ".algorithm", algorithm);
        onlyFor(path + ".k", k, algorithm.takesK(), "kmeans, agglomerative, gmm and spectral");
        onlyFor(path + ".linkage", linkage, algorithm == Algorithm.AGGLOMERATIVE, "agglomerative");
        onlyFor(path + ".eps", eps, algorithm == Algorithm.DBSCAN, "dbscan");
        onlyFor(path + ".epsFactors", epsFactors, algorithm == Algorithm.DBSCAN, "dbscan");
        onlyFor(path + ".minSamples", minSamples, algorithm == Algorithm.DBSCAN || algorithm == Algorithm.HDBSCAN,
                "dbscan and hdbscan");
        onlyFor(path + ".minClusterSize", minClusterSize, algorithm == Algorithm.HDBSCAN, "hdbscan");
        onlyFor(path + ".covariance", covariance, algorithm == Algorithm.GMM, "gmm");
        onlyFor(path + ".nNeighbors", nNeighbors, algorithm == Algorithm.SPECTRAL, "spectral");
        if (eps != null && epsFactors != null) {
            throw new ConfigException(path + ".epsFactors: multiplies the knee radius, which is not used when eps is "
                    + "given; give eps or epsFactors, not both");
        }
        FieldCheck.eachAtLeast(path + ".k", k, 2);
        FieldCheck.eachPositive(path + ".eps", eps);
        FieldCheck.eachPositive(path + ".epsFactors", epsFactors);
        FieldCheck.eachAtLeast(path + ".minSamples", minSamples, 1);
        FieldCheck.eachAtLeast(path + ".minClusterSize", minClusterSize, 2);
        FieldCheck.eachAtLeast(path + ".nNeighbors", nNeighbors, 2);
        allowed(path + ".linkage", linkage, List.of("ward", "average", "complete", "single"));
        allowed(path + ".covariance", covariance, List.of("diag", "full"));
    }

    private void onlyFor(String field, List<?> values, boolean used, String algorithms) {
        if (values != null && !used) {
            throw new ConfigException(field + ": applies to " + algorithms + " only, not to " + algorithm.key()
                    + "; leave it out or choose such an algorithm");
        }
    }

    private static void allowed(String field, List<String> values, List<String> allowed) {
        if (values == null) {
            return;
        }
        FieldCheck.notEmpty(field, values);
        for (String v : values) {
            if (!allowed.contains(v)) {
                throw new ConfigException(field + ": unknown value '" + v + "', expected one of " + allowed);
            }
        }
    }
}
