package org.undervolt.nn.layer;

import org.undervolt.nn.tensor.Tensor;

/**
 * Softmax over each item's values, {@code y_i = exp(x_i − max) / Σ exp(x_j − max)}, for networks
 * whose output is a probability vector (e.g. imported ONNX models ending in Softmax). Training
 * with {@code SoftmaxCrossEntropy} expects logits, so zoo models do not use this layer.
 */
public final class Softmax implements Layer {
    private final String name;
    private Tensor cachedOutput;

    public Softmax(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "softmax";
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
        int batch = x.dim(0);
        int n = x.itemSize();
        float[] in = x.data();
        float[] y = new float[in.length];
        for (int b = 0; b < batch; b++) {
            int off = b * n;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = off; i < off + n; i++) {
                max = Math.max(max, in[i]);
            }
            double sum = 0;
            for (int i = off; i < off + n; i++) {
                double e = Math.exp(in[i] - max);
                y[i] = (float) e;
                sum += e;
            }
            float inv = (float) (1 / sum);
            for (int i = off; i < off + n; i++) {
                y[i] *= inv;
            }
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
        int batch = cachedOutput.dim(0);
        int n = cachedOutput.itemSize();
        float[] dx = new float[y.length];
        for (int b = 0; b < batch; b++) {
            int off = b * n;
            double dot = 0;
            for (int i = off; i < off + n; i++) {
                dot += (double) g[i] * y[i];
            }
            for (int i = off; i < off + n; i++) {
                dx[i] = (float) (y[i] * (g[i] - dot));
            }
        }
        return new Tensor(cachedOutput.shape(), dx);
    }

    @Override
    public Softmax copy() {
        return new Softmax(name);
    }
}
