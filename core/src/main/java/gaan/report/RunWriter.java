package gaan.report;

import static gaan.report.Numbers.exact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the files of a run folder ({@code results/<task>/}): {@code clustering_results.csv},
 * {@code cluster_assignments.csv}, {@code vae_training_history.csv} and {@code run.json}.
 * Column orders are fixed ({@link #RESULT_COLUMNS}, {@link #HISTORY_COLUMNS}); number formats are
 * described in the package documentation. Each file is written to a temporary file and moved into
 * place, so a reader never sees half a file.
 */
public final class RunWriter {
    public static final String RESULTS_FILE = "clustering_results.csv";
    public static final String ASSIGNMENTS_FILE = "cluster_assignments.csv";
    /** The same assignments one row per track and run, for collections too large for one column per run. */
    public static final String ASSIGNMENTS_LONG_FILE = "cluster_assignments_long.csv";
    public static final String HISTORY_FILE = "vae_training_history.csv";
    public static final String RUN_FILE = "run.json";
    public static final String SUMMARY_FILE = "clustering_summary.csv";

    public static final List<String> RESULT_COLUMNS = List.of("task", "representation", "inputs",
            "labels_used_as_input", "algorithm", "params", "seed", "n_clusters", "n_noise", "coverage",
            "silhouette", "davies_bouldin", "calinski_harabasz", "ari", "nmi", "ami", "purity", "accuracy",
            "selected", "note", "k_from_labels", "recommended");
    public static final List<String> HISTORY_COLUMNS = List.of("model", "seed", "epoch", "loss", "reconstruction",
            "kl", "beta", "active_units", "val_loss", "seconds");
    /** Columns of {@code clustering_summary.csv}: the method, then {@code <metric>_mean, <metric>_std} per metric. */
    public static final List<String> SUMMARY_COLUMNS = summaryColumns();

    /** The first columns of {@code cluster_assignments.csv}; one column per method follows. */
    public static final List<String> ASSIGNMENT_LEAD_COLUMNS = List.of("track_id", "label", "language");
    /** Columns of {@code cluster_assignments_long.csv}: {@code run} is a column name of the wide file. */
    public static final List<String> ASSIGNMENT_LONG_COLUMNS = List.of("track_id", "run", "cluster");

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final Path folder;

    /** A writer into {@code folder} (created when missing). */
    public RunWriter(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    public Path writeResults(List<ResultRow> rows) {
        return writeCsv(RESULTS_FILE, RESULT_COLUMNS, rows.stream().map(r -> {
            ResultRow.Scores s = r.scores();
            return List.<Object>of(r.task(), r.representation(), r.inputs(), r.labelsUsedAsInput(), r.algorithm(),
                    r.params(), r.seed(), s.nClusters(), s.nNoise(), exact(s.coverage()), exact(s.silhouette()),
                    exact(s.daviesBouldin()), exact(s.calinskiHarabasz()), exact(s.ari()), exact(s.nmi()),
                    exact(s.ami()), exact(s.purity()), exact(s.accuracy()), r.selected(), r.note(), r.kFromLabels(),
                    r.recommended());
        }).toList());
    }

    public Path writeHistory(List<HistoryRow> rows) {
        return writeCsv(HISTORY_FILE, HISTORY_COLUMNS, rows.stream().map(h -> List.<Object>of(
                h.model(), h.seed(), h.epoch(), exact(h.loss()), exact(h.reconstruction()), exact(h.kl()),
                exact(h.beta()), h.activeUnits() < 0 ? "" : h.activeUnits(), exact(h.valLoss()),
                exact(h.seconds()))).toList());
    }

    /**
     * Writes {@code cluster_assignments.csv} (one row per track, one column per run) and {@code
     * cluster_assignments_long.csv} (one row per track and run, runs in column order, tracks in
     * row order); returns the first.
     */
    public Path writeAssignments(Assignments a) {
        write(ASSIGNMENTS_LONG_FILE, out -> {
            try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
                printer.printRecord(ASSIGNMENT_LONG_COLUMNS);
                for (Map.Entry<String, int[]> run : a.methods().entrySet()) {
                    for (int i = 0; i < a.size(); i++) {
                        printer.printRecord(a.trackIds().get(i), run.getKey(), run.getValue()[i]);
                    }
                }
            }
        });
        List<String> header = new ArrayList<>(ASSIGNMENT_LEAD_COLUMNS);
        header.addAll(a.methods().keySet());
        List<List<Object>> records = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            List<Object> rec = new ArrayList<>(header.size());
            rec.add(a.trackIds().get(i));
            rec.add(orEmpty(a.labels().get(i)));
            rec.add(orEmpty(a.languages().get(i)));
            for (int[] clusters : a.methods().values()) {
                rec.add(clusters[i]);
            }
            records.add(rec);
        }
        return writeCsv(ASSIGNMENTS_FILE, header, records);
    }

    /**
     * Writes {@code clustering_summary.csv}: every method run with several seeds as mean and sample
     * std (ddof 1) over its seeds, the same numbers as the report's across-seeds table. Columns:
     * {@link #SUMMARY_COLUMNS}.
     */
    public Path writeSeedSummary(List<ResultRow> rows) {
        return writeCsv(SUMMARY_FILE, SUMMARY_COLUMNS, AcrossSeeds.of(rows).stream().map(g -> {
            ResultRow f = g.first();
            List<Object> rec = new ArrayList<>(List.of(f.task(), f.representation(), f.inputs(),
                    f.labelsUsedAsInput(), f.algorithm(), f.params(), g.seeds()));
            for (Metric m : Metric.values()) {
                rec.add(exact(g.stat(m).mean()));
                rec.add(exact(g.stat(m).std()));
            }
            return rec;
        }).toList());
    }

    /** Writes {@code run.json}: {@code task}, {@code config}, {@code seeds}, {@code versions}, {@code stage_seconds}. */
    public Path writeRunInfo(RunInfo info) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("task", info.task());
        root.set("config", json.valueToTree(info.config()));
        root.set("seeds", json.valueToTree(info.seeds()));
        root.set("versions", json.valueToTree(info.versions()));
        ObjectNode stages = root.putObject("stage_seconds");
        for (Map.Entry<String, Double> e : info.stageSeconds().entrySet()) {
            stages.put(e.getKey(), e.getValue());
        }
        return write(RUN_FILE, out -> json.writeValue(out, root));
    }

    private static List<String> summaryColumns() {
        List<String> c = new ArrayList<>(List.of("task", "representation", "inputs", "labels_used_as_input",
                "algorithm", "params", "seeds"));
        for (Metric m : Metric.values()) {
            c.add(m.column() + "_mean");
            c.add(m.column() + "_std");
        }
        return List.copyOf(c);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private Path writeCsv(String name, List<String> header, List<List<Object>> records) {
        return writeCsv(folder.resolve(name), header, records);
    }

    /** A CSV file in this package's format: header row, then the records, {@code \n} line ends. */
    static Path writeCsv(Path file, List<String> header, List<List<Object>> records) {
        return write(file, out -> {
            try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
                printer.printRecord(header);
                for (List<Object> rec : records) {
                    printer.printRecord(rec);
                }
            }
        });
    }

    /** A text file written atomically (temporary file moved into place). */
    static Path writeString(Path file, String text) {
        return write(file, out -> out.write(text));
    }

    private Path write(String name, Body body) {
        return write(folder.resolve(name), body);
    }

    private interface Body {
        void writeTo(Writer out) throws IOException;
    }

    private static Path write(Path target, Body body) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            // Not Files.createTempFile: its files are mode 0600, and results are for colleagues too (the umask decides).
            Path tmp = dir.resolve(target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + Thread.currentThread().getId() + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.writeTo(out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage()
                    + "; check that the folder is writable", e);
        }
    }
}
