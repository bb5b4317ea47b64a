package org.undervolt.resilience;

import java.util.Locale;

import org.undervolt.InvalidInputException;

/**
 * When a point of an accuracy-versus-BER curve meets the constraint {@code accuracy >= baseline - delta}
 * (SparkXD and EDEN both use delta = 1 point; docs/PAPERS.md §1.7, §2.5).
 *
 * <ul>
 *   <li>{@link Rule#LOWER95}: the one-sided 95% lower confidence bound of the mean accuracy over the
 *       Monte-Carlo trials ({@link CurvePoint#lower95()}, Student's t) is at least the threshold, so
 *       the constraint on the mean holds with 95% confidence;</li>
 *   <li>{@link Rule#MEAN}: the sample mean is (what the papers report; no confidence).</li>
 * </ul>
 *
 * @param baseline error-free accuracy (fraction)
 * @param delta    accepted loss (fraction, 0.01 = 1 point)
 * @param rule     which statistic is compared
 */
public record Acceptance(double baseline, double delta, Rule rule) {

    /** The statistic compared with the threshold. */
    public enum Rule {
        MEAN, LOWER95;

        public static Rule parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT).replace("-", ""));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("confidence rule '" + s + "' is unknown; expected mean or lower95");
            }
        }
    }

    public Acceptance {
        if (!(delta >= 0 && delta <= 1)) {
            throw new InvalidInputException("delta " + delta + " is out of range: expected 0 <= delta <= 1");
        }
    }

    public double threshold() {
        return baseline - delta;
    }

    /** The statistic of {@code p} the rule compares. */
    public double statistic(CurvePoint p) {
        return rule == Rule.MEAN ? p.mean() : p.lower95();
    }

    public boolean accepts(CurvePoint p) {
        return statistic(p) >= threshold();
    }

    /** How the rule reads in reports. */
    public String describe() {
        return (rule == Rule.MEAN ? "mean accuracy" : "one-sided 95% lower bound (Student t over trials) of mean accuracy")
                + " >= baseline - " + delta;
    }
}
