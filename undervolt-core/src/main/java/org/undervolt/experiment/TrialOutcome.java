package org.undervolt.experiment;

import java.io.Serializable;

import org.undervolt.resilience.TrialEvaluator;

/**
 * The measured result of one {@link SweepTask}.
 *
 * @param index      the task's position in {@link SweepSpec#tasks()}
 * @param network    network name
 * @param errorModel error model spec ({@code uniform}, {@code bitline:0.5}, ...)
 * @param ber        the point's bit error rate
 * @param seed       the master seed the trial's errors were drawn under ({@link SweepSpec#masterSeed})
 * @param trial      trial index at the point
 * @param accuracy   fraction of test images classified correctly
 * @param pointKey   the results-store point key ({@link SweepSpec#pointKey(SweepTask)}): names the
 *                   seed when the spec has several
 * @param nonfinite  what turned non-finite in the trial (issue 11, an exponent flip in a stored
 *                   FP32/FP16/BF16 value), as {@link SweepResults#NONFINITE_HANDLING} describes;
 *                   {@link TrialEvaluator.Outcome#NOT_COUNTED} when the trial was not counted
 */
public record TrialOutcome(int index, String network, String errorModel, double ber, long seed, int trial,
        double accuracy, String pointKey, int nonfinite) implements Serializable {
    private static final long serialVersionUID = 3L;

    public TrialOutcome {
        if (nonfinite < TrialEvaluator.Outcome.NOT_COUNTED) {
            throw new IllegalArgumentException("nonfinite must be >= 0, or NOT_COUNTED: " + nonfinite);
        }
    }

    /** The outcome of {@code task} of {@code spec}. */
    public static TrialOutcome of(SweepSpec spec, SweepTask task, double accuracy, int nonfinite) {
        return new TrialOutcome(task.index(), spec.networks().get(task.network()).name(),
                spec.errorModels().get(task.errorModel()), spec.bers()[task.point()], spec.masterSeed(task),
                task.trial(), accuracy, spec.pointKey(task), nonfinite);
    }

    /** Whether the trial's non-finite values were counted. */
    public boolean nonfiniteCounted() {
        return nonfinite != TrialEvaluator.Outcome.NOT_COUNTED;
    }
}
