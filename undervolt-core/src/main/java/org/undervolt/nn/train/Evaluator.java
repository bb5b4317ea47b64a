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
 * ties); a row with a NaN logit counts as wrong, as a corrupted output would in hardware. Rows with
 * any non-finite logit (NaN or an infinity, typically from an exponent bit flip in a stored weight)
 * are counted by {@link #evaluate}, so results can say how often it happened.
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
        return evaluate(model, test, hooks).accuracy();
    }

    /** Correct and non-finite counts over {@code test} with {@code hooks} applied (thread-safe hooks). */
    public static Evaluation evaluate(Sequential model, ImageDataset test, LayerHooks hooks) {
        int n = test.size();
        int[] pred = new int[n];
        boolean[] nonfinite = new boolean[n];
        run(model, test, hooks, BATCH, pred, nonfinite);
        int correct = 0;
        int bad = 0;
        for (int i = 0; i < n; i++) {
            if (pred[i] == test.label(i)) {
                correct++;
            }
            if (nonfinite[i]) {
                bad++;
            }
        }
        return new Evaluation(n, correct, bad);
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
        int[] pred = new int[data.size()];
        run(model, data, hooks, batch, pred, new boolean[data.size()]);
        return pred;
    }

    private static void run(Sequential model, ImageDataset data, LayerHooks hooks, int batch, int[] pred,
            boolean[] nonfinite) {
        int n = data.size();
        int batches = (n + batch - 1) / batch;
        int[] itemShape = model.inputShape();
        Parallel.forEach(batches, b -> {
            int from = b * batch;
            int to = Math.min(n, from + batch);
            Tensor x = Batches.images(data, from, to, itemShape);
            Tensor logits = model.forward(x, new ForwardContext(false, 0L, from, hooks));
            argmax(logits, pred, nonfinite, from);
        });
    }

    /** Writes each row's prediction to {@code out} and whether it held a non-finite logit to {@code nonfinite}. */
    static void argmax(Tensor logits, int[] out, boolean[] nonfinite, int offset) {
        int rows = logits.dim(0);
        int classes = logits.itemSize();
        float[] z = logits.data();
        for (int r = 0; r < rows; r++) {
            int best = 0;
            float max = z[r * classes];
            boolean nan = Float.isNaN(max);
            boolean finite = Float.isFinite(max);
            for (int c = 1; c < classes; c++) {
                float v = z[r * classes + c];
                finite &= Float.isFinite(v);
                if (Float.isNaN(v)) {
                    nan = true;
                } else if (v > max) {
                    max = v;
                    best = c;
                }
            }
            out[offset + r] = nan ? -1 : best;
            nonfinite[offset + r] = !finite;
        }
    }
}
