package org.undervolt.nn.train;

import java.util.List;

import org.undervolt.nn.layer.Parameter;

/** Updates parameters from their accumulated gradients. */
public interface Optimizer {

    /** One update of every trainable parameter with learning rate {@code lr}. */
    void step(List<Parameter> parameters, float lr);

    /**
     * The optimizer's per-parameter state arrays (live, created if absent), in a fixed order for
     * the given parameters, so that a training checkpoint can save and restore them.
     */
    List<float[]> state(List<Parameter> parameters);

    /** Steps taken so far (Adam's bias correction depends on it). */
    long steps();

    /** Sets the step counter when resuming. */
    void restoreSteps(long steps);
}
