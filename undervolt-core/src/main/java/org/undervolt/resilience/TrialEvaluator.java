package org.undervolt.resilience;

import java.util.SplittableRandom;

/**
 * Evaluates a network once with bit errors at a given rate: draws the errors from {@code rng}
 * into a fresh copy of the stored data and returns the accuracy (fraction correct).
 *
 * <p>All randomness of a trial must come from {@code rng}, which the sweep derives from the
 * master seed and the trial's identity.
 */
@FunctionalInterface
public interface TrialEvaluator {
    double accuracy(double ber, SplittableRandom rng);
}
