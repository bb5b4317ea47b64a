package org.undervolt.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.undervolt.Provenance;
import org.undervolt.io.Json;
import org.undervolt.resilience.BerSweep;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.RunStatus;
import org.undervolt.store.TrialKey;
import org.undervolt.store.TrialRow;

/**
 * Puts a sweep's outcomes into a results store: one run of kind {@value #KIND} whose configuration
 * is the spec's description, one trial row per outcome keyed by its point key
 * ({@link SweepSpec#pointKey(SweepTask)}: network, error model, BER, and the master seed when the spec
 * has several) and trial index, with seed ids {@code [bits(ber), trial]} under that seed. A trial's
 * non-finite count ({@link TrialOutcome#nonfinite()}) goes into the row's {@code extra} JSON as
 * {@code {"nonfinite": n}} (absent when not counted), so the store's schema is unchanged. Recording is
 * idempotent: merging the same outcomes twice adds nothing.
 */
public final class SweepResults {
    public static final String KIND = "sweep";
    /** The key of a trial's non-finite count in its row's {@code extra} JSON. */
    public static final String NONFINITE = "nonfinite";
    /** What a trial's non-finite count counts, and what became of those values (issue 11). */
    public static final String NONFINITE_HANDLING = "DNN: test images whose output row held a NaN or an infinity "
            + "(a NaN row is classified wrong, infinities compare as floats); SNN: stored weights read as NaN or "
            + "an infinity, used as 0 (a synapse that conducts nothing)";

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
                    o.accuracy(), OptionalLong.empty(), extra(o)));
        }
        return store.trials().recordAll(runId, rows);
    }

    /** The {@code extra} JSON of an outcome's trial row: its non-finite count, or {@code null} if not counted. */
    static String extra(TrialOutcome o) {
        return o.nonfiniteCounted() ? "{\"" + NONFINITE + "\":" + o.nonfinite() + "}" : null;
    }

    /** The non-finite count a trial row holds in its {@code extra} JSON; empty if it holds none. */
    public static OptionalInt nonfinite(TrialRow row) {
        if (row.extra() == null) {
            return OptionalInt.empty();
        }
        try {
            JsonNode n = Json.mapper().readTree(row.extra()).path(NONFINITE);
            return n.canConvertToInt() && n.isIntegralNumber() ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("trial " + row.key() + ": extra is not JSON: " + row.extra(), e);
        }
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
     * Mean accuracy of one point of a run, and the non-finite values its trials met.
     *
     * @param point           the point key ({@link SweepSpec#pointKey(SweepTask)})
     * @param trials          trials the run holds at it
     * @param mean            their mean accuracy
     * @param nonfinite       the sum of their non-finite counts ({@link TrialOutcome#nonfinite()})
     * @param nonfiniteTrials how many of them met at least one non-finite value
     * @param countedTrials   how many of them hold a count (all, unless recorded before counts were kept)
     */
    public record PointMean(String point, int trials, double mean, long nonfinite,
            int nonfiniteTrials, int countedTrials) {
    }

    /** The mean accuracy of every point of {@code spec} that run {@code runId} holds trials of, in task order. */
    public static List<PointMean> means(ResultsStore store, long runId, SweepSpec spec) {
        Map<String, double[]> sums = new LinkedHashMap<>(); // point -> {count, sum, nonfinite, affected, counted}
        for (SweepTask t : spec.tasks()) {
            sums.putIfAbsent(spec.pointKey(t), new double[5]);
        }
        store.trials().forEach(runId, row -> {
            double[] s = sums.get(row.key().point());
            if (s != null) {
                s[0]++;
                s[1] += row.accuracy();
                OptionalInt n = nonfinite(row);
                if (n.isPresent()) {
                    s[2] += n.getAsInt();
                    s[3] += n.getAsInt() > 0 ? 1 : 0;
                    s[4]++;
                }
            }
        });
        List<PointMean> out = new ArrayList<>();
        sums.forEach((point, s) -> {
            if (s[0] > 0) {
                out.add(new PointMean(point, (int) s[0], s[1] / s[0], (long) s[2], (int) s[3], (int) s[4]));
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
