package org.undervolt.experiment;

import java.util.List;
import java.util.OptionalLong;

import org.undervolt.Provenance;
import org.undervolt.io.Json;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.RunStart;

/**
 * A sweep on this machine from start to results store, the local twin of the Spark job
 * ({@code org.undervolt.spark.SparkSweepJob}): picks the run (a new one, or the newest unfinished
 * {@value SweepResults#KIND} run of the same spec, whatever runner began it), evaluates the trials
 * it lacks with {@link LocalSweepRunner} a chunk at a time, and records each chunk in one
 * transaction, so a killed sweep resumes having lost at most one chunk of work. The run is marked
 * finished once it holds every task.
 */
public final class LocalSweepJob {
    /** Trials evaluated between two commits to the store. */
    static final int CHUNK = 64;

    /**
     * @param runId     the results-store run
     * @param resumed   whether the run existed before
     * @param evaluated trials evaluated now
     * @param skipped   trials the run already held
     * @param finished  whether the run now holds every trial of the spec
     */
    public record Summary(long runId, boolean resumed, int evaluated, int skipped, boolean finished) {
    }

    /** Told after each recorded chunk. */
    @FunctionalInterface
    public interface Progress {
        void recorded(int evaluated, int todo);
    }

    private LocalSweepJob() {
    }

    /**
     * Loads what the spec's trials read (checkpoint, data set) once, before any store is opened or run recorded: bad
     * input is refused here, leaving nothing behind. The evaluator stays pooled for {@link #run}.
     */
    public static void prepare(SweepSpec spec) {
        String key = SweepEvaluators.key(spec);
        SweepEvaluators.giveBack(key, SweepEvaluators.borrow(key, spec).prepared());
    }

    public static Summary run(SweepSpec spec, ResultsStore store, int threads, Progress progress) {
        RunStart start = RunStart.choose(store, SweepResults.KIND, Json.canonical(spec.describe()), spec.seed(),
                Json.canonical(Provenance.describe()), OptionalLong.empty(), false);
        List<SweepTask> todo = start.resumed() ? SweepResults.remaining(store, start.runId(), spec) : spec.tasks();
        LocalSweepRunner runner = new LocalSweepRunner(threads);
        for (int from = 0; from < todo.size(); from += CHUNK) {
            List<SweepTask> chunk = todo.subList(from, Math.min(todo.size(), from + CHUNK));
            SweepResults.record(store, start.runId(), runner.run(spec, chunk));
            progress.recorded(from + chunk.size(), todo.size());
        }
        boolean finished = SweepResults.finishIfComplete(store, start.runId(), spec);
        return new Summary(start.runId(), start.resumed(), todo.size(), spec.taskCount() - todo.size(), finished);
    }
}
