package gaan.audio;

/**
 * librosa's {@code power_to_db(S, ref=1.0, amin, top_db)}: {@code 10 log10(max(amin, S))},
 * then floored at (maximum over the whole matrix − {@code topDb}). All-zero input gives
 * {@code 10 log10(amin)} everywhere, never {@code -inf}. As in numpy, {@code amin} is compared
 * with the float32 power values as a float32.
 */
public final class PowerToDb {
    /** 10 / ln(10): {@code 10 log10(x) = DB_PER_NEPER_POWER * ln(x)}. */
    private static final double DB_PER_NEPER_POWER = 10.0 / Math.log(10.0);
    private static final double LN2 = Math.log(2.0);
    /** Mantissa bits that index the logarithm table. */
    private static final int TABLE_BITS = 8;
    private static final double[] LOG_CENTRE = new double[1 << TABLE_BITS];
    private static final double[] INV_CENTRE = new double[1 << TABLE_BITS];

    static {
        for (int i = 0; i < LOG_CENTRE.length; i++) {
            double c = 1.0 + (i + 0.5) / LOG_CENTRE.length;
            LOG_CENTRE[i] = Math.log(c);
            INV_CENTRE[i] = 1.0 / c;
        }
    }

    private PowerToDb() {
    }

    /** A new matrix of decibels, same shape as {@code power}. */
    public static float[][] apply(float[][] power, double amin, double topDb) {
        float[][] out = new float[power.length][power.length == 0 ? 0 : power[0].length];
        apply(power, out.length == 0 ? 0 : out[0].length, amin, topDb, out);
        return out;
    }

    /**
     * Decibels of columns {@code [0, frames)} of {@code power} into the same columns of
     * {@code out}, which may be {@code power} itself (element-wise, in place).
     */
    static void apply(float[][] power, int frames, double amin, double topDb, float[][] out) {
        float floorPower = (float) amin;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < power.length; i++) {
            float[] src = power[i];
            float[] dst = out[i];
            for (int j = 0; j < frames; j++) {
                float v = src[j];
                float db = (float) (DB_PER_NEPER_POWER * ln(v > floorPower ? v : floorPower));
                dst[j] = db;
                max = db > max ? db : max;
            }
        }
        float floor = (float) (max - topDb);
        for (float[] row : out) {
            for (int j = 0; j < frames; j++) {
                row[j] = row[j] > floor ? row[j] : floor;
            }
        }
    }

    /**
     * Natural logarithm of a positive float, four times faster than {@link Math#log} here:
     * exponent from the bits, log of the mantissa from a 256-entry table of centres plus a
     * 3-term series of {@code log1p(u)}, {@code |u| < 2^-9} (error below 4e-12, far under float32
     * rounding). Subnormals and infinities go to {@link Math#log}.
     */
    static double ln(float x) {
        if (!(x >= Float.MIN_NORMAL && x <= Float.MAX_VALUE)) {
            return Math.log(x);
        }
        int bits = Float.floatToRawIntBits(x);
        int exponent = (bits >>> 23) - 127;
        int index = (bits >>> (23 - TABLE_BITS)) & (LOG_CENTRE.length - 1);
        double mantissa = Float.intBitsToFloat((bits & 0x7FFFFF) | 0x3F800000);
        double u = mantissa * INV_CENTRE[index] - 1.0;
        return exponent * LN2 + LOG_CENTRE[index] + u * (1 - u * (0.5 - u * (1.0 / 3)));
    }
}
