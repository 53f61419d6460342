package gaan.cluster;

import java.util.Arrays;

/**
 * The n-1 merges of a hierarchical clustering: merge {@code m} joins the clusters holding points
 * {@code left[m]} and {@code right[m]} at height {@code height[m]}. Cutting at k clusters applies
 * the n-k lowest merges (a stable sort by height, as scipy orders its linkage matrix).
 */
record Dendrogram(int[] left, int[] right, double[] height) {

    /** Labels 0..k-1 numbered in order of each cluster's first point. */
    int[] cut(int k) {
        int n = left.length + 1;
        Integer[] order = new Integer[left.length];
        for (int m = 0; m < order.length; m++) {
            order[m] = m;
        }
        Arrays.sort(order, (a, b) -> Double.compare(height[a], height[b]));
        UnionFind sets = new UnionFind(n);
        for (int m = 0; m < n - k; m++) {
            sets.union(left[order[m]], right[order[m]]);
        }
        int[] root = new int[n];
        for (int i = 0; i < n; i++) {
            root[i] = sets.find(i);
        }
        return KMeans.compact(root);
    }
}
