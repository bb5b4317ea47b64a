package org.undervolt.experiment;

import java.util.ArrayList;
import java.util.List;

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
