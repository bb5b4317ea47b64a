package org.undervolt.nn.layer;

import org.undervolt.nn.kernel.Elementwise;
import org.undervolt.nn.tensor.Tensor;

/**
 * Rectified linear unit {@code y = max(x, 0)}, element-wise, with {@link Math#max} semantics:
 * a NaN input stays NaN (as in PyTorch), so a corrupted feature map is not silently cleaned.
 */
public final class Relu implements Layer {
    private final String name;
    private Tensor cachedOutput;

    public Relu(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "relu";
    }

    @Override
    public int[] config() {
        return new int[0];
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext ctx, HookSite site) {
        float[] in = x.data();
        float[] y = new float[in.length];
        Elementwise.relu(in, y);
        Tensor out = new Tensor(x.shape(), y);
        if (ctx.training()) {
            cachedOutput = out;
        }
        return out;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        float[] y = cachedOutput.data();
        float[] g = gradOut.data();
        float[] gx = new float[g.length];
        Elementwise.reluBackward(y, g, gx);
        return new Tensor(gradOut.shape(), gx);
    }

    @Override
    public Relu copy() {
        return new Relu(name);
    }
}
