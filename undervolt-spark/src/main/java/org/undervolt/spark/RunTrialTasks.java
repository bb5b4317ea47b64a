package org.undervolt.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.undervolt.resilience.TrialModel;
import org.undervolt.resilience.TrialRecipe;
import org.undervolt.resilience.TrialTask;

/**
 * What an executor does with a partition of tolerance trial tasks: borrow this JVM's model of the broadcast
 * recipe (built from it the first time), run each task ({@link TrialTask#run}), give the model back.
 */
final class RunTrialTasks implements FlatMapFunction<Iterator<TrialTask>, TrialTask.Result> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<TrialRecipe> recipe;

    RunTrialTasks(Broadcast<TrialRecipe> recipe) {
        this.recipe = recipe;
    }

    @Override
    public Iterator<TrialTask.Result> call(Iterator<TrialTask> tasks) {
        TrialRecipe r = recipe.value();
        TrialModel model = TrialModelPool.borrow(r);
        try {
            List<TrialTask.Result> out = new ArrayList<>();
            while (tasks.hasNext()) {
                out.add(tasks.next().run(model));
            }
            return out.iterator();
        } finally {
            TrialModelPool.giveBack(r, model);
        }
    }
}
