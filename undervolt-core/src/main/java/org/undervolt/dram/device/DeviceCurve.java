package org.undervolt.dram.device;

import java.util.Arrays;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.LogLinearCurve;

/**
 * One device's BER as a function of its knob, made usable and never silent about its floor:
 * <ul>
 *   <li>points at or below the device's highest saturated point are dropped (their true rate may be higher);</li>
 *   <li>the BERs are replaced by their running maximum from high to low x, so BER never falls as the knob falls
 *       (measured curves are not always monotone, e.g. Voltron B1);</li>
 *   <li>between points: log-linear (ln BER linear in x) where both ends are nonzero, linear next to a 0; above the
 *       highest point the BER stays at its value;</li>
 *   <li>below the lowest usable point (the data floor) there is no data, unless {@link FloorPolicy#EXTRAPOLATE}
 *       follows the fitted law ln BER = ln b0 + k (x − x0) down to one measurement step below the floor (never below
 *       a saturated point, never past BER 0.5).</li>
 * </ul>
 */
public final class DeviceCurve {
    private final Device device;
    private final double[] x;
    private final double[] ber;
    private final double slope;
    private final double limit;

    DeviceCurve(Device device, double[] bers) {
        this.device = device;
        double[] xs = device.x();
        double topSaturated = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            if (device.saturated()[i]) {
                topSaturated = Math.max(topSaturated, xs[i]);
            }
        }
        int from = 0;
        while (from < xs.length && xs[from] <= topSaturated) {
            from++;
        }
        if (from == xs.length) {
            throw new InvalidInputException("device " + device.name() + ": every point is saturated, no usable data");
        }
        x = Arrays.copyOfRange(xs, from, xs.length);
        ber = Arrays.copyOfRange(bers, from, xs.length);
        for (int i = ber.length - 2; i >= 0; i--) {
            ber[i] = Math.max(ber[i], ber[i + 1]);
        }
        double own = x.length >= 2 && ber[0] > 0 && ber[1] > 0 && ber[0] > ber[1]
                ? (Math.log(ber[0]) - Math.log(ber[1])) / (x[0] - x[1]) : Double.NaN;
        slope = ber[0] > 0 ? (Double.isNaN(own) ? device.fallbackSlope() : own) : Double.NaN;
        double step = from > 0 ? x[0] - xs[from - 1] : x.length >= 2 ? x[1] - x[0] : 0;
        double lim = x[0] - step;
        if (!Double.isNaN(slope) && slope < 0) {
            lim = Math.max(lim, x[0] + Math.log(0.5 / ber[0]) / slope);
        }
        limit = Double.isNaN(slope) || !(slope < 0) || step <= 0 ? x[0] : Math.min(x[0], lim);
    }

    public Device device() {
        return device;
    }

    /** The lowest usable measured setting. */
    public double floor() {
        return x[0];
    }

    /** BER at the floor (after the running maximum). */
    public double floorBer() {
        return ber[0];
    }

    /** Lowest setting the fitted law is followed to ({@link #floor()} when there is no law). */
    public double extrapolationLimit() {
        return limit;
    }

    /** d ln(BER)/dx of the fitted law below the floor; NaN when none can be fitted (no errors at the floor). */
    public double slope() {
        return slope;
    }

    /** Usable settings, ascending. */
    public double[] xs() {
        return x.clone();
    }

    /** BERs at {@link #xs()} (running maximum applied). */
    public double[] bers() {
        return ber.clone();
    }

    /** BER at {@code at}; below the floor only under {@link FloorPolicy#EXTRAPOLATE} and down to the limit. */
    public double ber(double at, FloorPolicy policy) {
        if (!Double.isFinite(at)) {
            throw new InvalidInputException(device.knob().label() + " " + at + " is not a finite number");
        }
        if (at < x[0]) {
            if (policy == FloorPolicy.EXTRAPOLATE && at >= limit - 1e-12 && !Double.isNaN(slope)) {
                return Math.min(0.5, ber[0] * Math.exp(slope * (at - x[0])));
            }
            throw new InvalidInputException(device.knob().label() + " " + at + " " + device.knob().unit()
                    + " is below device " + device.name() + "'s data (lowest usable point " + x[0] + " "
                    + device.knob().unit() + (policy == FloorPolicy.EXTRAPOLATE ? ", extrapolation limit " + limit : "") + ")");
        }
        return LogLinearCurve.value(x, ber, at);
    }

    /** The lowest setting whose BER is at most {@code tol}, its BER, and what stopped it going lower. */
    public Setting lowest(double tol, FloorPolicy policy) {
        if (!(tol >= 0 && tol <= 1)) {
            throw new InvalidInputException("tolerable BER " + tol + " is outside [0, 1]");
        }
        if (ber[0] <= tol) {
            if (policy == FloorPolicy.EXTRAPOLATE && !Double.isNaN(slope) && limit < x[0] && ber[0] > 0) {
                if (tol == ber[0]) {
                    return new Setting(x[0], ber[0], LimitedBy.TOLERANCE);
                }
                double v = x[0] + (Math.log(tol) - Math.log(ber[0])) / slope;
                if (v <= limit) {
                    return new Setting(limit, ber(limit, policy), LimitedBy.EXTRAPOLATION_LIMIT);
                }
                v = Math.max(v, limit);
                while (v < x[0] && ber(v, policy) > tol) {
                    v = Math.nextUp(v);
                }
                return new Setting(v, ber(v, policy), LimitedBy.TOLERANCE);
            }
            return new Setting(x[0], ber[0], ber[0] == tol && tol > 0 ? LimitedBy.TOLERANCE : LimitedBy.DATA_FLOOR);
        }
        for (int i = 0; i + 1 < x.length; i++) {
            if (ber[i + 1] > tol) {
                continue;
            }
            double a = ber[i];
            double b = ber[i + 1];
            double t = a > 0 && b > 0 ? (Math.log(tol) - Math.log(a)) / (Math.log(b) - Math.log(a)) : (tol - a) / (b - a);
            double v = x[i] + Math.min(1, Math.max(0, t)) * (x[i + 1] - x[i]);
            while (v < x[i + 1] && ber(v, policy) > tol) {
                v = Math.nextUp(v);
            }
            v = Math.min(v, x[i + 1]);
            return new Setting(v, ber(v, policy), LimitedBy.TOLERANCE);
        }
        // even the highest point exceeds tol: the device does not meet it anywhere it was measured
        return new Setting(x[x.length - 1], ber[x.length - 1], LimitedBy.DATA_FLOOR);
    }

    /**
     * A point on the curve.
     *
     * @param x         the setting (V or ns)
     * @param ber       the BER there
     * @param limitedBy what stopped it going lower
     */
    public record Setting(double x, double ber, LimitedBy limitedBy) {
    }
}
