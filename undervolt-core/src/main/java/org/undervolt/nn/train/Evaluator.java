package org.undervolt.nn.train;

import org.undervolt.data.ImageDataset;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.layer.ForwardContext;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;

/**
 * Batched, multi-threaded inference over a whole data set.
 *
 * <p>Batches of {@value #BATCH} images run in parallel (one per worker at a time, each with its
 * own buffers); the model is only read. A prediction is the index of the largest logit (first on
 * ties); a row with a NaN logit counts as wrong, as a corrupted output would in hardware.
 */
public final class Evaluator {
    /** Images per inference batch. */
    public static final int BATCH = 256;

    private Evaluator() {
    }

    /** Fraction of {@code test} classified correctly. */
    public static float accuracy(Sequential model, ImageDataset test) {
        return accuracy(model, test, LayerHooks.NONE);
    }

    /** Fraction of {@code test} classified correctly with {@code hooks} applied (thread-safe hooks). */
    public static float accuracy(Sequential model, ImageDataset test, LayerHooks hooks) {
        int[] pred = predict(model, test, hooks);
        int correct = 0;
        for (int i = 0; i < pred.length; i++) {
            if (pred[i] == test.label(i)) {
                correct++;
            }
        }
        return test.size() == 0 ? 0f : (float) correct / test.size();
    }

    /** Predicted class of every image ({@code -1} where the output holds a NaN). */
    public static int[] predict(Sequential model, ImageDataset data, LayerHooks hooks) {
        return predict(model, data, hooks, BATCH);
    }

    /** Predicted class of every image, in batches of {@code batch} images. */
    public static int[] predict(Sequential model, ImageDataset data, LayerHooks hooks, int batch) {
        if (batch <= 0) {
            throw new IllegalArgumentException("batch must be positive: " + batch);
        }
        int n = data.size();
        int[] pred = new int[n];
        int batches = (n + batch - 1) / batch;
        int[] itemShape = model.inputShape();
        Parallel.forEach(batches, b -> {
            int from = b * batch;
            int to = Math.min(n, from + batch);
            Tensor x = Batches.images(data, from, to, itemShape);
            Tensor logits = model.forward(x, new ForwardContext(false, 0L, from, hooks));
            argmax(logits, pred, from);
        });
        return pred;
    }

    static void argmax(Tensor logits, int[] out, int offset) {
        int rows = logits.dim(0);
        int classes = logits.itemSize();
        float[] z = logits.data();
        for (int r = 0; r < rows; r++) {
            int best = 0;
            float max = z[r * classes];
            boolean nan = Float.isNaN(max);
            for (int c = 1; c < classes; c++) {
                float v = z[r * classes + c];
                if (Float.isNaN(v)) {
                    nan = true;
                } else if (v > max) {
                    max = v;
                    best = c;
                }
            }
            out[offset + r] = nan ? -1 : best;
        }
    }
}
