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

    /** The integers {@code from..to}, inclusive: a k range for the lists below. */
    public static List<Integer> range(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            out.add(k);
        }
        return out;
    }

    /** K-Means for each k (outer) and each seed (inner), scikit-learn defaults otherwise. */
    public static List<Clusterer> kmeans(List<Integer> ks, int threads, long... seeds) {
        List<Clusterer> out = new ArrayList<>();
        for (int k : ks) {
            for (long seed : seeds) {
                out.add(new KMeans(k, seed, threads));
            }
        }
        return out;
    }

    /** Agglomerative for each linkage (outer) and k. */
    public static List<Clusterer> agglomerative(List<Integer> ks, List<Agglomerative.Linkage> linkages, int threads) {
        List<Clusterer> out = new ArrayList<>();
        for (Agglomerative.Linkage linkage : linkages) {
            for (int k : ks) {
                out.add(new Agglomerative(k, linkage, threads));
            }
        }
        return out;
    }

    /** DBSCAN for each min_samples (outer) and each eps. */
    public static List<Clusterer> dbscan(List<Double> eps, List<Integer> minSamples, int threads) {
        List<Clusterer> out = new ArrayList<>();
        for (int m : minSamples) {
            for (double e : eps) {
                out.add(new Dbscan(e, m, threads));
            }
        }
        return out;
    }

    /** DBSCAN with eps = factor × knee, for each min_samples (outer) and factor (e.g. 0.5, 1, 1.5). */
    public static List<Clusterer> dbscanKnee(List<Integer> minSamples, List<Double> factors, int threads) {
        List<Clusterer> out = new ArrayList<>();
        for (int m : minSamples) {
            for (double f : factors) {
                out.add(Dbscan.knee(m, f, threads));
            }
        }
        return out;
    }

    /**
     * HDBSCAN for each min_cluster_size (outer) and min_samples; with {@code minSamples} null,
     * min_samples equals min_cluster_size (scikit-learn's default).
     */
    public static List<Clusterer> hdbscan(List<Integer> minClusterSizes, List<Integer> minSamples, int threads) {
        List<Clusterer> out = new ArrayList<>();
        for (int size : minClusterSizes) {
            for (int m : minSamples != null ? minSamples : List.of(size)) {
                out.add(new Hdbscan(size, m, threads));
            }
        }
        return out;
    }

    /** Gaussian mixtures for each covariance type (outer), k, and each seed (inner). */
    public static List<Clusterer> gaussianMixture(List<Integer> ks, List<GaussianMixture.Covariance> types,
            int threads, long... seeds) {
        List<Clusterer> out = new ArrayList<>();
        for (GaussianMixture.Covariance type : types) {
            for (int k : ks) {
                for (long seed : seeds) {
                    out.add(new GaussianMixture(k, type, seed, threads));
                }
            }
        }
        return out;
    }

    /** Spectral clustering for each n_neighbors (outer), k, and each seed (inner). */
    public static List<Clusterer> spectral(List<Integer> ks, List<Integer> nNeighbors, int threads, long... seeds) {
        List<Clusterer> out = new ArrayList<>();
        for (int m : nNeighbors) {
            for (int k : ks) {
                for (long seed : seeds) {
                    out.add(new Spectral(k, m, seed, threads));
                }
            }
        }
        return out;
    }
}
