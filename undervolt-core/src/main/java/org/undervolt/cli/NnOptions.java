package org.undervolt.cli;

import org.undervolt.InvalidInputException;
import org.undervolt.nn.kernel.Parallel;

/** Small helpers shared by {@code undervolt train} and {@code undervolt eval}. */
final class NnOptions {
    private NnOptions() {
    }

    /** Applies {@code --threads} (null: all cores); returns the thread count in use. */
    static int threads(Integer threads) {
        if (threads != null) {
            if (threads < 1 || threads > 4096) {
                throw new InvalidInputException("--threads " + threads + ": expected 1..4096");
            }
            Parallel.setThreads(threads);
        }
        return Parallel.threads();
    }
}
