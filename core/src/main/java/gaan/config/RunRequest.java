package gaan.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one {@code gaan run} does: resolved, validated tasks, the collection, the results
 * folder, and the feature store (null: {@code COLLECTION/.gaan/features}).
 */
public record RunRequest(List<ExperimentConfig> tasks, Path collection, Path out, Path store) {
    public RunRequest {
        tasks = List.copyOf(tasks);
    }
}
