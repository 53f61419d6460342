package gaan.eval;

/**
 * Internal and external quality of one partition. A metric that is undefined for this partition is
 * NaN and {@link #undefinedReason()} says why (empty when every metric is defined).
 *
 * <p>Internal metrics (silhouette, Davies-Bouldin, Calinski-Harabasz) use the non-noise points
 * only. External metrics (ARI, NMI, AMI, purity, accuracy) use every point with a truth label and
 * count noise as one more cluster. Coverage, the share of non-noise points, is always defined.
 *
 * @param nClusters clusters, noise not counted
 * @param nNoise points labelled noise (-1)
 */
public record Scores(double silhouette, double daviesBouldin, double calinskiHarabasz,
        double ari, double nmi, double ami, double purity, double accuracy,
        double coverage, int nClusters, int nNoise, String undefinedReason) {
}
