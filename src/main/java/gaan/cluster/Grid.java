package gaan.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Candidate lists for parameter sweeps, in a fixed order (outer loop first as listed in each
 * method), so a sweep's rows and its tie-breaking are reproducible.
 */
public final class Grid {
    private Grid() {
    }

    /** K-Means for k in [kFrom, kTo] (outer) and each seed (inner), scikit-learn defaults otherwise. */
    public static List<Clusterer> kmeans(int kFrom, int kTo, long[] seeds, int threads) {
        List<Clusterer> out = new ArrayList<>();
        for (int k = kFrom; k <= kTo; k++) {
            for (long seed : seeds) {
                out.add(new KMeans(k, seed, threads));
            }
        }
        return out;
    }

    /** Agglomerative for each linkage (outer) and k in [kFrom, kTo]. */
    public static List<Clusterer> agglomerative(int kFrom, int kTo, List<Agglomerative.Linkage> linkages,
            int threads) {
        List<Clusterer> out = new ArrayList<>();
        for (Agglomerative.Linkage linkage : linkages) {
            for (int k = kFrom; k <= kTo; k++) {
                out.add(new Agglomerative(k, linkage, threads));
            }
        }
        return out;
    }

    /** DBSCAN for each min_samples (outer) and each eps. */
    public static List<Clusterer> dbscan(double[] eps, int[] minSamples, int threads) {
        List<Clusterer> out = new ArrayList<>();
        for (int m : minSamples) {
            for (double e : eps) {
                out.add(new Dbscan(e, m, threads));
            }
        }
        return out;
    }

    /** DBSCAN with eps = factor × knee, for each min_samples (outer) and factor (e.g. 0.5, 1, 1.5). */
    public static List<Clusterer> dbscanKnee(int[] minSamples, double[] factors, int threads) {
        List<Clusterer> out = new ArrayList<>();
        for (int m : minSamples) {
            for (double f : factors) {
                out.add(Dbscan.knee(m, f, threads));
            }
        }
        return out;
    }

    /** HDBSCAN for each min_cluster_size (outer) and min_samples. */
    public static List<Clusterer> hdbscan(int[] minClusterSizes, int[] minSamples, int threads) {
        List<Clusterer> out = new ArrayList<>();
        for (int size : minClusterSizes) {
            for (int m : minSamples) {
                out.add(new Hdbscan(size, m, threads));
            }
        }
        return out;
    }

    /** Gaussian mixtures for each covariance type (outer), k in [kFrom, kTo], and each seed (inner). */
    public static List<Clusterer> gaussianMixture(int kFrom, int kTo, List<GaussianMixture.Covariance> types,
            long[] seeds, int threads) {
        List<Clusterer> out = new ArrayList<>();
        for (GaussianMixture.Covariance type : types) {
            for (int k = kFrom; k <= kTo; k++) {
                for (long seed : seeds) {
                    out.add(new GaussianMixture(k, type, seed, threads));
                }
            }
        }
        return out;
    }
}
