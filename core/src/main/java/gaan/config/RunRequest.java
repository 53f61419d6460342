package gaan.config;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one {@code gaan run} does: resolved, validated tasks, the collection, the results
 * folder, the feature store (null: {@code COLLECTION/.gaan/features}), the folders outside the
 * collection its paths may lead into (those given, {@code --allow-outside}, and every task's
 * {@code features.allowOutside}), and whether the report plays excerpts written into the results
 * folder ({@code --embed-audio-excerpts}) instead of the collection's files.
 */
public record RunRequest(List<ExperimentConfig> tasks, Path collection, Path out, Path store,
                         List<Path> allowOutside, boolean embedAudioExcerpts) {
    public RunRequest(List<ExperimentConfig> tasks, Path collection, Path out, Path store) {
        this(tasks, collection, out, store, List.of());
    }

    public RunRequest(List<ExperimentConfig> tasks, Path collection, Path out, Path store, List<Path> allowOutside) {
        this(tasks, collection, out, store, allowOutside, false);
    }

    public RunRequest {
        tasks = List.copyOf(tasks);
        java.util.LinkedHashSet<Path> folders = new java.util.LinkedHashSet<>(allowOutside);
        tasks.forEach(t -> folders.addAll(t.features().allowOutsidePaths()));
        allowOutside = List.copyOf(folders);
        Set<String> names = new HashSet<>();
        for (ExperimentConfig t : tasks) {
            if (!names.add(t.task())) {
                throw new ConfigException("task name '" + t.task() + "' is used twice; each task writes its own"
                        + " folder " + out.resolve(t.task()) + ", so names must differ");
            }
        }
    }
}
