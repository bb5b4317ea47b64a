package org.undervolt.resilience;

import java.util.concurrent.atomic.AtomicInteger;

import org.undervolt.data.ImageDataset;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.layer.ForwardContext;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.train.Batches;
import org.undervolt.nn.train.Evaluator;

/**
 * Inference on the images {@code order[from..to)} of a data set, in batches of {@link Evaluator#BATCH}
 * positions run in parallel; a batch's identity ({@link org.undervolt.nn.layer.HookSite#batch()}) is its
 * first position, so its IFM errors depend on where it lies in the order, never on the thread count.
 * Correct means: the largest logit (first on ties) is the label and no logit is NaN, as {@link Evaluator}.
 */
final class IndexedInference {
    private IndexedInference() {
    }

    static PairedTrials.Chunk correct(Sequential model, ImageDataset data, LayerHooks hooks, int[] order, int from,
            int to) {
        int n = to - from;
        boolean[] correct = new boolean[n];
        AtomicInteger nonfinite = new AtomicInteger();
        int batch = Evaluator.BATCH;
        int batches = (n + batch - 1) / batch;
        int[] itemShape = model.inputShape();
        Parallel.forEach(batches, b -> {
            int lo = from + b * batch;
            int hi = Math.min(to, lo + batch);
            Tensor x = Batches.images(data, order, lo, hi, itemShape);
            Tensor logits = model.forward(x, new ForwardContext(false, 0L, lo, hooks));
            nonfinite.addAndGet(Logits.mark(logits, Batches.labels(data, order, lo, hi), correct, null, lo - from));
        });
        return new PairedTrials.Chunk(correct, nonfinite.get());
    }
}
