package org.undervolt.nn.layer;

import org.undervolt.nn.tensor.Tensor;

/**
 * A parameter-free layer whose output has the input's shape and whose backward pass needs only
 * that output (ReLU, softmax): it allocates the arrays and keeps the output of a training pass;
 * subclasses fill in the values.
 */
abstract class OutputCachingLayer extends NamedLayer {
    private Tensor cachedOutput;

    OutputCachingLayer(String name, String type, int... config) {
        super(name, type, config);
    }

    @Override
    public final int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public final Tensor forward(Tensor x, ForwardContext ctx, HookSite site) {
        float[] y = new float[x.data().length];
        apply(x, y);
        Tensor out = new Tensor(x.shape(), y);
        if (ctx.training()) {
            cachedOutput = out;
        }
        return out;
    }

    @Override
    public final Tensor backward(Tensor gradOut) {
        float[] g = gradOut.data();
        float[] gx = new float[g.length];
        applyBackward(cachedOutput, g, gx);
        return new Tensor(gradOut.shape(), gx);
    }

    /** Writes the output of batch {@code x} into {@code y} (as long as {@code x}). */
    abstract void apply(Tensor x, float[] y);

    /** Writes the input gradient into {@code gx}, given this layer's output {@code y} and the output gradient {@code g}. */
    abstract void applyBackward(Tensor y, float[] g, float[] gx);
}
