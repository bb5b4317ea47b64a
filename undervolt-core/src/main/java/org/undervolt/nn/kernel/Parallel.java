package org.undervolt.nn.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * Runs independent tasks {@code 0..n-1} on a shared pool of worker threads.
 *
 * <p>Callers split their work so that each task writes its own outputs and every output's
 * arithmetic happens inside one task in a fixed order; results are then the same for any thread
 * count. A call made from inside a task runs its tasks inline (no nested parallelism), so an
 * outer loop over batches and an inner parallel GEMM compose without oversubscription.
 *
 * <p>The thread count defaults to the number of available processors and can be set with the
 * system property {@code undervolt.threads} or {@link #setThreads(int)}.
 */
public final class Parallel {
    private static volatile ForkJoinPool pool = newPool(defaultThreads());

    private Parallel() {
    }

    private static int defaultThreads() {
        String p = System.getProperty("undervolt.threads");
        if (p != null) {
            try {
                int t = Integer.parseInt(p.trim());
                if (t > 0) {
                    return t;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the processor count
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static ForkJoinPool newPool(int threads) {
        return new ForkJoinPool(threads, p -> {
            var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setDaemon(true);
            t.setName("undervolt-nn-" + t.getPoolIndex());
            return t;
        }, null, false);
    }

    /** Number of worker threads. */
    public static int threads() {
        return pool.getParallelism();
    }

    /** Replaces the pool with one of {@code threads} workers (for tests and the CLI's --threads). */
    public static synchronized void setThreads(int threads) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        if (threads != pool.getParallelism()) {
            ForkJoinPool old = pool;
            pool = newPool(threads);
            old.shutdown();
        }
    }

    /** Runs {@code body.accept(i)} for {@code i in [0, n)}, in parallel when worthwhile. */
    public static void forEach(int n, IntConsumer body) {
        if (n <= 0) {
            return;
        }
        ForkJoinPool p = pool;
        if (n == 1 || p.getParallelism() == 1 || ForkJoinTask.inForkJoinPool()) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        p.invoke(new Range(body, 0, n));
    }

    private static final class Range extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient IntConsumer body;
        private final int from;
        private final int to;

        Range(IntConsumer body, int from, int to) {
            this.body = body;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from == 1) {
                body.accept(from);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Range(body, from, mid), new Range(body, mid, to));
        }
    }
}
