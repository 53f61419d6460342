package gaan.audio;

/**
 * librosa's {@code power_to_db(S, ref=1.0, amin, top_db)}: {@code 10 log10(max(amin, S))},
 * then floored at (maximum over the whole matrix − {@code topDb}). All-zero input gives
 * {@code 10 log10(amin)} everywhere, never {@code -inf}.
 */
public final class PowerToDb {
    /** 10 / ln(10): {@code 10 log10(x) = DB_PER_NEPER_POWER * ln(x)}; Math.log is the faster intrinsic. */
    private static final double DB_PER_NEPER_POWER = 10.0 / Math.log(10.0);

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
                double v = src[j];
                dst[j] = (float) (DB_PER_NEPER_POWER * Math.log(v > amin ? v : amin));
                max = dst[j] > max ? dst[j] : max;
            }
            out[i] = dst;
        }
        float floor = (float) (max - topDb);
        for (float[] row : out) {
            for (int j = 0; j < row.length; j++) {
                row[j] = row[j] > floor ? row[j] : floor;
            }
        }
        return out;
    }
}
