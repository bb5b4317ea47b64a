package org.undervolt.resilience;

/**
 * Whether an {@link Acceptance} rule's decision is already settled when each trial's accuracy is only
 * known to lie in an interval: it is if the rule passes at the least favourable accuracies in the box of
 * intervals, or fails at the most favourable ones.
 *
 * <p>{@link Acceptance.Rule#MEAN} is monotone, so the corners {@code lo} and {@code hi} decide it.
 * {@link Acceptance.Rule#LOWER95}, {@code mean - t s / sqrt(T)}, is concave in the accuracies (the mean is
 * linear, the standard deviation a norm of the centred vector). A concave function attains its minimum over
 * a box at one of the box's corners, so for up to {@value #EXACT_TRIALS} trials the least favourable value is
 * found exactly by visiting all {@code 2^T} corners; beyond that it is bounded below with the largest spread
 * {@code sum max((lo_i - c)^2, (hi_i - c)^2)} about any centre {@code c} (the sample mean minimises the sum of
 * squares). Its maximum is bounded above with the smallest spread the box allows,
 * {@code min_c sum dist(c, [lo_i, hi_i])^2} (a convex function of {@code c}, minimised by ternary search).
 */
final class AccuracyBox {
    /** Most trials whose least favourable lower bound is found by visiting every corner of the box. */
    static final int EXACT_TRIALS = 12;

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
        double least = t <= EXACT_TRIALS ? leastLower95(lo, hi)
                : meanLo - k * Math.sqrt(largestSpread(lo, hi) / (t - 1));
        if (least >= threshold) {
            return Verdict.PASS;
        }
        double most = meanHi - k * Math.sqrt(smallestSpread(lo, hi) / (t - 1));
        return most < threshold ? Verdict.FAIL : Verdict.OPEN;
    }

    /**
     * The smallest one-sided 95% lower bound ({@link CurvePoint#lower95()}) of the mean over the corners of
     * the box, which is its minimum over the whole box (the bound is concave); {@code 2^T} corners.
     */
    static double leastLower95(double[] lo, double[] hi) {
        int t = lo.length;
        double[] x = new double[t];
        double least = Double.POSITIVE_INFINITY;
        for (int corner = 0; corner < 1 << t; corner++) {
            for (int i = 0; i < t; i++) {
                x[i] = (corner >>> i & 1) == 0 ? lo[i] : hi[i];
            }
            least = Math.min(least, new CurvePoint(0, x).lower95());
        }
        return least;
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
