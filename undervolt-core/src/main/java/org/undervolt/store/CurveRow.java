package org.undervolt.store;

/**
 * One point of a stored curve (accuracy versus BER, energy versus VDD, ...).
 *
 * @param x     the abscissa (BER, volts, ...)
 * @param y     the value (e.g. mean accuracy)
 * @param yLow  lower end of its confidence band, or NaN
 * @param yHigh upper end of its confidence band, or NaN
 * @param n     the number of trials behind it, or 0 when not a Monte-Carlo mean
 * @param extra anything else, JSON, or {@code null}
 */
public record CurveRow(double x, double y, double yLow, double yHigh, int n, String extra) {

    /** A point without a band. */
    public static CurveRow of(double x, double y) {
        return new CurveRow(x, y, Double.NaN, Double.NaN, 0, null);
    }
}
