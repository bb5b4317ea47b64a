package org.undervolt.usecase;

import org.undervolt.resilience.SnnErrorRuns;
import org.undervolt.snn.SnnRuns;

/**
 * Evaluates an SNN as {@link SnnEvalRequest} says: error-free ({@link SnnRuns#evaluate}) or with its input weights
 * stored and hit by bit errors ({@link SnnErrorRuns#evaluateWithErrors}). The implementation behind
 * {@code undervolt snn eval}.
 */
public final class SnnEvalUseCase {
    private SnnEvalUseCase() {
    }

    /** The accuracy (per trial with errors), the format's error-free baseline and the time. */
    public static SnnRuns.EvalResult run(SnnEvalRequest r) {
        if (!r.stored()) {
            return SnnRuns.evaluate(r.model(), r.test(), r.testImages(), r.threads());
        }
        double ber = r.ber() == null ? 0 : r.ber();
        return SnnErrorRuns.evaluateWithErrors(r.model(), r.test(), r.testImages(), r.storedFormat(), ber, r.errors(),
                r.trials(), r.seed(), r.threads());
    }
}
