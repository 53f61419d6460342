package gaan.report;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How gaan writes a number as text, in one place: CSV files keep every digit, text for people
 * (a clusterer's parameters in {@code params}) keeps four significant digits, the report's tables three.
 * An undefined value (NaN) is the empty string in both, infinities are {@code inf} and {@code -inf}.
 */
public final class Numbers {
    private Numbers() {
    }

    /** Every digit: the shortest decimal that reads back as the same double (pandas reads it exactly). */
    public static String exact(double v) {
        String special = special(v);
        return special != null ? special : Double.toString(v);
    }

    /** Four significant digits without trailing zeros; plain from 1e-4 to 1e7 ({@code 0.0001}, {@code 2.346}). */
    public static String fourDigits(double v) {
        return significant(v, 4);
    }

    /** Three significant digits, written as {@link #fourDigits} writes four: what the report's tables show. */
    public static String threeDigits(double v) {
        return significant(v, 3);
    }

    /**
     * A standard deviation for people: below half a thousandth (the rounding noise of equal values,
     * such as 1.36E-16) it is {@code 0.000}, otherwise {@link #threeDigits}.
     */
    public static String spread(double std) {
        return Math.abs(std) < 5e-4 ? "0.000" : threeDigits(std);
    }

    private static String significant(double v, int digits) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        return v == 0 || (Math.abs(v) >= 1e-4 && Math.abs(v) < 1e7) ? d.toPlainString() : d.toString();
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return null;
    }
}
