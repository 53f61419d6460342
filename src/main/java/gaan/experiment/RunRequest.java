package gaan.experiment;

import java.nio.file.Path;
import java.util.List;

/** Everything one {@code gaan run} does: resolved, validated tasks, the collection, the results folder. */
public record RunRequest(List<ExperimentConfig> tasks, Path collection, Path out) {
    public RunRequest {
        tasks = List.copyOf(tasks);
    }
}
