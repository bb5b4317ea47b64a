package org.undervolt.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.undervolt.Provenance;
import org.undervolt.report.Json;
import org.undervolt.resilience.BerSweep;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.RunStatus;
import org.undervolt.store.TrialKey;
import org.undervolt.store.TrialRow;

/**
 * Puts a sweep's outcomes into a results store: one run of kind {@value #KIND} whose configuration
 * is the spec's description, one trial row per outcome keyed by its point key
 * ({@link SweepSpec#pointKey(SweepTask)}: network, error model, BER, and the master seed when the spec
 * has several) and trial index, with seed ids {@code [bits(ber), trial]} under that seed. Recording is
 * idempotent: merging the same outcomes twice adds nothing.
 */
public final class SweepResults {
    public static final String KIND = "sweep";

    private SweepResults() {
    }

    /** A new run for {@code spec}; returns its id. */
    public static long createRun(ResultsStore store, SweepSpec spec) {
        return store.createRun(KIND, Json.canonical(spec.describe()), spec.seed(), Json.canonical(Provenance.describe()));
    }

    /** Records {@code outcomes} under run {@code runId} in one transaction; returns how many were new. */
    public static int record(ResultsStore store, long runId, Iterable<TrialOutcome> outcomes) {
        List<TrialRow> rows = new ArrayList<>();
        for (TrialOutcome o : outcomes) {
            rows.add(new TrialRow(new TrialKey(o.pointKey(), o.trial()), BerSweep.trialIds(o.ber(), o.trial()),
                    o.accuracy()));
        }
        return store.trials().recordAll(runId, rows);
    }

    /** The tasks of {@code spec} that run {@code runId} does not hold yet, in task order. */
    public static List<SweepTask> remaining(ResultsStore store, long runId, SweepSpec spec) {
        Set<TrialKey> done = store.trials().done(runId);
        List<SweepTask> todo = new ArrayList<>();
        for (SweepTask t : spec.tasks()) {
            if (done.isEmpty() || !done.contains(new TrialKey(spec.pointKey(t), t.trial()))) {
                todo.add(t);
            }
        }
        return todo;
    }

    /**
     * Mean accuracy of one point of a run.
     *
     * @param point  the point key ({@link SweepSpec#pointKey(SweepTask)})
     * @param trials trials the run holds at it
     * @param mean   their mean accuracy
     */
    public record PointMean(String point, int trials, double mean) {
    }

    /** The mean accuracy of every point of {@code spec} that run {@code runId} holds trials of, in task order. */
    public static List<PointMean> means(ResultsStore store, long runId, SweepSpec spec) {
        Map<String, double[]> sums = new LinkedHashMap<>(); // point -> {count, sum}
        for (SweepTask t : spec.tasks()) {
            sums.putIfAbsent(spec.pointKey(t), new double[2]);
        }
        store.trials().forEach(runId, row -> {
            double[] s = sums.get(row.key().point());
            if (s != null) {
                s[0]++;
                s[1] += row.accuracy();
            }
        });
        List<PointMean> out = new ArrayList<>();
        sums.forEach((point, s) -> {
            if (s[0] > 0) {
                out.add(new PointMean(point, (int) s[0], s[1] / s[0]));
            }
        });
        return out;
    }

    /** Marks the run finished once it holds every task of {@code spec}; returns whether it does. */
    public static boolean finishIfComplete(ResultsStore store, long runId, SweepSpec spec) {
        long held = store.trials().count(runId);
        if (held < spec.taskCount()) {
            return false;
        }
        store.setStatus(runId, RunStatus.FINISHED, Json.canonical(java.util.Map.of("trials", held)));
        return true;
    }
}
