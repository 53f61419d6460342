package gaan.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provenance of one run, written as {@code run.json}: enough to repeat it.
 *
 * @param task         the task name
 * @param config       the experiment configuration as run (any Jackson-serialisable object: a
 *                     record, a map, a tree); reading it back and running it repeats the run
 * @param seeds        every seed the run used
 * @param versions     name to version of gaan, Java, libraries and native engines
 * @param stageSeconds stage name to wall-clock seconds, in stage order
 */
public record RunInfo(String task, Object config, List<Long> seeds, Map<String, String> versions,
                      Map<String, Double> stageSeconds) {

    public RunInfo {
        seeds = List.copyOf(seeds);
        versions = new LinkedHashMap<>(versions);
        stageSeconds = new LinkedHashMap<>(stageSeconds);
    }

    /** Versions known without asking any library: Java, the OS and gaan's own (from the jar manifest when packaged). */
    public static Map<String, String> runtimeVersions() {
        Map<String, String> v = new LinkedHashMap<>();
        String gaan = RunInfo.class.getPackage().getImplementationVersion();
        v.put("gaan", gaan == null ? "dev" : gaan);
        v.put("java", System.getProperty("java.version"));
        v.put("java_vendor", System.getProperty("java.vendor"));
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        return v;
    }
}
