package org.undervolt.nn.train;

/** Learning-rate multiplier as a function of training progress. */
@FunctionalInterface
public interface LrSchedule {

    /**
     * Factor applied to the base learning rate at {@code step} (0-based) of {@code totalSteps}.
     */
    float factor(long step, long totalSteps);

    /** A constant learning rate. */
    static LrSchedule constant() {
        return (step, total) -> 1f;
    }

    /**
     * Cosine annealing from 1 to 0 over the run (Loshchilov and Hutter, "SGDR", ICLR 2017, eq. 5
     * without restarts).
     */
    static LrSchedule cosine() {
        return (step, total) -> (float) (0.5 * (1 + Math.cos(Math.PI * step / Math.max(1, total))));
    }

    /** Multiplies by {@code gamma} every {@code everySteps} steps. */
    static LrSchedule stepDecay(long everySteps, float gamma) {
        if (everySteps <= 0 || !(gamma > 0)) {
            throw new IllegalArgumentException("need everySteps > 0 and gamma > 0");
        }
        return (step, total) -> (float) Math.pow(gamma, step / everySteps);
    }

    /** Linear warm-up from {@code 1/warmupSteps} to 1 over the first steps, then this schedule. */
    default LrSchedule withWarmup(long warmupSteps) {
        return (step, total) -> step < warmupSteps
                ? (step + 1f) / warmupSteps * factor(step, total)
                : factor(step, total);
    }
}
