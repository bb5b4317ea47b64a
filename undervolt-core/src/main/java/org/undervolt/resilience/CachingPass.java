package org.undervolt.resilience;

import java.util.Arrays;
import java.util.List;

import org.undervolt.data.ImageDataset;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.layer.ForwardContext;
import org.undervolt.nn.layer.HookSite;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.train.Batches;
import org.undervolt.nn.train.Evaluator;

/**
 * One pass of a network over every test image, in the evaluator's own batches ({@link Evaluator#BATCH}, in parallel),
 * in which each layer's step may keep what a cache needs ({@link CleanActivations}, {@link IfmDeltaCache}); marks
 * which images the final logits classify correctly and which are not finite.
 */
final class CachingPass {
    private CachingPass() {
    }

    /** What one layer does to the batch of images {@code from..}: it returns the layer's output, kept as it likes. */
    interface LayerStep {
        Tensor apply(int l, Layer layer, ForwardContext ctx, HookSite site, Tensor h, int from);
    }

    /** Per image: whether the logits classify it correctly, and whether they are not all finite. */
    record Marks(boolean[] correct, boolean[] nonfinite) {
    }

    /** Runs {@code model} under {@code hooks} over {@code test}, each layer by {@code step}. */
    static Marks run(Sequential model, ImageDataset test, LayerHooks hooks, LayerStep step) {
        int n = test.size();
        List<Layer> layers = model.layers();
        boolean[] correct = new boolean[n];
        boolean[] nonfinite = new boolean[n];
        int batch = Evaluator.BATCH;
        Parallel.forEach((n + batch - 1) / batch, b -> {
            int from = b * batch;
            int to = Math.min(n, from + batch);
            ForwardContext ctx = new ForwardContext(false, 0L, from, hooks);
            Tensor h = Batches.images(test, from, to, model.inputShape());
            for (int l = 0; l < layers.size(); l++) {
                Layer layer = layers.get(l);
                h = step.apply(l, layer, ctx, ctx.site(l, layer), h, from);
            }
            int[] labels = new int[to - from];
            Arrays.setAll(labels, r -> test.label(from + r));
            Logits.mark(h, labels, correct, nonfinite, from);
        });
        return new Marks(correct, nonfinite);
    }
}
