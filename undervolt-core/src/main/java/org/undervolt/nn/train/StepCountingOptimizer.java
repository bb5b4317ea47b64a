package org.undervolt.nn.train;

/**
 * An optimizer that counts its steps: the counter a training checkpoint saves ({@link #steps}) and restores
 * ({@link #restoreSteps}) for {@link Sgd} and {@link Adam} alike.
 */
abstract class StepCountingOptimizer implements Optimizer {
    private long steps;

    /** Counts one more step: the number of this step, from 1 (Adam's bias correction uses it). */
    final long countStep() {
        return ++steps;
    }

    @Override
    public final long steps() {
        return steps;
    }

    @Override
    public final void restoreSteps(long steps) {
        this.steps = steps;
    }
}
