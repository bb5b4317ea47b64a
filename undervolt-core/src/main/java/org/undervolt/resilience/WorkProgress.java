package org.undervolt.resilience;

/**
 * Told as the units of a long job (training images, batches, Monte-Carlo trials) finish, for progress
 * displays with a time estimate. Purely informative: it never changes what the job computes.
 */
@FunctionalInterface
public interface WorkProgress {
    /** Tells nobody. */
    WorkProgress NONE = (done, skipped, total) -> {
    };

    /**
     * @param done    units finished so far, of {@code total}
     * @param skipped how many of {@code done} were found finished (a checkpoint, a resumed run) and cost
     *                no time now: a time estimate should leave them out of the rate
     * @param total   units the job will do; may shrink while it runs when the job learns it stops early
     *                (a tolerance search that finds its first failing BER)
     */
    void update(long done, long skipped, long total);
}
