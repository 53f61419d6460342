package gaan.eval;

/** ln Γ(x) for x ≥ 1 to about 1e-15 relative, as needed by the expected mutual information. */
final class LogGamma {
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private LogGamma() {
    }

    static double of(double x) {
        // Shift x up to where Stirling's series with five terms is exact to double precision.
        double shift = 0;
        while (x < 15) {
            shift += Math.log(x);
            x += 1;
        }
        double inv = 1 / x;
        double inv2 = inv * inv;
        double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680
                - inv2 / 1188))));
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - shift;
    }
}
