package gaan.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Wall-clock seconds per stage, summed over repeated calls, for {@code run.json}. */
final class Timings {
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    <T> T time(String stage, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            seconds.merge(stage, (System.nanoTime() - start) / 1e9, Double::sum);
        }
    }

    /** Adds seconds measured elsewhere (a clusterer's fit inside a sweep) to a stage. */
    void add(String stage, double seconds) {
        this.seconds.merge(stage, seconds, Double::sum);
    }

    void time(String stage, Runnable work) {
        time(stage, () -> {
            work.run();
            return null;
        });
    }

    Map<String, Double> seconds() {
        return seconds;
    }
}
