package org.undervolt.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.undervolt.experiment.SweepEvaluator;
import org.undervolt.experiment.SweepEvaluators;
import org.undervolt.experiment.SweepSpec;
import org.undervolt.experiment.SweepTask;
import org.undervolt.experiment.TrialOutcome;

/**
 * What an executor does with a partition of tasks: borrow this JVM's evaluator of the sweep (built
 * from the broadcast spec the first time), evaluate every task, give the evaluator back. Only the
 * spec (checkpoint bytes, data set reference, names) and this small function travel to executors.
 */
final class EvaluatePartition implements FlatMapFunction<Iterator<SweepTask>, TrialOutcome> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<SweepSpec> spec;
    private final String key;

    EvaluatePartition(Broadcast<SweepSpec> spec, String key) {
        this.spec = spec;
        this.key = key;
    }

    @Override
    public Iterator<TrialOutcome> call(Iterator<SweepTask> tasks) {
        SweepEvaluator ev = SweepEvaluators.borrow(key, spec.value());
        try {
            List<TrialOutcome> out = new ArrayList<>();
            while (tasks.hasNext()) {
                out.add(ev.evaluate(tasks.next()));
            }
            return out.iterator();
        } finally {
            SweepEvaluators.giveBack(key, ev);
        }
    }
}
