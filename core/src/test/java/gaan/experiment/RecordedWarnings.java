package gaan.experiment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Progress that keeps the warnings, in the order they came, and drops the rest. */
final class RecordedWarnings implements Progress {
    final List<String> warnings = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    @Override
    public Tracker start(String label, long total) {
        return Progress.QUIET.start(label, total);
    }
}
