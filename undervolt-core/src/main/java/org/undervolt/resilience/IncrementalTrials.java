package org.undervolt.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;

import org.undervolt.data.ImageDataset;
import org.undervolt.nn.layer.Dense;
import org.undervolt.nn.layer.ForwardContext;
import org.undervolt.nn.layer.HookSite;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.train.Evaluator;

/**
 * Trials with errors in stored weights only, evaluated incrementally from the error-free network's cached
 * activations ({@link CleanActivations}): nothing before the first layer whose weights a draw changed is
 * computed; in a {@link Dense} layer with few changed weights an image's output is its clean output plus
 * {@code (w' - w) x} of each changed weight (exact up to the order of float summation); images whose output
 * that leaves bit-identical keep their clean prediction, and only the others run on through the layers
 * after it. A changed layer of another kind, or a Dense one with many changes, is recomputed for the images
 * still clean from its cached input. Every trial draws its weights exactly as {@link NetworkFaults} does.
 *
 * <p>It pays where errors are sparse: low BER, and errors in late or fully connected layers; at high BER the
 * first layer changes in every draw and the work equals a full evaluation.
 */
final class IncrementalTrials implements PairedTrials {
    /**
     * A Dense layer is updated incrementally while at most this share of its weights changed: the update is a
     * scalar loop per changed weight and image, the full layer a vectorised GEMM (16 float lanes with
     * AVX-512), so beyond about 1/64 of the weights recomputing is cheaper ({@code bench tolerance}).
     */
    static final double DENSE_SHARE = 1.0 / 64;

    private final Sequential model;
    private final NetworkFaults faults;
    private final ImageDataset test;
    private final DoubleFunction<Map<Site, Double>> family;
    private final CleanActivations clean;
    private final Map<String, float[]> cleanWeights;

    IncrementalTrials(Sequential model, NetworkFaults faults, ImageDataset test, DoubleFunction<Map<Site, Double>> family,
            CleanActivations clean, Map<String, float[]> cleanWeights) {
        this.model = model;
        this.faults = faults;
        this.test = test;
        this.family = family;
        this.clean = clean;
        this.cleanWeights = cleanWeights;
    }

    /** Per layer: whether it reads a stored weight tensor. */
    static boolean[] storedLayers(Sequential model, Map<String, float[]> weights) {
        List<Layer> layers = model.layers();
        boolean[] stored = new boolean[layers.size()];
        for (int l = 0; l < stored.length; l++) {
            for (Parameter p : layers.get(l).parameters()) {
                stored[l] |= weights.containsKey(p.name());
            }
        }
        return stored;
    }

    @Override
    public int images() {
        return clean.images;
    }

    @Override
    public boolean cleanCorrect(int i) {
        return clean.correct[i];
    }

    @Override
    public String propagation() {
        return "weight-delta";
    }

    @Override
    public Trial open(double ber, SplittableRandom rng) {
        Map<String, float[]> read = faults.readWeights(family.apply(ber), rng.nextLong());
        return new Draw(read);
    }

    /** One draw: which layers changed, and how. */
    private final class Draw implements Trial {
        private final LayerHooks hooks;
        private final boolean[] changed;
        private final int[][] denseChanges; // per Dense layer updated incrementally: flat weight indices
        private final float[][] denseDeltas;
        private final int first;

        Draw(Map<String, float[]> read) {
            this.hooks = new LayerHooks() {
                @Override
                public float[] weights(HookSite site, Parameter p) {
                    float[] w = read.get(p.name());
                    return w != null ? w : p.data();
                }
            };
            List<Layer> layers = model.layers();
            changed = new boolean[layers.size()];
            denseChanges = new int[layers.size()][];
            denseDeltas = new float[layers.size()][];
            int f = layers.size();
            for (int l = 0; l < layers.size(); l++) {
                Layer layer = layers.get(l);
                List<Integer> idx = new ArrayList<>();
                for (Parameter p : layer.parameters()) {
                    float[] a = cleanWeights.get(p.name());
                    if (a == null) {
                        continue;
                    }
                    float[] b = read.get(p.name());
                    for (int i = 0; i < a.length; i++) {
                        if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                            changed[l] = true;
                            if (layer instanceof Dense d && p == d.weight()) {
                                idx.add(i);
                            }
                        }
                    }
                }
                if (changed[l]) {
                    f = Math.min(f, l);
                    if (layer instanceof Dense d && clean.outputs[l] != null
                            && idx.size() <= DENSE_SHARE * d.inputs() * d.outputs()) {
                        float[] a = cleanWeights.get(d.weight().name());
                        float[] b = read.get(d.weight().name());
                        denseChanges[l] = idx.stream().mapToInt(Integer::intValue).toArray();
                        denseDeltas[l] = new float[idx.size()];
                        for (int k = 0; k < idx.size(); k++) {
                            denseDeltas[l][k] = b[idx.get(k)] - a[idx.get(k)];
                        }
                    }
                }
            }
            first = f;
        }

        @Override
        public int split() {
            return Evaluator.BATCH;
        }

        @Override
        public Chunk correct(int[] order, int from, int to) {
            return Chunk.inBatches(order, from, to, this::batch);
        }

        /** Evaluates positions {@code lo..hi} of {@code order}; returns the rows with a non-finite output. */
        private int batch(int[] order, int lo, int hi, boolean[] correct, int offset) {
            int n = hi - lo;
            int bad = 0;
            List<Integer> stillClean = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                stillClean.add(r);
            }
            List<Integer> dirty = new ArrayList<>();
            Tensor act = null;
            List<Layer> layers = model.layers();
            ForwardContext ctx = new ForwardContext(false, 0L, lo, hooks);
            for (int l = first; l < layers.size(); l++) {
                Layer layer = layers.get(l);
                HookSite site = ctx.site(l, layer);
                if (act != null) {
                    act = layer.forward(act, ctx, site);
                }
                if (!changed[l] || stillClean.isEmpty()) {
                    continue;
                }
                int[] images = images(order, lo, stillClean);
                Tensor x = CleanActivations.gather(clean.inputs[l], clean.inputShapes[l], images);
                Tensor y;
                List<Integer> moved = new ArrayList<>();
                if (denseChanges[l] != null) {
                    y = CleanActivations.gather(clean.outputs[l], clean.inputShapes[l + 1], images);
                    boolean[] differs = applyDeltas((Dense) layer, l, x, y);
                    List<Integer> keep = new ArrayList<>();
                    List<Integer> rows = new ArrayList<>();
                    for (int k = 0; k < images.length; k++) {
                        (differs[k] ? moved : keep).add(stillClean.get(k));
                        if (differs[k]) {
                            rows.add(k);
                        }
                    }
                    y = rows.isEmpty() ? null : select(y, rows);
                    stillClean = keep;
                } else {
                    y = layer.forward(x, ctx, site);
                    moved.addAll(stillClean);
                    stillClean = new ArrayList<>();
                }
                if (y != null) {
                    act = act == null ? y : concat(act, y);
                    dirty.addAll(moved);
                }
            }
            for (int r : stillClean) {
                int image = order[lo + r];
                correct[offset + r] = clean.correct[image];
                bad += clean.nonfinite[image] ? 1 : 0;
            }
            if (!dirty.isEmpty()) {
                int[] labels = new int[dirty.size()];
                boolean[] c = new boolean[dirty.size()];
                for (int k = 0; k < labels.length; k++) {
                    labels[k] = test.label(order[lo + dirty.get(k)]);
                }
                bad += Logits.mark(act, labels, c, null, 0);
                for (int k = 0; k < labels.length; k++) {
                    correct[offset + dirty.get(k)] = c[k];
                }
            }
            return bad;
        }

        /** Adds each changed weight's effect to {@code y}; returns the rows it changed. */
        private boolean[] applyDeltas(Dense d, int l, Tensor x, Tensor y) {
            int in = d.inputs();
            int out = d.outputs();
            int rows = x.dim(0);
            float[] xs = x.data();
            float[] ys = y.data();
            boolean[] differs = new boolean[rows];
            int[] idx = denseChanges[l];
            float[] delta = denseDeltas[l];
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < idx.length; k++) {
                    int o = idx[k] / in;
                    int i = idx[k] % in;
                    float before = ys[r * out + o];
                    float after = before + delta[k] * xs[r * in + i];
                    if (Float.floatToRawIntBits(before) != Float.floatToRawIntBits(after)) {
                        ys[r * out + o] = after;
                        differs[r] = true;
                    }
                }
            }
            return differs;
        }
    }

    private static int[] images(int[] order, int lo, List<Integer> rows) {
        int[] images = new int[rows.size()];
        for (int k = 0; k < images.length; k++) {
            images[k] = order[lo + rows.get(k)];
        }
        return images;
    }

    private static Tensor select(Tensor t, List<Integer> rows) {
        int item = t.itemSize();
        float[] out = new float[rows.size() * item];
        for (int k = 0; k < rows.size(); k++) {
            System.arraycopy(t.data(), rows.get(k) * item, out, k * item, item);
        }
        int[] shape = t.shape();
        shape[0] = rows.size();
        return new Tensor(shape, out);
    }

    private static Tensor concat(Tensor a, Tensor b) {
        float[] out = new float[a.size() + b.size()];
        System.arraycopy(a.data(), 0, out, 0, a.size());
        System.arraycopy(b.data(), 0, out, a.size(), b.size());
        int[] shape = a.shape();
        shape[0] = a.dim(0) + b.dim(0);
        return new Tensor(shape, out);
    }
}
