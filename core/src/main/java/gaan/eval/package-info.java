/**
 * Clustering quality as scikit-learn computes it (silhouette, Davies-Bouldin,
 * Calinski-Harabasz, ARI, NMI, AMI, purity, cluster accuracy) with explicit noise handling and
 * coverage, and sweeps that score many partitions and pick one by a stated
 * {@link gaan.eval.SelectionRule}.
 */
package gaan.eval;
