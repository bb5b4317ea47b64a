package org.undervolt.nn.layer;

import org.undervolt.nn.kernel.Elementwise;
import org.undervolt.nn.tensor.Tensor;

/**
 * Rectified linear unit {@code y = max(x, 0)}, element-wise, with {@link Math#max} semantics:
 * a NaN input stays NaN (as in PyTorch), so a corrupted feature map is not silently cleaned.
 */
public final class Relu extends OutputCachingLayer {

    public Relu(String name) {
        super(name, "relu");
    }

    @Override
    void apply(Tensor x, float[] y) {
        Elementwise.relu(x.data(), y);
    }

    @Override
    void applyBackward(Tensor y, float[] g, float[] gx) {
        Elementwise.reluBackward(y.data(), g, gx);
    }

    @Override
    public Relu copy() {
        return new Relu(name());
    }
}
