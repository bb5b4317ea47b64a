package org.undervolt.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;

/**
 * Runs a sweep in this JVM on {@code threads} threads, each taking the next task from a shared
 * counter with an evaluator of its own. Results land at their task's index, so the list does not
 * depend on the thread count or on which thread ran what.
 */
public final class LocalSweepRunner implements SweepRunner {
    private final int threads;

    public LocalSweepRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        this.threads = threads;
    }

    @Override
    public List<TrialOutcome> run(SweepSpec spec) {
        return run(spec, spec.tasks());
    }

    /** The outcomes of {@code tasks} (any of the spec's, e.g. those a store lacks), in their order. */
    public List<TrialOutcome> run(SweepSpec spec, List<SweepTask> tasks) {
        TrialOutcome[] out = new TrialOutcome[tasks.size()];
        String key = SweepEvaluators.key(spec);
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            SweepEvaluator ev = SweepEvaluators.borrow(key, spec);
            try {
                for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
                    out[i] = ev.evaluate(tasks.get(i));
                }
            } finally {
                SweepEvaluators.giveBack(key, ev);
            }
        };
        if (threads == 1) {
            worker.run();
            return List.of(out);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(worker));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("sweep task failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return Arrays.asList(out);
    }
}
