package gaan.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads back the CSV files {@link RunWriter} wrote (for {@code gaan report}, which rebuilds the
 * HTML page from existing run folders). Empty cells read as NaN (or -1 active units), as written.
 * Errors name the file, the line and the column.
 */
public final class RunReader {
    private RunReader() {
    }

    public static List<ResultRow> readResults(Path file) {
        // Results written before the recommendation lack its two columns: read as false.
        List<String> required = RunWriter.RESULT_COLUMNS.stream()
                .filter(c -> !c.equals("k_from_labels") && !c.equals("recommended")).toList();
        return read(file, required, r -> new ResultRow(r.text("task"), r.text("representation"),
                r.text("inputs"), r.bool("labels_used_as_input"), r.text("algorithm"), r.text("params"),
                r.integer("seed"), new ResultRow.Scores((int) r.integer("n_clusters"), (int) r.integer("n_noise"),
                r.number("coverage"), r.number("silhouette"), r.number("davies_bouldin"),
                r.number("calinski_harabasz"), r.number("ari"), r.number("nmi"), r.number("ami"), r.number("purity"),
                r.number("accuracy")), r.bool("selected"), r.text("note"), r.boolOrFalse("k_from_labels"),
                r.boolOrFalse("recommended")));
    }

    public static List<HistoryRow> readHistory(Path file) {
        return read(file, RunWriter.HISTORY_COLUMNS, r -> new HistoryRow(r.text("model"), r.integer("seed"),
                (int) r.integer("epoch"), r.number("loss"), r.number("reconstruction"), r.number("kl"),
                r.number("beta"), r.text("active_units").isEmpty() ? -1 : (int) r.integer("active_units"),
                r.number("val_loss"), r.number("seconds")));
    }

    /**
     * The task notes {@code run.json} records under {@code config.notes} (representations skipped
     * for a modality the collection lacks, how k was chosen); empty when it has none.
     */
    public static List<String> readNotes(Path runJson) {
        try {
            com.fasterxml.jackson.databind.JsonNode notes = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(runJson.toFile()).path("config").path("notes");
            List<String> out = new ArrayList<>();
            notes.forEach(n -> out.add(n.asText()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + runJson + ": " + e.getMessage(), e);
        }
    }

    public static Assignments readAssignments(Path file) {
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        Map<String, List<Integer>> columns = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<String> header = csv.getHeaderNames();
            requireColumns(file, header, RunWriter.ASSIGNMENT_LEAD_COLUMNS);
            header.subList(RunWriter.ASSIGNMENT_LEAD_COLUMNS.size(), header.size())
                    .forEach(m -> columns.put(m, new ArrayList<>()));
            for (CSVRecord rec : csv) {
                Row r = new Row(file, rec);
                ids.add(r.text("track_id"));
                labels.add(r.text("label").isEmpty() ? null : r.text("label"));
                languages.add(r.text("language").isEmpty() ? null : r.text("language"));
                columns.forEach((m, values) -> values.add((int) r.integer(m)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        Map<String, int[]> methods = new LinkedHashMap<>();
        columns.forEach((m, v) -> methods.put(m, v.stream().mapToInt(Integer::intValue).toArray()));
        return new Assignments(ids, labels, languages, methods);
    }

    private static <T> List<T> read(Path file, List<String> columns, Function<Row, T> parse) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            requireColumns(file, csv.getHeaderNames(), columns);
            List<T> out = new ArrayList<>();
            for (CSVRecord rec : csv) {
                out.add(parse.apply(new Row(file, rec)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void requireColumns(Path file, List<String> header, List<String> required) {
        List<String> missing = required.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(file + " lacks column(s) " + missing + "; was it written by gaan? "
                    + "Expected " + required);
        }
    }

    /** One CSV record with typed access and errors that point at the cell. */
    private record Row(Path file, CSVRecord rec) {
        String text(String column) {
            return rec.get(column);
        }

        double number(String column) {
            String v = rec.get(column).trim();
            switch (v) {
                case "", "nan", "NaN" -> {
                    return Double.NaN;
                }
                case "inf" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-inf" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> {
                    try {
                        return Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw bad(column, "a number");
                    }
                }
            }
        }

        long integer(String column) {
            try {
                return Long.parseLong(rec.get(column).trim());
            } catch (NumberFormatException e) {
                throw bad(column, "an integer");
            }
        }

        boolean bool(String column) {
            String v = rec.get(column).trim().toLowerCase(java.util.Locale.ROOT);
            if (v.equals("true") || v.equals("false")) {
                return v.equals("true");
            }
            throw bad(column, "true or false");
        }

        boolean boolOrFalse(String column) {
            return rec.isMapped(column) && bool(column);
        }

        private IllegalArgumentException bad(String column, String expected) {
            return new IllegalArgumentException(file + " line " + (rec.getRecordNumber() + 1) + ", column " + column
                    + ": '" + rec.get(column) + "' is not " + expected);
        }
    }
}
