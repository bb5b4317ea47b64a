package org.undervolt.resilience;

import java.util.List;

import org.undervolt.data.ImageDataset;
import org.undervolt.nn.layer.Dense;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;

/**
 * The error-free network's activations on every test image, kept where {@link IncrementalTrials} needs them:
 * the input of every layer that reads stored weights, and the output of every {@link Dense} one, per image in
 * data-set order; plus each image's prediction. Built once, in the evaluator's own batches.
 */
final class CleanActivations {
    /** Floats all caches may hold together (1 GiB); a network beyond it is evaluated in full. */
    static final long BUDGET_FLOATS = 1L << 28;

    final int images;
    final int[][] inputShapes;
    final float[][] inputs;   // per layer: null unless it reads stored weights
    final float[][] outputs;  // per layer: null unless it is a Dense layer reading stored weights
    final boolean[] correct;
    final boolean[] nonfinite;

    private CleanActivations(int images, int[][] inputShapes, float[][] inputs, float[][] outputs, boolean[] correct,
            boolean[] nonfinite) {
        this.images = images;
        this.inputShapes = inputShapes;
        this.inputs = inputs;
        this.outputs = outputs;
        this.correct = correct;
        this.nonfinite = nonfinite;
    }

    /** Per layer: the per-item input shapes of {@code model}. */
    static int[][] inputShapes(Sequential model) {
        List<Layer> layers = model.layers();
        int[][] shapes = new int[layers.size() + 1][];
        shapes[0] = model.inputShape();
        for (int l = 0; l < layers.size(); l++) {
            shapes[l + 1] = layers.get(l).outputShape(shapes[l]);
        }
        return shapes;
    }

    /** Floats the caches of {@code model} over {@code images} images take, for {@code stored} layers. */
    static long floats(Sequential model, boolean[] stored, int images) {
        int[][] shapes = inputShapes(model);
        long per = 0;
        for (int l = 0; l < stored.length; l++) {
            if (stored[l]) {
                per += Tensor.size(shapes[l]) + (model.layers().get(l) instanceof Dense ? Tensor.size(shapes[l + 1]) : 0);
            }
        }
        return per * images;
    }

    /** Runs {@code clean} (the error-free weights) over {@code test}, keeping the activations of {@code stored} layers. */
    static CleanActivations of(Sequential model, ImageDataset test, LayerHooks clean, boolean[] stored) {
        int n = test.size();
        List<Layer> layers = model.layers();
        int[][] shapes = inputShapes(model);
        float[][] in = new float[layers.size()][];
        float[][] out = new float[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            if (stored[l]) {
                in[l] = new float[Math.toIntExact(n * Tensor.size(shapes[l]))];
                if (layers.get(l) instanceof Dense) {
                    out[l] = new float[Math.toIntExact(n * Tensor.size(shapes[l + 1]))];
                }
            }
        }
        CachingPass.Marks marks = CachingPass.run(model, test, clean, (l, layer, ctx, site, h, from) -> {
            h = clean.input(site, h);
            if (in[l] != null) {
                System.arraycopy(h.data(), 0, in[l], from * h.itemSize(), h.size());
            }
            h = clean.output(site, layer.forward(h, ctx, site));
            if (out[l] != null) {
                System.arraycopy(h.data(), 0, out[l], from * h.itemSize(), h.size());
            }
            return h;
        });
        return new CleanActivations(n, shapes, in, out, marks.correct(), marks.nonfinite());
    }

    /** Rows {@code rows} of a per-image cache as a batch of per-item shape {@code shape}. */
    static Tensor gather(float[] cache, int[] shape, int[] rows) {
        int item = Math.toIntExact(Tensor.size(shape));
        float[] x = new float[rows.length * item];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(cache, rows[r] * item, x, r * item, item);
        }
        int[] full = new int[shape.length + 1];
        full[0] = rows.length;
        System.arraycopy(shape, 0, full, 1, shape.length);
        return new Tensor(full, x);
    }
}
