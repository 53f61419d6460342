package gaan.cluster;

/**
 * A clusterer whose partition of one point set is already known, because a sweep over k made it
 * (spectral's cuts, agglomerative's merge tree): on those points, the same array, it hands that
 * partition back instead of fitting again; on any other points (the recommendation's subsamples
 * and nulls) it fits. On a large collection a spectral fit is mostly its kNN graph, so the refit
 * of the chosen k cost as much as the whole sweep.
 *
 * @param clusterer what made {@code partition} and fits other points
 * @param x         the points {@code partition} is of, compared by identity
 * @param partition {@code clusterer}'s partition of {@code x}
 */
public record Fitted(Clusterer clusterer, double[][] x, Partition partition) implements Clusterer {
    public Fitted {
        if (!partition.method().equals(clusterer.method()) || partition.labels().length != x.length) {
            throw new IllegalArgumentException("partition " + partition.method() + " of " + partition.labels().length
                    + " points is not " + clusterer.method() + "'s of " + x.length);
        }
    }

    @Override
    public Partition fit(double[][] points) {
        return points == x ? partition : clusterer.fit(points);
    }

    @Override
    public Method method() {
        return clusterer.method();
    }
}
