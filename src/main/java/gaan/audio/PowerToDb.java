package gaan.audio;

/**
 * librosa's {@code power_to_db(S, ref=1.0, amin, top_db)}: {@code 10 log10(max(amin, S))},
 * then floored at (maximum over the whole matrix − {@code topDb}). All-zero input gives
 * {@code 10 log10(amin)} everywhere, never {@code -inf}.
 */
public final class PowerToDb {
    private PowerToDb() {
    }

    /** A new matrix of decibels, same shape as {@code power}. */
    public static float[][] apply(float[][] power, double amin, double topDb) {
        float[][] out = new float[power.length][];
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < power.length; i++) {
            float[] src = power[i];
            float[] dst = new float[src.length];
            for (int j = 0; j < src.length; j++) {
                dst[j] = (float) (10.0 * Math.log10(Math.max(amin, src[j])));
                max = Math.max(max, dst[j]);
            }
            out[i] = dst;
        }
        float floor = (float) (max - topDb);
        for (float[] row : out) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.max(row[j], floor);
            }
        }
        return out;
    }
}
