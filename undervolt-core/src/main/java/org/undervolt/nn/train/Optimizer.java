package org.undervolt.nn.train;

import java.util.List;

import org.undervolt.nn.layer.Parameter;

/** Updates parameters from their accumulated gradients. */
public interface Optimizer {

    /** One update of every trainable parameter with learning rate {@code lr}. */
    void step(List<Parameter> parameters, float lr);
}
