package gaan.features;

/**
 * What happened to one track in an extraction run.
 *
 * @param row       row in the store
 * @param id        track id
 * @param ok        true when the track has features
 * @param fromCache true when the result was reused from an earlier run
 * @param reason    why the track was skipped; for a truncated track that was used, both its lengths;
 *                  empty otherwise
 * @param truncated true when the file holds less audio than its header declares (used or skipped)
 */
public record TrackOutcome(int row, String id, boolean ok, boolean fromCache, String reason, boolean truncated) {
}
