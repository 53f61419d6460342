package gaan.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The recommended clustering, as {@code recommendation.json} records it: per task in
 * {@code <task>/recommendation.json}, and for the whole run in the results root with the tasks'
 * answers under {@code per_task} (null inside a task's file). Undefined numbers are JSON null.
 *
 * @param column             the run's column in {@code <task>/cluster_assignments.csv}
 * @param representationFile the clustered matrix, relative to the results root
 * @param reference          ARI / NMI against the labels, for reference only; null without labels
 */
public record Recommendation(String task, String column, String representation, String inputs, String algorithm,
                             String params, long seed, int k, String rule, Evidence evidence, Reference reference,
                             String representationFile, List<Recommendation> perTask) {
    public static final String FILE = "recommendation.json";
    /** {@code track_id,cluster} of the run's recommended clustering (-1 = noise), in the results root. */
    public static final String ASSIGNMENTS_FILE = "recommended_assignments.csv";

    /**
     * The label-free evidence; {@code score} is what the rule maximised within the task. {@code stabilityNull}
     * is the same clusterer's stability on the points with each feature shuffled on its own (no structure
     * between features): the rule credits stability above it. {@code stabilityNullComponents} is the same
     * with each principal-component score shuffled instead (the same for the points in any basis), and
     * {@code scoreAcrossTasks} the score with that null: what the tasks' answers are compared by (NaN in
     * files written before it existed, which then come last).
     */
    public record Evidence(double stability, double stabilityNull, double stabilityNullComponents, double seedAgreement,
                           double consensus, double silhouette, double daviesBouldin, double calinskiHarabasz,
                           double coverage, double largestClusterShare, double score, double scoreAcrossTasks) {
    }

    public record Reference(double ari, double nmi) {
    }

    /** The same answer with the tasks' answers attached (the run's overall record). */
    public Recommendation withPerTask(List<Recommendation> tasks) {
        return new Recommendation(task, column, representation, inputs, algorithm, params, seed, k, rule, evidence,
                reference, representationFile, List.copyOf(tasks));
    }

    /** Writes this record to {@code file} (atomically). */
    public Path write(Path file) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            return RunWriter.writeString(file, json.writeValueAsString(toJson(json)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code track_id,cluster} for the recommended clustering. */
    public static Path writeAssignments(Path file, List<String> trackIds, int[] clusters) {
        List<List<Object>> records = new ArrayList<>(trackIds.size());
        for (int i = 0; i < trackIds.size(); i++) {
            records.add(List.of(trackIds.get(i), clusters[i]));
        }
        return RunWriter.writeCsv(file, List.of("track_id", "cluster"), records);
    }

    private ObjectNode toJson(ObjectMapper json) {
        ObjectNode o = json.createObjectNode();
        o.put("task", task);
        o.put("column", column);
        o.put("representation", representation);
        o.put("inputs", inputs);
        o.put("algorithm", algorithm);
        o.put("params", params);
        o.put("seed", seed);
        o.put("k", k);
        o.put("rule", rule);
        ObjectNode e = o.putObject("evidence");
        number(e, "stability", evidence.stability);
        number(e, "stability_null", evidence.stabilityNull);
        number(e, "stability_null_components", evidence.stabilityNullComponents);
        number(e, "seed_agreement", evidence.seedAgreement);
        number(e, "consensus", evidence.consensus);
        number(e, "silhouette", evidence.silhouette);
        number(e, "davies_bouldin", evidence.daviesBouldin);
        number(e, "calinski_harabasz", evidence.calinskiHarabasz);
        number(e, "coverage", evidence.coverage);
        number(e, "largest_cluster_share", evidence.largestClusterShare);
        number(e, "score", evidence.score);
        number(e, "score_across_tasks", evidence.scoreAcrossTasks);
        if (reference == null) {
            o.putNull("reference");
        } else {
            ObjectNode r = o.putObject("reference");
            number(r, "ari", reference.ari);
            number(r, "nmi", reference.nmi);
        }
        o.put("representation_file", representationFile);
        if (perTask != null) {
            var list = o.putArray("per_task");
            perTask.forEach(t -> list.add(t.toJson(json)));
        }
        return o;
    }

    private static void number(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }

    /**
     * Reads a record written by {@link #write(Path)}.
     *
     * @throws IllegalArgumentException naming the file when it is not such a record
     */
    public static Recommendation read(Path file) {
        JsonNode o;
        try {
            o = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        if (o == null || !o.hasNonNull("column") || !o.has("evidence")) {
            throw new IllegalArgumentException(file + " is not a gaan recommendation (no 'column' or 'evidence');"
                    + " run 'gaan run' again to write it");
        }
        return fromJson(o);
    }

    private static Recommendation fromJson(JsonNode o) {
        JsonNode e = o.path("evidence");
        JsonNode r = o.path("reference");
        List<Recommendation> tasks = null;
        if (o.path("per_task").isArray()) {
            tasks = new ArrayList<>();
            for (JsonNode t : o.path("per_task")) {
                tasks.add(fromJson(t));
            }
        }
        return new Recommendation(o.path("task").asText(), o.path("column").asText(), o.path("representation").asText(),
                o.path("inputs").asText(), o.path("algorithm").asText(), o.path("params").asText(),
                o.path("seed").asLong(), o.path("k").asInt(), o.path("rule").asText(),
                new Evidence(num(e, "stability"), num(e, "stability_null"), num(e, "stability_null_components"),
                        num(e, "seed_agreement"), num(e, "consensus"), num(e, "silhouette"), num(e, "davies_bouldin"),
                        num(e, "calinski_harabasz"), num(e, "coverage"), num(e, "largest_cluster_share"), num(e, "score"),
                        num(e, "score_across_tasks")),
                r.isObject() ? new Reference(num(r, "ari"), num(r, "nmi")) : null,
                o.path("representation_file").asText(), tasks);
    }

    private static double num(JsonNode o, String name) {
        JsonNode v = o.path(name);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }
}
