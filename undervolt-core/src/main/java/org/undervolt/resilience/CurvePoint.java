package org.undervolt.resilience;

import java.util.Arrays;

/**
 * The accuracies measured at one bit error rate, one per Monte-Carlo trial, with their summary.
 *
 * @param ber        the bit error rate every stored bit was exposed to
 * @param accuracies one accuracy (fraction correct) per trial, in trial order
 */
public record CurvePoint(double ber, double[] accuracies) {

    public CurvePoint {
        if (accuracies.length == 0) {
            throw new IllegalArgumentException("a curve point needs at least one trial");
        }
        accuracies = accuracies.clone();
    }

    public int trials() {
        return accuracies.length;
    }

    public double mean() {
        double s = 0;
        for (double a : accuracies) {
            s += a;
        }
        return s / accuracies.length;
    }

    public double min() {
        return Arrays.stream(accuracies).min().orElseThrow();
    }

    public double max() {
        return Arrays.stream(accuracies).max().orElseThrow();
    }

    /** Sample standard deviation (0 for a single trial). */
    public double stddev() {
        int n = accuracies.length;
        if (n < 2) {
            return 0;
        }
        double m = mean();
        double ss = 0;
        for (double a : accuracies) {
            ss += (a - m) * (a - m);
        }
        return Math.sqrt(ss / (n - 1));
    }

    /**
     * Half-width of the two-sided 95% confidence interval of the mean, Student's t with
     * {@code trials - 1} degrees of freedom (0 for a single trial).
     */
    public double ci95HalfWidth() {
        int n = accuracies.length;
        if (n < 2) {
            return 0;
        }
        return StudentT.quantile975(n - 1) * stddev() / Math.sqrt(n);
    }

    /**
     * One-sided 95% lower confidence bound of the mean accuracy over error draws:
     * {@code mean - t(0.95, n-1) * s / sqrt(n)} (Student's t; the mean itself for one trial, which
     * carries no confidence). It covers the variation between error draws on this test set, not
     * the sampling of the test set.
     */
    public double lower95() {
        int n = accuracies.length;
        if (n < 2) {
            return mean();
        }
        return mean() - StudentT.quantile95(n - 1) * stddev() / Math.sqrt(n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurvePoint p && Double.compare(p.ber, ber) == 0 && Arrays.equals(p.accuracies, accuracies);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(ber) + Arrays.hashCode(accuracies);
    }

    @Override
    public String toString() {
        return "CurvePoint[ber=" + ber + ", accuracies=" + Arrays.toString(accuracies) + "]";
    }
}
