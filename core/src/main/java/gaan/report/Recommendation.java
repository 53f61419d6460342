package gaan.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The recommended clustering of a run as {@code results/recommendation.json} records it (written
 * by the label-free recommendation rule of {@code gaan.eval}); the report's first screen states it
 * and maps it. Unknown numbers are NaN; {@link #reference()} is {@code null} when the collection
 * has no labels.
 *
 * @param task               the task whose run is recommended
 * @param column             that run's column in {@code <task>/cluster_assignments.csv}
 * @param representation     what was clustered, e.g. {@code pca32}
 * @param inputs             the features behind it, e.g. {@code mfcc+lyrics}
 * @param algorithm          the clustering algorithm
 * @param params             its parameters as the results table prints them
 * @param seed               the seed of the run
 * @param k                  number of clusters
 * @param rule               one sentence: how the run was chosen without labels
 * @param evidence           the label-free scores the rule looked at
 * @param reference          agreement with the labels, or {@code null}
 * @param representationFile the clustered matrix, relative to the results folder (may be {@code null})
 */
public record Recommendation(String task, String column, String representation, String inputs, String algorithm,
                             String params, long seed, int k, String rule, Evidence evidence, Reference reference,
                             String representationFile) {
    /** File name in the results folder. */
    public static final String FILE = "recommendation.json";

    /** Label-free scores of the recommended run. */
    public record Evidence(double stability, double seedAgreement, double silhouette, double daviesBouldin,
                           double calinskiHarabasz, double coverage, double largestClusterShare) {
    }

    /** Agreement of the recommended run with the evaluation labels. */
    public record Reference(double ari, double nmi) {
    }

    /**
     * Reads {@code <results>/recommendation.json}; empty when the file is absent (results written
     * before gaan recorded a recommendation). A file that exists but cannot be read is an error
     * naming it.
     */
    public static Optional<Recommendation> read(Path results) {
        Path file = results.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode j;
        try {
            j = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage()
                    + "; delete it or run the task again to write it anew", e);
        }
        if (j == null || !j.hasNonNull("task") || !j.hasNonNull("column")) {
            throw new IllegalArgumentException(file + " names no task and column; run the task again to write it anew");
        }
        JsonNode e = j.path("evidence");
        JsonNode r = j.path("reference");
        return Optional.of(new Recommendation(j.get("task").asText(), j.get("column").asText(),
                text(j, "representation"), text(j, "inputs"), text(j, "algorithm"), text(j, "params"),
                j.path("seed").asLong(), j.path("k").asInt(), text(j, "rule"),
                new Evidence(number(e, "stability"), number(e, "seed_agreement"), number(e, "silhouette"),
                        number(e, "davies_bouldin"), number(e, "calinski_harabasz"), number(e, "coverage"),
                        number(e, "largest_cluster_share")),
                r.isObject() ? new Reference(number(r, "ari"), number(r, "nmi")) : null,
                j.hasNonNull("representation_file") ? j.get("representation_file").asText() : null));
    }

    private static String text(JsonNode j, String field) {
        return j.hasNonNull(field) ? j.get(field).asText() : "";
    }

    private static double number(JsonNode j, String field) {
        return j.hasNonNull(field) && j.get(field).isNumber() ? j.get(field).asDouble() : Double.NaN;
    }
}
