package gaan.experiment;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one {@code gaan run} does: resolved, validated tasks, the collection, the results
 * folder, and the feature store (null: {@code COLLECTION/.gaan/features}).
 */
public record RunRequest(List<ExperimentConfig> tasks, Path collection, Path out, Path store) {
    public RunRequest {
        tasks = List.copyOf(tasks);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (ExperimentConfig t : tasks) {
            if (!names.add(t.task())) {
                throw new ConfigException("task name '" + t.task() + "' is used twice; each task writes its own"
                        + " folder " + out.resolve(t.task()) + ", so names must differ");
            }
        }
    }

    /** The results folder, the store and the collection must not sit in or over each other. */
    void checkPlacement(Path collectionRoot, Path storeDir) {
        gaan.data.OwnedFolder.requireOutside(out, "results folder", collectionRoot);
        gaan.data.OwnedFolder.requireApart(out, "results folder", storeDir, "feature store");
    }
}
