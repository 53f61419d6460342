package gaan.cluster;

/**
 * A clustering algorithm fully configured by its constructor (parameters, seed, thread count),
 * so that {@code fit} on the same points always gives the same partition.
 */
public interface Clusterer {
    /**
     * Clusters the rows of {@code x} (one point per row).
     *
     * @throws IllegalArgumentException if rows are ragged, hold NaN/infinity, or are too few for
     *     the configured number of clusters
     */
    Partition fit(double[][] x);

    /** The algorithm and its parameters, as recorded in {@link Partition#method()}. */
    Method method();
}
