package gaan.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cluster assignments of every track under several methods: the content of
 * {@code cluster_assignments.csv}. Row {@code i} of every list and array is the same track;
 * a cluster id of -1 is noise.
 *
 * @param trackIds  track ids in row order
 * @param labels    evaluation label (label column, else primary genre) per track, {@code null} when unknown
 * @param languages language per track, {@code null} when unknown
 * @param methods   method name (a column of the CSV) to its cluster per track, in column order
 */
public record Assignments(List<String> trackIds, List<String> labels, List<String> languages,
                          Map<String, int[]> methods) {

    public Assignments {
        trackIds = List.copyOf(trackIds);
        labels = Collections.unmodifiableList(new ArrayList<>(labels));
        languages = Collections.unmodifiableList(new ArrayList<>(languages));
        methods = Collections.unmodifiableMap(new LinkedHashMap<>(methods));
        int n = trackIds.size();
        if (labels.size() != n || languages.size() != n) {
            throw new IllegalArgumentException("assignments: " + n + " track ids but " + labels.size()
                    + " labels and " + languages.size() + " languages; give one per track");
        }
        for (Map.Entry<String, int[]> e : methods.entrySet()) {
            Objects.requireNonNull(e.getValue(), e.getKey());
            if (e.getValue().length != n) {
                throw new IllegalArgumentException("assignments: method '" + e.getKey() + "' has "
                        + e.getValue().length + " clusters for " + n + " tracks");
            }
        }
    }

    public int size() {
        return trackIds.size();
    }

    /** Clusters of one method; fails naming the known methods when {@code method} is not one. */
    public int[] clusters(String method) {
        int[] c = methods.get(method);
        if (c == null) {
            throw new IllegalArgumentException("no assignments for method '" + method + "'; known: " + methods.keySet());
        }
        return c;
    }
}
