package org.undervolt.experiment;

import org.undervolt.io.Json;

/**
 * The evaluators of this JVM, pooled per sweep spec: a thread borrows one, runs its tasks and gives
 * it back, so a network is rebuilt at most once per concurrently working thread, not once per task
 * (on a Spark executor: per executor core, reused across partitions and stages).
 *
 * <p>Only the most recent {@value #SPECS} specs are kept, so a long-lived executor does not
 * accumulate networks of finished sweeps.
 */
public final class SweepEvaluators {
    static final int SPECS = 4;
    private static final RecentPools<SweepEvaluator> POOLS = new RecentPools<>(SPECS);

    private SweepEvaluators() {
    }

    /** The pool key of a spec: its canonical description (checkpoints by SHA-256). */
    public static String key(SweepSpec spec) {
        return Json.canonical(spec.describe());
    }

    /** An evaluator of {@code spec} (keyed by {@code key}), reused if one is free. */
    public static SweepEvaluator borrow(String key, SweepSpec spec) {
        return POOLS.borrow(key, () -> new SweepEvaluator(spec));
    }

    /** Drops every pooled evaluator (benchmarks use it to measure a cold start). */
    public static void clear() {
        POOLS.clear();
    }

    /** Returns an evaluator borrowed with {@code key}. */
    public static void giveBack(String key, SweepEvaluator evaluator) {
        POOLS.giveBack(key, evaluator);
    }
}
