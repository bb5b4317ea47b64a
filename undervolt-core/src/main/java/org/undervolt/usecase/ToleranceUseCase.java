package org.undervolt.usecase;

import java.util.function.Consumer;

import org.undervolt.resilience.SnnToleranceRun;
import org.undervolt.resilience.ToleranceRun;
import org.undervolt.resilience.ToleranceSearch;
import org.undervolt.resilience.TrialExecutor;

/**
 * Finds the BER a network tolerates (log grid, then bisection, Monte-Carlo trials per point, a resumable point
 * store in the request's folder), by {@link ToleranceRun} for a DNN and {@link SnnToleranceRun} for an SNN. The
 * implementation behind {@code undervolt tolerance} and the pipelines' tolerance stages.
 */
public final class ToleranceUseCase {
    private ToleranceUseCase() {
    }

    /**
     * @param log      progress notes (each measured point)
     * @param trials   told about every trial
     * @param executor where the trials run (the same results wherever they run; the report says where)
     */
    public static ToleranceResult run(ToleranceRequest r, Consumer<String> log, ToleranceSearch.TrialProgress trials,
            TrialExecutor executor) {
        return ToleranceResult.of(r.dnn() != null ? ToleranceRun.run(r.dnn(), r.train(), r.test(), log, trials, executor)
                : SnnToleranceRun.run(r.snn(), r.test(), log, trials, executor));
    }
}
