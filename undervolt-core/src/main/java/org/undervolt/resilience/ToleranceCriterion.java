package org.undervolt.resilience;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The accuracy constraint of SparkXD and EDEN: accuracy at least {@code baseline - delta}
 * (both papers use delta = 1 percentage point; docs/PAPERS.md §1.7, §2.5).
 *
 * <p>The tolerable BER of a curve is the largest grid BER such that the mean accuracy meets the
 * constraint there <em>and at every smaller grid BER</em>. Requiring the whole prefix keeps a lucky
 * point beyond a failing one from being chosen: error rates only rise as the voltage falls.
 */
public record ToleranceCriterion(double baseline, double delta) {

    public ToleranceCriterion {
        if (!(delta >= 0 && delta <= 1)) {
            throw new IllegalArgumentException("delta must be in [0, 1]: " + delta);
        }
    }

    public double threshold() {
        return baseline - delta;
    }

    public boolean accepts(CurvePoint p) {
        return p.mean() >= threshold();
    }

    /** The tolerable BER of a curve sorted by increasing BER; empty when even its first point fails. */
    public OptionalDouble tolerableBer(List<CurvePoint> curve) {
        OptionalDouble best = OptionalDouble.empty();
        double previous = Double.NEGATIVE_INFINITY;
        for (CurvePoint p : curve) {
            if (p.ber() <= previous) {
                throw new IllegalArgumentException("curve must be sorted by increasing BER");
            }
            previous = p.ber();
            if (!accepts(p)) {
                break;
            }
            best = OptionalDouble.of(p.ber());
        }
        return best;
    }
}
