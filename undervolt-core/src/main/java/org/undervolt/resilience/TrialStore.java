package org.undervolt.resilience;

import java.util.OptionalDouble;

/**
 * Where a sweep keeps finished trials, so that a resumed sweep skips them: {@link BerSweep} asks
 * {@link #lookup} before evaluating a trial and calls {@link #record} after.
 *
 * <p>Because a trial's errors derive only from (seed, BER, trial index), a recorded accuracy is exactly
 * what re-evaluating the trial would give; skipping it changes nothing in the result.
 */
public interface TrialStore {

    /** Keeps nothing: every trial is evaluated. */
    TrialStore NONE = new TrialStore() {
        @Override
        public OptionalDouble lookup(double ber, int trial) {
            return OptionalDouble.empty();
        }

        @Override
        public void record(double ber, int trial, double accuracy) {
        }
    };

    /** The accuracy of a finished trial, or empty if it still has to run. */
    OptionalDouble lookup(double ber, int trial);

    /** Keeps a finished trial; recording the same trial twice must not duplicate it. */
    void record(double ber, int trial, double accuracy);
}
