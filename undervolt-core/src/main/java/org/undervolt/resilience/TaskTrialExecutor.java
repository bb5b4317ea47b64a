package org.undervolt.resilience;

import java.util.ArrayList;
import java.util.List;

/**
 * An executor that runs trials as independent {@link TrialTask}s on models built from their
 * {@link TrialRecipe} (in other JVMs): a full point is one batch of one task per trial, a sequential
 * point one batch per look. Targets without a recipe run {@link TrialExecutor#LOCAL}.
 */
public abstract class TaskTrialExecutor implements TrialExecutor {

    /** Runs {@code tasks} on models built from {@code recipe}; their results in the tasks' order. */
    protected abstract List<TrialTask.Result> run(TrialRecipe recipe, List<TrialTask> tasks);

    @Override
    public final List<TrialEvaluator.Outcome> full(TargetTrials trials, double ber, List<TrialSeed> seeds,
            Runnable eachDone) {
        if (trials.recipe() == null) {
            return LOCAL.full(trials, ber, seeds, eachDone);
        }
        List<TrialTask> tasks = new ArrayList<>(seeds.size());
        for (TrialSeed s : seeds) {
            tasks.add(TrialTask.full(trials.family(), ber, s));
        }
        List<TrialEvaluator.Outcome> out = new ArrayList<>(tasks.size());
        for (TrialTask.Result r : checked(run(trials.recipe(), tasks), tasks)) {
            out.add(r.outcome());
            eachDone.run();
        }
        return out;
    }

    @Override
    public final SequentialPoint.Rounds rounds(TargetTrials trials, double ber, List<TrialSeed> seeds, int[] order) {
        if (trials.recipe() == null) {
            return LOCAL.rounds(trials, ber, seeds, order);
        }
        return (from, to) -> {
            List<TrialTask> tasks = new ArrayList<>(seeds.size());
            for (TrialSeed s : seeds) {
                tasks.add(TrialTask.chunk(trials.family(), ber, s, order, from, to));
            }
            List<PairedTrials.Chunk> out = new ArrayList<>(tasks.size());
            for (TrialTask.Result r : checked(run(trials.recipe(), tasks), tasks)) {
                out.add(r.chunk());
            }
            return out;
        };
    }

    private static List<TrialTask.Result> checked(List<TrialTask.Result> results, List<TrialTask> tasks) {
        if (results.size() != tasks.size()) {
            throw new IllegalStateException(results.size() + " results for " + tasks.size() + " trial tasks");
        }
        return results;
    }
}
