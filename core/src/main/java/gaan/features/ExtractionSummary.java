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
 * @param truncated truncated tracks that were used (long enough), in row order, each with both lengths
 */
public record ExtractionSummary(Path store, int total, int extracted, int cached, List<TrackOutcome> skipped,
                                List<TrackOutcome> truncated) {
    public ExtractionSummary {
        skipped = List.copyOf(skipped);
        truncated = List.copyOf(truncated);
    }

    /** A few lines for a terminal: counts, then one line per skipped and per truncated track. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%d tracks: %d extracted, %d cached, %d skipped, %d truncated (used)%n", total,
                extracted, cached, skipped.size(), truncated.size()));
        for (TrackOutcome s : skipped) {
            sb.append("  skipped ").append(s.id()).append(": ").append(s.reason()).append(System.lineSeparator());
        }
        for (TrackOutcome t : truncated) {
            sb.append("  used ").append(t.id()).append(" although ").append(t.reason())
                    .append(System.lineSeparator());
        }
        sb.append("feature store: ").append(store);
        return sb.toString();
    }
}
