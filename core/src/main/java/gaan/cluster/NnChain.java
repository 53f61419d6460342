package gaan.cluster;

/**
 * The nearest-neighbour chain algorithm (Murtagh; scipy's {@code nn_chain}) for reducible
 * linkages: follow nearest neighbours until two clusters are each other's nearest, merge them,
 * continue from the rest of the chain. O(n²) distance evaluations. Ties go to the lowest index,
 * with the previous chain element preferred, exactly as scipy, so partitions match scipy's.
 */
final class NnChain {
    /** Cluster-to-cluster distances of the current clustering; slots are point indices. */
    interface Space {
        int size();

        boolean active(int slot);

        /** A value increasing with the linkage distance (the distance itself, or its square). */
        double distance(int a, int b);

        /** The linkage distance for a value of {@link #distance}. */
        double height(double distance);

        /** The active slot other than {@code x} with the smallest distance strictly below {@code bound}, or -1. */
        int nearest(int x, double bound);

        /** Merges slot {@code x} into slot {@code y} ({@code x < y}); {@code x} becomes inactive. */
        void merge(int x, int y);
    }

    private NnChain() {
    }

    static Dendrogram run(Space space) {
        int n = space.size();
        int[] left = new int[n - 1];
        int[] right = new int[n - 1];
        double[] height = new double[n - 1];
        int[] chain = new int[n];
        int length = 0;
        for (int k = 0; k < n - 1; k++) {
            if (length == 0) {
                for (int i = 0; i < n; i++) {
                    if (space.active(i)) {
                        chain[length++] = i;
                        break;
                    }
                }
            }
            int x;
            int y;
            double min;
            while (true) {
                x = chain[length - 1];
                int previous = length > 1 ? chain[length - 2] : -1;
                min = previous >= 0 ? space.distance(x, previous) : Double.POSITIVE_INFINITY;
                int found = space.nearest(x, min);
                y = found >= 0 ? found : previous;
                if (found >= 0) {
                    min = space.distance(x, found);
                }
                if (length > 1 && y == previous) {
                    break;
                }
                chain[length++] = y;
            }
            length -= 2;
            int a = Math.min(x, y);
            int b = Math.max(x, y);
            left[k] = a;
            right[k] = b;
            height[k] = space.height(min);
            space.merge(a, b);
        }
        return new Dendrogram(left, right, height);
    }
}
