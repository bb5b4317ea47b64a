package org.undervolt.spark;

import org.undervolt.experiment.RecentPools;
import org.undervolt.resilience.TrialModel;
import org.undervolt.resilience.TrialRecipe;

/**
 * The tolerance models of this JVM, pooled per recipe: an executor thread borrows one, runs its trial tasks
 * and gives it back, so a model is built at most once per concurrently working thread and reused across
 * tasks, looks and points. Only the {@value #RECIPES} most recent recipes are kept.
 */
final class TrialModelPool {
    static final int RECIPES = 4;
    private static final RecentPools<TrialModel> POOLS = new RecentPools<>(RECIPES);

    private TrialModelPool() {
    }

    /** A model of {@code recipe}, reused if one is free, else built. */
    static TrialModel borrow(TrialRecipe recipe) {
        return POOLS.borrow(recipe.key(), recipe::build);
    }

    /** Returns a model borrowed for {@code recipe}. */
    static void giveBack(TrialRecipe recipe, TrialModel model) {
        POOLS.giveBack(recipe.key(), model);
    }
}
