package org.undervolt.resilience;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.data.ImageDataset;
import org.undervolt.nn.layer.HookSite;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.layer.Relu;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.train.Evaluator;

/**
 * Caps every top-level ReLU of a network at a percentile of its own outputs, error-free, on a few training
 * images: the activation bound curricular retraining trains the network to live with.
 *
 * <p>Why: an IFM is stored in its format over the range profiled on the network ({@link ValueBounds}), and
 * that range is the largest activation ever seen. The MLP of the {@code mlp-int8} preset has an RMS of 0.66
 * on the input of its second layer and a maximum of 7.8 over 2,000 images (most units are 0 after the ReLU):
 * a flipped bit 6 of an INT8 value adds half the maximum, six times the RMS, to a unit that was usually 0.
 * Retraining alone did not shrink that ratio (10.4 after retraining), and the fine-grained search shows
 * these IFMs as the sites that limit the network (their tolerable BERs 8e-3 and 1.2e-2 against 0.06–0.1 for
 * every weight tensor). With the ReLU capped, the profiled range is the cap, and the network learns to work
 * with saturated activations while the BER rises (as PACT and ReLU6 bound activations for quantisation;
 * EDEN does not say how it treats activation ranges).
 *
 * <p>The percentile is taken over all output values of the layer (zeros included), from a histogram of
 * {@value #BINS} bins over {@code [0, max]}: the cap is the upper edge of the bin where the cumulative count
 * reaches the percentile, so it is at least the exact percentile and at most one bin above. Counts are
 * sums, so the caps do not depend on the thread count. A layer whose percentile is 0 (more than that share
 * of zeros) keeps its plain ReLU.
 */
public final class ReluCaps {
    static final int BINS = 1 << 16;

    private ReluCaps() {
    }

    /**
     * The cap of each top-level ReLU (by layer name), the {@code percentile} of its outputs over the first
     * {@code images} images of {@code data}; layers whose percentile is 0 are left out.
     */
    public static Map<String, Float> profile(Sequential model, ImageDataset data, int images, double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("ReLU cap percentile must be in (0, 100], got " + percentile);
        }
        List<Integer> relus = new ArrayList<>();
        for (int i = 0; i < model.layers().size(); i++) {
            if (model.layers().get(i) instanceof Relu) {
                relus.add(i);
            }
        }
        Map<String, Float> caps = new LinkedHashMap<>();
        if (relus.isEmpty()) {
            return caps;
        }
        ImageDataset slice = data.slice(0, Math.min(images, data.size()));
        ValueBounds inputs = ValueBounds.profile(model, slice, slice.size(), relus);
        int n = model.layers().size();
        float[] hi = new float[n];
        long[][] counts = new long[n][];
        for (int l : relus) {
            hi[l] = Math.max(0f, inputs.ifm(l).hi());
            counts[l] = new long[BINS];
        }
        Evaluator.predict(model, slice, new LayerHooks() {
            @Override
            public Tensor input(HookSite site, Tensor x) {
                long[] c = counts[site.layerIndex()];
                if (c != null) {
                    float top = hi[site.layerIndex()];
                    long[] local = new long[BINS];
                    for (float v : x.data()) {
                        local[bin(v, top)]++;
                    }
                    synchronized (c) {
                        for (int b = 0; b < BINS; b++) {
                            c[b] += local[b];
                        }
                    }
                }
                return x;
            }
        });
        for (int l : relus) {
            long total = 0;
            for (long v : counts[l]) {
                total += v;
            }
            double need = percentile / 100.0 * total;
            long cum = 0;
            int b = 0;
            for (; b < BINS - 1; b++) {
                cum += counts[l][b];
                if (cum >= need) {
                    break;
                }
            }
            float cap = b == 0 ? 0f : (float) ((double) hi[l] * (b + 1) / BINS);
            if (cap > 0 && Float.isFinite(cap)) {
                caps.put(model.layers().get(l).name(), cap);
            }
        }
        return caps;
    }

    /** The bin of ReLU output {@code max(v, 0)} in {@code [0, top]}; bin 0 holds the zeros (and NaN). */
    private static int bin(float v, float top) {
        if (!(v > 0) || !(top > 0)) {
            return 0;
        }
        int b = (int) ((double) v / top * BINS);
        return Math.max(1, Math.min(BINS - 1, b));
    }

    /** A copy of {@code model} with the named ReLUs capped (the others, and every other layer, as they are). */
    public static Sequential apply(Sequential model, Map<String, Float> caps) {
        Sequential copy = model.copy();
        List<Layer> layers = new ArrayList<>(copy.layers());
        for (int i = 0; i < layers.size(); i++) {
            Float cap = caps.get(layers.get(i).name());
            if (cap != null && layers.get(i) instanceof Relu) {
                layers.set(i, new Relu(layers.get(i).name(), cap));
            }
        }
        return new Sequential(copy.inputShape(), layers);
    }
}
