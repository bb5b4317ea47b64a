package org.undervolt.experiment;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

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
    private static final Map<String, Queue<SweepEvaluator>> POOLS = new ConcurrentHashMap<>();
    private static final Queue<String> ORDER = new ConcurrentLinkedQueue<>();

    private SweepEvaluators() {
    }

    /** The pool key of a spec: its canonical description (checkpoints by SHA-256). */
    public static String key(SweepSpec spec) {
        return Json.canonical(spec.describe());
    }

    /** An evaluator of {@code spec} (keyed by {@code key}), reused if one is free. */
    public static SweepEvaluator borrow(String key, SweepSpec spec) {
        Queue<SweepEvaluator> pool = POOLS.computeIfAbsent(key, k -> {
            ORDER.add(k);
            return new ConcurrentLinkedQueue<>();
        });
        while (ORDER.size() > SPECS) {
            String old = ORDER.poll();
            if (old != null) {
                POOLS.remove(old);
            }
        }
        SweepEvaluator e = pool.poll();
        return e != null ? e : new SweepEvaluator(spec);
    }

    /** Drops every pooled evaluator (benchmarks use it to measure a cold start). */
    public static void clear() {
        POOLS.clear();
        ORDER.clear();
    }

    /** Returns an evaluator borrowed with {@code key}. */
    public static void giveBack(String key, SweepEvaluator evaluator) {
        Queue<SweepEvaluator> pool = POOLS.get(key);
        if (pool != null) {
            pool.add(evaluator);
        }
    }
}
