package org.undervolt.resilience;

import java.util.Arrays;

import org.undervolt.InvalidInputException;

/**
 * A logarithmic grid of bit error rates: {@code pointsPerDecade} points per factor of ten, anchored
 * on the decades (so 1e-5 and 1e-4 are always on a grid that spans them), from {@code min} to
 * {@code max} inclusive.
 */
public final class BerGrid {
    private BerGrid() {
    }

    /**
     * The grid {@code 10^(k / pointsPerDecade)} for every integer {@code k} with the value in
     * {@code [min, max]}.
     *
     * @throws InvalidInputException unless {@code 0 < min <= max <= 1} and {@code pointsPerDecade >= 1}
     */
    public static double[] logarithmic(double min, double max, int pointsPerDecade) {
        if (!(min > 0 && min <= 1)) {
            throw new InvalidInputException("BER grid minimum " + min + " is out of range: expected 0 < min <= 1");
        }
        if (!(max >= min && max <= 1)) {
            throw new InvalidInputException("BER grid maximum " + max + " is out of range: expected min <= max <= 1");
        }
        if (pointsPerDecade < 1 || pointsPerDecade > 100) {
            throw new InvalidInputException("points per decade " + pointsPerDecade + " is out of range: expected 1..100");
        }
        // A small tolerance keeps the endpoints when min/max are themselves grid values (1e-7 is not exact).
        double eps = 1e-9;
        int kMin = (int) Math.ceil(Math.log10(min) * pointsPerDecade - eps);
        int kMax = (int) Math.floor(Math.log10(max) * pointsPerDecade + eps);
        double[] grid = new double[Math.max(0, kMax - kMin + 1)];
        for (int k = kMin; k <= kMax; k++) {
            grid[k - kMin] = gridValue(k, pointsPerDecade);
        }
        return grid;
    }

    /** {@code 10^(k/n)}, computed so that whole decades are exact decimal literals (1e-3, not 0.0010000000000000002). */
    private static double gridValue(int k, int n) {
        if (k % n == 0) {
            return Double.parseDouble("1e" + (k / n));
        }
        return Math.pow(10.0, (double) k / n);
    }

    public static String describe(double[] grid) {
        return Arrays.toString(grid);
    }
}
