package org.undervolt.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.undervolt.experiment.SweepEvaluators;
import org.undervolt.experiment.SweepRunner;
import org.undervolt.experiment.SweepSpec;
import org.undervolt.experiment.SweepTask;
import org.undervolt.experiment.TrialOutcome;

/**
 * Runs a sweep as a Spark job: one RDD element per task (network, error model, point, seed, trial),
 * in {@code partitions} partitions, the spec broadcast once to every executor. A task's errors come from
 * {@code Seeds.stream(task seed, bits(ber), trial)} ({@link SweepSpec#stream}), so the outcomes equal
 * those of {@link org.undervolt.experiment.LocalSweepRunner} bit for bit, however Spark splits,
 * orders or retries the work.
 */
public final class SparkSweepRunner implements SweepRunner {
    private final JavaSparkContext sc;
    private final int partitions;

    /** @param partitions number of partitions; 0 for the context's default parallelism */
    public SparkSweepRunner(JavaSparkContext sc, int partitions) {
        if (partitions < 0) {
            throw new IllegalArgumentException("partitions must be >= 0: " + partitions);
        }
        this.sc = sc;
        this.partitions = partitions;
    }

    @Override
    public List<TrialOutcome> run(SweepSpec spec) {
        return collect(outcomes(spec, spec.tasks()));
    }

    /** The outcomes of {@code tasks} (any subset of the spec's, in any order) as an RDD. */
    public JavaRDD<TrialOutcome> outcomes(SweepSpec spec, List<SweepTask> tasks) {
        Broadcast<SweepSpec> shipped = sc.broadcast(spec);
        int slices = partitions > 0 ? partitions : sc.defaultParallelism();
        return sc.parallelize(tasks, Math.max(1, Math.min(slices, tasks.size())))
                .mapPartitions(new EvaluatePartition(shipped, SweepEvaluators.key(spec)));
    }

    /** Collects outcomes to the driver in task order. */
    public static List<TrialOutcome> collect(JavaRDD<TrialOutcome> outcomes) {
        List<TrialOutcome> out = new ArrayList<>(outcomes.collect());
        out.sort(Comparator.comparingInt(TrialOutcome::index));
        return out;
    }
}
