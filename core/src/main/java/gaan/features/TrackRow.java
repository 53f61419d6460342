package gaan.features;

/**
 * One row of a store's {@code tracks.csv}: which file row {@code row} of every matrix describes.
 *
 * @param row             0-based row in every {@code .npy} of the store (the collection's order)
 * @param id              track id
 * @param audio           audio path, relative to the collection folder when inside it
 * @param size            file size in bytes (-1 when unreadable)
 * @param mtimeNanos      last-modified time, ns since the epoch (-1 when unreadable)
 * @param sha1            SHA-1 of the file's bytes, hex (empty when unreadable)
 * @param paramsKey       {@code AudioFeatureParams.cacheKey()} of the parameters used
 * @param status          {@code ok} or {@code skipped}
 * @param reason          why the track was skipped; for a truncated track that was used, both its lengths;
 *                        empty otherwise
 * @param durationSeconds length of the analysed audio (0 when skipped)
 * @param padded          true when the track was shorter than one log-mel patch
 * @param truncated       true when the file holds less audio than its header declares (used or skipped)
 */
public record TrackRow(int row, String id, String audio, long size, long mtimeNanos, String sha1, String paramsKey,
                       String status, String reason, double durationSeconds, boolean padded, boolean truncated) {
    public static final String OK = "ok";
    public static final String SKIPPED = "skipped";

    public boolean ok() {
        return OK.equals(status);
    }
}
