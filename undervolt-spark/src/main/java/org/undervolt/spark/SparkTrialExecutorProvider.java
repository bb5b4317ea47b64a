package org.undervolt.spark;

import org.undervolt.resilience.TrialExecutor;
import org.undervolt.resilience.TrialExecutorProvider;

/**
 * Registers {@link SparkTrialExecutor} with the core ({@code META-INF/services}): {@code --spark MASTER} of
 * {@code tolerance}, {@code eden} and {@code sparkxd} finds it when this module is on the class path.
 */
public final class SparkTrialExecutorProvider implements TrialExecutorProvider {

    @Override
    public TrialExecutor open(String master) {
        return new SparkTrialExecutor(master);
    }
}
