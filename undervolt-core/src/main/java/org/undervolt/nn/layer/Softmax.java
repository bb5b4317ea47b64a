package org.undervolt.nn.layer;

import org.undervolt.nn.tensor.Tensor;

/**
 * Softmax over each item's values, {@code y_i = exp(x_i − max) / Σ exp(x_j − max)}, for networks
 * whose output is a probability vector (e.g. imported ONNX models ending in Softmax). Training
 * with {@code SoftmaxCrossEntropy} expects logits, so zoo models do not use this layer.
 */
public final class Softmax extends OutputCachingLayer {

    public Softmax(String name) {
        super(name, "softmax");
    }

    @Override
    void apply(Tensor x, float[] y) {
        int batch = x.dim(0);
        int n = x.itemSize();
        float[] in = x.data();
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
    }

    @Override
    void applyBackward(Tensor output, float[] g, float[] dx) {
        float[] y = output.data();
        int batch = output.dim(0);
        int n = output.itemSize();
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
    }

    @Override
    public Softmax copy() {
        return new Softmax(name());
    }
}
