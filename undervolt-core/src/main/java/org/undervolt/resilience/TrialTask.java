package org.undervolt.resilience;

import java.io.Serializable;

/**
 * One independent unit of tolerance work, described by value so that any JVM holding the
 * {@link TrialRecipe}'s model runs it with the same bits: trial {@code seed} of a point ({@code family},
 * {@code ber}), either in full (every test image) or one chunk of a sequential point (the images at
 * positions {@code from..to} of {@code order}; positions, not threads, fix IFM error draws).
 *
 * @param family the target's sites
 * @param ber    the point's BER (the scale, for a combination)
 * @param seed   the trial's random stream
 * @param order  the sequential image order, or null for a full trial
 * @param from   first position of the chunk
 * @param to     end of the chunk (exclusive)
 */
public record TrialTask(TrialFamily family, double ber, TrialSeed seed, int[] order, int from, int to)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * What a task gave: a full trial's accuracy and non-finite count, or a chunk's per-image correctness
     * and non-finite count.
     *
     * @param accuracy  fraction correct (full trials; NaN for a chunk)
     * @param nonfinite as {@link TrialEvaluator.Outcome#nonfinite()} / {@link PairedTrials.Chunk#nonfinite()}
     * @param correct   per image of the chunk, or null for a full trial
     */
    public record Result(double accuracy, int nonfinite, boolean[] correct) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** As a full trial's outcome. */
        public TrialEvaluator.Outcome outcome() {
            return new TrialEvaluator.Outcome(accuracy, nonfinite);
        }

        /** As a chunk. */
        public PairedTrials.Chunk chunk() {
            return new PairedTrials.Chunk(correct, nonfinite);
        }
    }

    /** Trial {@code seed} of the point on every test image. */
    public static TrialTask full(TrialFamily family, double ber, TrialSeed seed) {
        return new TrialTask(family, ber, seed, null, 0, 0);
    }

    /** Trial {@code seed} of the point on the images at positions {@code from..to} of {@code order}. */
    public static TrialTask chunk(TrialFamily family, double ber, TrialSeed seed, int[] order, int from, int to) {
        java.util.Objects.requireNonNull(order, "order");
        java.util.Objects.checkFromToIndex(from, to, order.length);
        return new TrialTask(family, ber, seed, order, from, to);
    }

    /** Whether this is a full trial. */
    public boolean isFull() {
        return order == null;
    }

    /** Runs the task on {@code model} (built from the recipe the task belongs to). */
    public Result run(TrialModel model) {
        if (isFull()) {
            TrialEvaluator.Outcome o = model.evaluator(family).evaluate(ber, seed.stream());
            return new Result(o.accuracy(), o.nonfinite(), null);
        }
        PairedTrials.Chunk c = model.paired(family).open(ber, seed.stream()).correct(order, from, to);
        return new Result(Double.NaN, c.nonfinite(), c.correct());
    }
}
