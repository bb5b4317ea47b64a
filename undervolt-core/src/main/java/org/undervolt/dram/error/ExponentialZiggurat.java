package org.undervolt.dram.error;

import java.util.SplittableRandom;

/**
 * Standard exponential variates (density {@code e^-x}, x >= 0) by the ziggurat method of Marsaglia
 * and Tsang ("The Ziggurat Method for Generating Random Variables", J. Stat. Software 5(8), 2000),
 * with 256 layers of equal area. About 98% of draws cost one 64-bit random number, one table load,
 * a multiply and a compare; the rest fall back to an exact rejection step, and the tail beyond the
 * base layer uses the memoryless property (r plus a fresh exponential). The method is exact: it
 * samples the region under the density uniformly. The layer edges are computed here, at class
 * initialisation, by solving for the base edge r with which the 256 equal-area layers close exactly
 * at the mode.
 */
public final class ExponentialZiggurat {
    private static final int LAYERS = 256;
    /** x[i]: right edge of layer i (x[0] is the base layer's pseudo-width v / f(r)); x[LAYERS] = 0. */
    private static final double[] X = new double[LAYERS + 1];
    /** f(x[i]) = e^-x[i]. */
    private static final double[] F = new double[LAYERS + 1];
    /** x[i + 1] / x[i]: below this fraction of a layer's width a point lies under the curve. */
    private static final double[] INNER = new double[LAYERS];
    private static final double R;

    static {
        double lo = 5;
        double hi = 10;
        for (int it = 0; it < 200; it++) {
            double mid = (lo + hi) / 2;
            // Layers that fall short of the mode have too little area each: r is too large.
            if (closure(mid) > 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        R = lo;
        double v = area(R);
        X[1] = R;
        F[1] = Math.exp(-R);
        for (int i = 1; i < LAYERS - 1; i++) {
            F[i + 1] = F[i] + v / X[i];
            X[i + 1] = -Math.log(F[i + 1]);
        }
        X[LAYERS] = 0;
        F[LAYERS] = 1;
        X[0] = v / F[1];
        F[0] = 0;
        for (int i = 0; i < LAYERS; i++) {
            INNER[i] = X[i + 1] / X[i];
        }
    }

    private ExponentialZiggurat() {
    }

    /** The area of each layer when the base edge is r: the rectangle r f(r) plus the tail e^-r. */
    private static double area(double r) {
        return (r + 1) * Math.exp(-r);
    }

    /** How far the top layer's upper edge falls short of 1 (positive: the layers do not reach the mode). */
    private static double closure(double r) {
        double v = area(r);
        double x = r;
        double f = Math.exp(-r);
        for (int i = 1; i < LAYERS - 1; i++) {
            f += v / x;
            if (f >= 1) {
                return -1;
            }
            x = -Math.log(f);
        }
        return 1 - (f + v / x);
    }

    /** The base layer's right edge r (about 7.697 for 256 layers). */
    public static double baseEdge() {
        return R;
    }

    /** One standard exponential variate, always > 0. */
    public static double next(SplittableRandom rng) {
        while (true) {
            long bits = rng.nextLong();
            int i = (int) bits & (LAYERS - 1);
            // Odd multiples of 2^-53: uniform on (0, 1), never 0, so the variate is strictly positive.
            double u = ((bits >>> 11) | 1) * 0x1p-53;
            if (u < INNER[i]) {
                return u * X[i];
            }
            if (i == 0) {
                return R - Math.log(1.0 - rng.nextDouble());
            }
            double x = u * X[i];
            double y = F[i] + rng.nextDouble() * (F[i + 1] - F[i]);
            if (y < Math.exp(-x)) {
                return x;
            }
        }
    }
}
