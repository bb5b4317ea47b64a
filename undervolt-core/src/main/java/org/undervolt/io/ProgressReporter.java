package org.undervolt.io;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Hands {@link ProgressLine}s of one long job to a log, not too often: one every {@code interval} once
 * real work has been timed (the first after one interval too), and the last one when the job is done. The
 * log decides where lines go (stderr on a terminal, nowhere with {@code --quiet} or {@code --json}).
 *
 * <p>Its {@link #update(long, long, long)} fits {@code org.undervolt.resilience.WorkProgress}
 * ({@code reporter::update}).
 */
public final class ProgressReporter {
    /** Default gap between two lines. */
    public static final double DEFAULT_INTERVAL_SECONDS = 10;

    private final ProgressLine line;
    private final Consumer<String> log;
    private final long intervalNanos;
    private final LongSupplier clock;
    private long lastNanos;
    private boolean finished;

    /** Lines labelled {@code label} to {@code log}, at most one every {@link #DEFAULT_INTERVAL_SECONDS}. */
    public ProgressReporter(String label, Consumer<String> log) {
        this(label, log, DEFAULT_INTERVAL_SECONDS, System::nanoTime);
    }

    /** @param intervalSeconds least time between two lines (0: every update) */
    public ProgressReporter(String label, Consumer<String> log, double intervalSeconds) {
        this(label, log, intervalSeconds, System::nanoTime);
    }

    ProgressReporter(String label, Consumer<String> log, double intervalSeconds, LongSupplier clock) {
        this.clock = clock;
        this.lastNanos = clock.getAsLong();
        this.line = new ProgressLine(label, 1, lastNanos);
        this.log = log;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
    }

    /** {@code done} of {@code total} units finished, {@code skipped} of them without work now. */
    public void update(long done, long skipped, long total) {
        if (finished || total < 1) {
            return;
        }
        long now = clock.getAsLong();
        boolean last = done >= total;
        boolean worked = done > skipped;
        boolean due = worked && now - lastNanos >= intervalNanos; // the first line, too, waits an interval:
                                                                   // the first units run cold and mislead
        if (last || due) {
            log.accept(line.line(done, skipped, total, now));
            lastNanos = now;
            finished = last;
        }
    }
}
