package gaan.features;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of an extraction run.
 *
 * @param store     the store folder
 * @param total     tracks in the collection (rows in the store)
 * @param extracted tracks computed in this run (successfully)
 * @param cached    tracks whose features were reused from an earlier run
 * @param skipped   tracks without features, in row order, each with its reason
 */
public record ExtractionSummary(Path store, int total, int extracted, int cached, List<TrackOutcome> skipped) {
    public ExtractionSummary {
        skipped = List.copyOf(skipped);
    }

    /** A few lines for a terminal: counts, then one line per skipped track. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%d tracks: %d extracted, %d cached, %d skipped%n", total, extracted, cached,
                skipped.size()));
        for (TrackOutcome s : skipped) {
            sb.append("  skipped ").append(s.id()).append(": ").append(s.reason()).append(System.lineSeparator());
        }
        sb.append("feature store: ").append(store);
        return sb.toString();
    }
}
