package org.undervolt.experiment;

import java.util.OptionalDouble;
import java.util.function.DoubleFunction;

import org.undervolt.resilience.BerSweep;
import org.undervolt.resilience.TrialStore;
import org.undervolt.store.PointKeys;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.TrialKey;
import org.undervolt.store.TrialRow;

/**
 * A {@link BerSweep}'s trials kept in a results store under one run, keyed by point (default {@link PointKeys#ber}):
 * a resumed sweep finds the finished ones and skips them. Each trial is committed as soon as it is
 * measured. It joins the store to the sweep, so it lives here, where both are known: the store itself
 * knows nothing of resilience (docs/ARCHITECTURE.md).
 */
public final class StoredBerTrials implements TrialStore {
    private final ResultsStore store;
    private final long runId;
    private final DoubleFunction<String> pointKey;
    private int reused;
    private int recorded;

    /** Trials of a whole-network sweep, keyed {@code ber=<value>}. */
    public StoredBerTrials(ResultsStore store, long runId) {
        this(store, runId, PointKeys::ber);
    }

    /**
     * Trials of one of several sweeps of a run, e.g. one per layer and data type:
     * {@code ber -> PointKeys.layerType("fc1", "weights", ber)}.
     */
    public StoredBerTrials(ResultsStore store, long runId, DoubleFunction<String> pointKey) {
        this.store = store;
        this.runId = runId;
        this.pointKey = pointKey;
    }

    @Override
    public OptionalDouble lookup(double ber, int trial) {
        OptionalDouble held = store.trials().accuracy(runId, new TrialKey(pointKey.apply(ber), trial));
        if (held.isPresent()) {
            reused++;
        }
        return held;
    }

    @Override
    public void record(double ber, int trial, double accuracy) {
        TrialKey key = new TrialKey(pointKey.apply(ber), trial);
        if (store.trials().record(runId, new TrialRow(key, BerSweep.trialIds(ber, trial), accuracy))) {
            recorded++;
        }
    }

    /** Trials found already finished and not evaluated again. */
    public int reused() {
        return reused;
    }

    /** Trials evaluated and recorded by this sweep. */
    public int recorded() {
        return recorded;
    }
}
