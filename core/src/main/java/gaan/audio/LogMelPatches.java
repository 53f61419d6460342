package gaan.audio;

/**
 * Fixed-size log-mel patches for convolutional models: {@code count} windows of
 * {@code frames} consecutive frames of a {@code (nMels, T)} log-mel matrix, evenly spaced: patch
 * {@code i} starts at frame {@code floor((i + 0.5) * (T - frames) / count)}, so one patch is taken
 * from the middle. A track shorter than {@code frames} yields patches holding its frames from the
 * left edge, padded on the right with the matrix's minimum (the power_to_db floor for most music),
 * and is marked as padded.
 *
 * @param patches {@code count × nMels × frames}
 * @param padded  true when the track had fewer than {@code frames} frames
 */
public record LogMelPatches(float[][][] patches, boolean padded) {

    public static LogMelPatches of(float[][] melDb, int frames, int count) {
        return of(melDb, melDb.length == 0 ? 0 : melDb[0].length, frames, count);
    }

    /** Patches of the first {@code total} columns of {@code melDb}. */
    static LogMelPatches of(float[][] melDb, int total, int frames, int count) {
        int bands = melDb.length;
        boolean padded = total < frames;
        float fill = padded ? min(melDb, total) : 0f;
        float[][][] out = new float[count][bands][frames];
        for (int i = 0; i < count; i++) {
            int begin = padded ? 0 : (int) Math.floor((i + 0.5) * (total - frames) / count);
            int available = Math.min(frames, total - begin);
            for (int b = 0; b < bands; b++) {
                System.arraycopy(melDb[b], begin, out[i][b], 0, available);
                java.util.Arrays.fill(out[i][b], available, frames, fill);
            }
        }
        return new LogMelPatches(out, padded);
    }

    private static float min(float[][] m, int total) {
        float min = Float.POSITIVE_INFINITY;
        for (float[] row : m) {
            for (int t = 0; t < total; t++) {
                min = Math.min(min, row[t]);
            }
        }
        return min;
    }
}
