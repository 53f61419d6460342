package gaan.features;

/** Progress of an extraction run. Called from worker threads: implementations must be thread-safe. */
public interface ExtractionListener {
    ExtractionListener NONE = outcome -> { };

    /** Before any track is processed. */
    default void started(int tracks) {
    }

    /** After each track, in completion order (not row order). */
    void trackDone(TrackOutcome outcome);
}
