package gaan.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import gaan.config.ExperimentConfig;

/**
 * The layout of a results folder {@code <out>/}: {@value #EDA_DIR}{@code /}, {@value #REPORT_FILE}
 * and one folder per task, {@code <out>/<task>/}, which this record is: the CSVs and
 * {@code run.json} (written by {@link RunWriter}), {@code plots/}, {@code models/<name>_s<seed>/},
 * and {@code representations/<name>_s<seed>.npy} with their row order in
 * {@code representations/track_ids.txt}.
 * It is written inside the run's staging folder ({@link ResultsFolder}), which replaces the
 * previous run's files only when the run is done.
 */
public record RunFolder(Path path) {
    /** Beside the task folders in {@code <out>/}: the exploratory analysis and the report page. */
    static final String EDA_DIR = ExperimentConfig.EDA_FOLDER;
    static final String REPORT_FILE = "report.html";
    /** The trained models of a task (or of {@code gaan train}). */
    static final String MODELS_DIR = "models";
    /** Beside the task folders: the report's audio excerpts ({@code --embed-audio-excerpts}). */
    static final String AUDIO_DIR = "audio";

    Path plots() {
        return path.resolve("plots");
    }

    public Path models() {
        return path.resolve(MODELS_DIR);
    }

    public Path representation(String name, long seed) {
        return path.resolve("representations").resolve(name + "_s" + seed + ".npy");
    }

    public Path trackIds() {
        return path.resolve("representations").resolve("track_ids.txt");
    }

    /** Writes UTF-8 lines, creating the parent folder. */
    static void writeLines(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
