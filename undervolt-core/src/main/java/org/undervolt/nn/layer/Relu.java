package org.undervolt.nn.layer;

import org.undervolt.nn.tensor.Tensor;

/** Rectified linear unit {@code y = max(0, x)}, element-wise. */
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
        for (int i = 0; i < in.length; i++) {
            float v = in[i];
            y[i] = v > 0f ? v : 0f;
        }
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
        for (int i = 0; i < g.length; i++) {
            gx[i] = y[i] > 0f ? g[i] : 0f;
        }
        return new Tensor(gradOut.shape(), gx);
    }

    @Override
    public Relu copy() {
        return new Relu(name);
    }
}
