package org.undervolt.resilience;

/**
 * Whether an {@link Acceptance} rule's decision is already settled when each trial's accuracy is only
 * known to lie in an interval: it is if the rule passes at the least favourable accuracies in the box of
 * intervals, or fails at the most favourable ones.
 *
 * <p>{@link Acceptance.Rule#MEAN} is monotone, so the corners {@code lo} and {@code hi} decide it.
 * {@link Acceptance.Rule#LOWER95}, {@code mean - t s / sqrt(T)}, is concave in the accuracies: its minimum
 * over the box is bounded below with the largest spread {@code sum max((lo_i - c)^2, (hi_i - c)^2)} about
 * any centre {@code c} (the sample mean minimises the sum of squares), and its maximum above with the
 * smallest spread the box allows, {@code min_c sum dist(c, [lo_i, hi_i])^2} (a convex function of
 * {@code c}, minimised by ternary search).
 */
final class AccuracyBox {
    /** The state of a decision. */
    enum Verdict {
        PASS, FAIL, OPEN
    }

    private AccuracyBox() {
    }

    static Verdict verdict(Acceptance acceptance, double[] lo, double[] hi) {
        double threshold = acceptance.threshold();
        int t = lo.length;
        double meanLo = mean(lo);
        double meanHi = mean(hi);
        if (acceptance.rule() == Acceptance.Rule.MEAN || t < 2) {
            return meanLo >= threshold ? Verdict.PASS : meanHi < threshold ? Verdict.FAIL : Verdict.OPEN;
        }
        double k = StudentT.quantile95(t - 1) / Math.sqrt(t);
        double least = meanLo - k * Math.sqrt(largestSpread(lo, hi) / (t - 1));
        if (least >= threshold) {
            return Verdict.PASS;
        }
        double most = meanHi - k * Math.sqrt(smallestSpread(lo, hi) / (t - 1));
        return most < threshold ? Verdict.FAIL : Verdict.OPEN;
    }

    /** An upper bound of the largest sum of squared deviations from the mean over the box. */
    static double largestSpread(double[] lo, double[] hi) {
        double c = 0;
        for (int i = 0; i < lo.length; i++) {
            c += (lo[i] + hi[i]) / 2;
        }
        c /= lo.length;
        double s = 0;
        for (int i = 0; i < lo.length; i++) {
            s += Math.max((lo[i] - c) * (lo[i] - c), (hi[i] - c) * (hi[i] - c));
        }
        return s;
    }

    /** The smallest sum of squared deviations from the mean over the box. */
    static double smallestSpread(double[] lo, double[] hi) {
        double a = Double.POSITIVE_INFINITY;
        double b = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < lo.length; i++) {
            a = Math.min(a, lo[i]);
            b = Math.max(b, hi[i]);
        }
        for (int it = 0; it < 200 && b - a > 1e-15; it++) {
            double m1 = a + (b - a) / 3;
            double m2 = b - (b - a) / 3;
            if (distances(lo, hi, m1) <= distances(lo, hi, m2)) {
                b = m2;
            } else {
                a = m1;
            }
        }
        return distances(lo, hi, (a + b) / 2);
    }

    private static double distances(double[] lo, double[] hi, double c) {
        double s = 0;
        for (int i = 0; i < lo.length; i++) {
            double d = c < lo[i] ? lo[i] - c : c > hi[i] ? c - hi[i] : 0;
            s += d * d;
        }
        return s;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
