package org.undervolt.dram;

import java.util.Arrays;

/**
 * A bit-error rate tabulated at increasing settings {@code x}, read between points log-linearly
 * (straight in {@code log BER}; linearly where a neighbour is 0) and flat above the last point.
 */
public final class LogLinearCurve {
    private LogLinearCurve() {
    }

    /** The BER at {@code at >= x[0]} (the caller handles settings below the table). */
    public static double value(double[] x, double[] ber, double at) {
        int n = x.length;
        if (at >= x[n - 1]) {
            return ber[n - 1];
        }
        int k = Arrays.binarySearch(x, at);
        if (k >= 0) {
            return ber[k];
        }
        int i = -k - 2;
        double t = (at - x[i]) / (x[i + 1] - x[i]);
        double a = ber[i];
        double b = ber[i + 1];
        return a > 0 && b > 0 ? Math.exp(Math.log(a) + t * (Math.log(b) - Math.log(a))) : a + t * (b - a);
    }
}
