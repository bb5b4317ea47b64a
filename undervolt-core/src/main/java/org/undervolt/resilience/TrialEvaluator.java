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

    /**
     * The trial's accuracy and how many non-finite values it met (issue 11: an exponent flip in a stored
     * FP32/FP16/BF16 value can make it an infinity or a NaN). An evaluator that counts them overrides
     * this; by default the count is {@link Outcome#NOT_COUNTED}. The accuracy must equal {@link #accuracy}'s.
     */
    default Outcome evaluate(double ber, SplittableRandom rng) {
        return new Outcome(accuracy(ber, rng), Outcome.NOT_COUNTED);
    }

    /**
     * @param accuracy  fraction correct
     * @param nonfinite what the evaluator counts as non-finite in this trial (DNN: test images whose
     *                  output row held a NaN or an infinity; SNN: weights read as NaN or an infinity),
     *                  or {@link #NOT_COUNTED}
     */
    record Outcome(double accuracy, int nonfinite) {
        public static final int NOT_COUNTED = -1;
    }
}
