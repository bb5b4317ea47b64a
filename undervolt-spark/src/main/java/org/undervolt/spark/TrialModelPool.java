package org.undervolt.spark;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.undervolt.resilience.TrialModel;
import org.undervolt.resilience.TrialRecipe;

/**
 * The tolerance models of this JVM, pooled per recipe: an executor thread borrows one, runs its trial tasks
 * and gives it back, so a model is built at most once per concurrently working thread and reused across
 * tasks, looks and points. Only the {@value #RECIPES} most recent recipes are kept.
 */
final class TrialModelPool {
    static final int RECIPES = 4;
    private static final Map<String, Queue<TrialModel>> POOLS = new ConcurrentHashMap<>();
    private static final Queue<String> ORDER = new ConcurrentLinkedQueue<>();

    private TrialModelPool() {
    }

    /** A model of {@code recipe}, reused if one is free, else built. */
    static TrialModel borrow(TrialRecipe recipe) {
        Queue<TrialModel> pool = POOLS.computeIfAbsent(recipe.key(), k -> {
            ORDER.add(k);
            return new ConcurrentLinkedQueue<>();
        });
        while (ORDER.size() > RECIPES) {
            String old = ORDER.poll();
            if (old != null) {
                POOLS.remove(old);
            }
        }
        TrialModel m = pool.poll();
        return m != null ? m : recipe.build();
    }

    /** Returns a model borrowed for {@code recipe}. */
    static void giveBack(TrialRecipe recipe, TrialModel model) {
        Queue<TrialModel> pool = POOLS.get(recipe.key());
        if (pool != null) {
            pool.add(model);
        }
    }
}
