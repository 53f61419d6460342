/**
 * Clustering with scikit-learn's semantics, in gaan's own code: K-Means, agglomerative
 * (Ward, average, complete, single), DBSCAN with the k-distance knee, HDBSCAN and Gaussian
 * mixtures, plus candidate grids for sweeps. Points come in as {@code double[][]} (one row per
 * point, Euclidean distance) and are worked on as {@link gaan.linalg.Points}; every algorithm is a {@link gaan.cluster.Clusterer} configured
 * fully by its constructor and returns a {@link gaan.cluster.Partition} (noise = -1).
 */
package gaan.cluster;
