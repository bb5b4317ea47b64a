package org.undervolt.experiment;

import java.io.Serializable;

/**
 * The measured result of one {@link SweepTask}.
 *
 * @param index      the task's position in {@link SweepSpec#tasks()}
 * @param network    network name
 * @param errorModel error model spec ({@code uniform}, {@code bitline:0.5}, ...)
 * @param ber        the point's bit error rate
 * @param trial      trial index at the point
 * @param accuracy   fraction of test images classified correctly
 */
public record TrialOutcome(int index, String network, String errorModel, double ber, int trial, double accuracy)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The results-store point key: {@code network=<n>;error_model=<m>;ber=<Double.toString(ber)>}. */
    public String pointKey() {
        return SweepSpec.pointKey(network, errorModel, ber);
    }
}
