package org.undervolt.nn.train;

import org.undervolt.nn.tensor.Tensor;

/**
 * Softmax followed by cross-entropy against integer labels, averaged over the batch; the loss the
 * classifiers train with. Computed with the log-sum-exp shift for stability; the gradient with
 * respect to the logits is {@code (softmax - onehot) / batch}.
 */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /**
     * Mean loss of the logits {@code [batch, classes]}; writes the gradient into {@code grad}
     * (same shape) when it is not null.
     */
    public static double loss(Tensor logits, int[] labels, Tensor grad) {
        int batch = logits.dim(0);
        int classes = logits.itemSize();
        if (labels.length != batch) {
            throw new IllegalArgumentException(labels.length + " labels for a batch of " + batch);
        }
        float[] z = logits.data();
        float[] g = grad == null ? null : grad.data();
        double total = 0;
        float inv = 1f / batch;
        for (int r = 0; r < batch; r++) {
            int off = r * classes;
            int y = labels[r];
            if (y < 0 || y >= classes) {
                throw new IllegalArgumentException("label " + y + " outside 0.." + (classes - 1));
            }
            float max = rowMax(z, off, classes);
            double sum = expSum(z, off, classes, max);
            double logSum = Math.log(sum);
            total += logSum - (z[off + y] - max);
            if (g != null) {
                for (int c = 0; c < classes; c++) {
                    double p = Math.exp(z[off + c] - max - logSum);
                    g[off + c] = (float) ((p - (c == y ? 1 : 0)) * inv);
                }
            }
        }
        return total / batch;
    }

    /** Softmax probabilities of the logits, row by row. */
    public static Tensor softmax(Tensor logits) {
        int batch = logits.dim(0);
        int classes = logits.itemSize();
        float[] z = logits.data();
        float[] p = new float[z.length];
        for (int r = 0; r < batch; r++) {
            int off = r * classes;
            float max = rowMax(z, off, classes);
            double sum = expSum(z, off, classes, max);
            for (int c = 0; c < classes; c++) {
                p[off + c] = (float) (Math.exp(z[off + c] - max) / sum);
            }
        }
        return new Tensor(logits.shape(), p);
    }

    /** The largest of the {@code classes} logits from {@code off}: the shift that keeps {@code exp} finite. */
    private static float rowMax(float[] z, int off, int classes) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, z[off + c]);
        }
        return max;
    }

    /** The sum of {@code exp(z - max)} over the row, in class order. */
    private static double expSum(float[] z, int off, int classes, float max) {
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp(z[off + c] - max);
        }
        return sum;
    }
}
