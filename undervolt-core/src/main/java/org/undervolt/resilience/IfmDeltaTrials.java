package org.undervolt.resilience;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;

import org.undervolt.data.ImageDataset;
import org.undervolt.nn.layer.ForwardContext;
import org.undervolt.nn.layer.HookSite;
import org.undervolt.nn.layer.Conv2d;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.train.Evaluator;
import org.undervolt.storage.IntegerFormat;
import org.undervolt.storage.NumberFormat;

/**
 * Trials with errors in stored IFMs (and weights), evaluated as changes to the error-free network's cached codes
 * and outputs ({@link IfmDeltaCache}) instead of in full: per image only the stored values that differ from the
 * error-free ones travel through the convolution stages ({@link ConvDelta}), re-quantised at every stored IFM, where
 * most small changes die out; from the first fully connected layer on, the images whose stored IFM still differs
 * (or every image, where the draw changed a weight there) run in full, and the others keep their error-free
 * prediction.
 *
 * <p>The same draws as the full evaluation ({@link NetworkEvaluator#paired}): the weights of a trial are read as
 * {@link NetworkFaults#readWeights} reads them, and the IFM of each layer in each batch of {@link Evaluator#BATCH}
 * positions is built byte for byte as the full evaluation stores it (the error-free codes with the changes
 * written over them) and injected by {@link NetworkFaults#injectIfm} with the batch's stream, so both modes meet
 * the same flips; the predictions are the full evaluation's bit for bit ({@code IfmDeltaTrialsTest}).
 */
final class IfmDeltaTrials implements PairedTrials {
    /** The name trials evaluated this way are stored with. */
    static final String PROPAGATION = "ifm-delta";
    /**
     * An image's stage runs in full once more than this share of its stored input changed: a changed value costs
     * {@code out · k²} scalar multiply-adds plus the bounds of the outputs it reaches, the full stage {@code in · k²}
     * vectorised multiply-adds per output. Measured on LeNet-5 at BER 2e-3 (weights and IFMs, 3 trials on 10 000
     * MNIST images): 1/16 cost 2.2× the full evaluation's CPU time, 1/64 1.3×.
     */
    static final double DENSE_SHARE = 1.0 / 64;

    private final Sequential model;
    private final NetworkFaults faults;
    private final ImageDataset test;
    private final DoubleFunction<Map<Site, Double>> family;
    private final IfmDeltaPlan plan;
    private final IfmDeltaCache cache;
    private final Map<String, float[]> cleanWeights;

    IfmDeltaTrials(Sequential model, NetworkFaults faults, ImageDataset test, DoubleFunction<Map<Site, Double>> family,
            IfmDeltaPlan plan, IfmDeltaCache cache, Map<String, float[]> cleanWeights) {
        this.model = model;
        this.faults = faults;
        this.test = test;
        this.family = family;
        this.plan = plan;
        this.cache = cache;
        this.cleanWeights = cleanWeights;
    }

    @Override
    public int images() {
        return cache.images;
    }

    @Override
    public boolean cleanCorrect(int i) {
        return cache.correct[i];
    }

    /** IFM errors are drawn per batch of positions, as in the full evaluation. */
    @Override
    public boolean orderDependent() {
        return true;
    }

    @Override
    public String propagation() {
        return PROPAGATION;
    }

    @Override
    public Trial open(double ber, SplittableRandom rng) {
        long drawSeed = rng.nextLong(); // as NetworkFaults#inferenceHooks: weights and IFMs from one seed
        Map<Site, Double> bers = family.apply(ber);
        return new Draw(bers, drawSeed, faults.readWeights(bers, drawSeed));
    }

    /** One draw. */
    private final class Draw implements Trial {
        private final long drawSeed;
        private final double[] ifmBer;
        private final ConvDelta.Weights[] stages;
        private final boolean[] changedFrom; // per layer: whether the draw changed a weight of it or of a later layer
        private final LayerHooks hooks;

        Draw(Map<Site, Double> bers, long drawSeed, Map<String, float[]> read) {
            this.drawSeed = drawSeed;
            List<Layer> layers = model.layers();
            ifmBer = new double[layers.size()];
            for (int l = 0; l < layers.size(); l++) {
                if (plan.ifm(l)) {
                    ifmBer[l] = bers.getOrDefault(faults.ifmSite(l), 0.0);
                }
            }
            hooks = IfmDeltaCache.weightHooks(read);
            List<IfmDeltaPlan.ConvStage> convs = plan.convs();
            stages = new ConvDelta.Weights[convs.size()];
            for (int s = 0; s < convs.size(); s++) {
                IfmDeltaPlan.ConvStage st = convs.get(s);
                Conv2d conv = (Conv2d) layers.get(st.layer());
                stages[s] = new ConvDelta.Weights(st, stored(conv.weight(), cleanWeights), stored(conv.bias(), cleanWeights),
                        stored(conv.weight(), read), stored(conv.bias(), read), cache.largest[st.layer()]);
            }
            changedFrom = new boolean[layers.size() + 1];
            for (int l = layers.size() - 1; l >= 0; l--) {
                boolean changed = false;
                for (Parameter p : layers.get(l).parameters()) {
                    float[] a = cleanWeights.get(p.name());
                    float[] b = read.get(p.name());
                    changed |= a != null && b != null && !Arrays.equals(a, b);
                }
                changedFrom[l] = changed || changedFrom[l + 1];
            }
        }

        private float[] stored(Parameter p, Map<String, float[]> weights) {
            float[] w = weights.get(p.name());
            return w != null ? w : p.data();
        }

        @Override
        public int split() {
            return Evaluator.BATCH; // a batch's IFM errors come from its first position
        }

        @Override
        public Chunk correct(int[] order, int from, int to) {
            return Chunk.inBatches(order, from, to, this::batch);
        }

        /** Positions {@code lo..hi} of {@code order}, the batch {@code lo}; returns the rows with a non-finite output. */
        private int batch(int[] order, int lo, int hi, boolean[] correct, int offset) {
            int n = hi - lo;
            int[] images = Arrays.copyOfRange(order, lo, hi);
            IfmChanges[] changes = new IfmChanges[n];
            IfmChanges[] next = new IfmChanges[n];
            for (int r = 0; r < n; r++) {
                changes[r] = new IfmChanges();
                next[r] = new IfmChanges();
            }
            List<IfmDeltaPlan.ConvStage> convs = plan.convs();
            for (int s = 0; s < convs.size(); s++) {
                IfmDeltaPlan.ConvStage st = convs.get(s);
                store(st.layer(), images, changes, lo);
                ConvDelta.Scratch sc = new ConvDelta.Scratch(st);
                IntegerFormat f = (IntegerFormat) faults.staticIfmFormat(st.next());
                int[] dense = new int[n];
                int m = 0;
                for (int r = 0; r < n; r++) {
                    if (changes[r].count() > DENSE_SHARE * st.inputSize()) {
                        dense[m++] = r;
                    } else if (changes[r].count() > 0 || stages[s].any) {
                        ConvDelta.propagate(st, stages[s], cache, s, images[r], changes[r], f, next[r], sc);
                    } else {
                        next[r].clear();
                    }
                }
                sc.flush();
                if (m > 0) {
                    inFull(st, Arrays.copyOf(dense, m), images, changes, next, lo);
                }
                IfmChanges[] t = changes;
                changes = next;
                next = t;
            }
            return tail(images, changes, lo, correct, offset);
        }

        /**
         * Stage {@code st} of the rows {@code rows} in full, as the full evaluation runs it (the layers' own
         * kernels on the stored input read back), to the changed codes of the next stored IFM.
         */
        private void inFull(IfmDeltaPlan.ConvStage st, int[] rows, int[] images, IfmChanges[] changes, IfmChanges[] next,
                long lo) {
            int size = st.inputSize();
            int l = st.layer();
            byte[] stored = new byte[size];
            float[] x = new float[rows.length * size];
            for (int q = 0; q < rows.length; q++) {
                int r = rows[q];
                System.arraycopy(cache.codes[l], images[r] * size, stored, 0, size);
                changes[r].patch(stored, 0);
                for (int i = 0; i < size; i++) {
                    x[q * size + i] = cache.table[l][stored[i] & 0xFF];
                }
            }
            Tensor act = new Tensor(new int[] {rows.length, st.in(), st.h(), st.w()}, x);
            ForwardContext ctx = new ForwardContext(false, 0L, lo, hooks);
            for (int k = l; k < st.next(); k++) {
                Layer layer = model.layers().get(k);
                act = layer.forward(act, ctx, ctx.site(k, layer));
            }
            int out = st.nextSize();
            byte[] codes = faults.staticIfmFormat(st.next()).encode(act.data());
            for (int q = 0; q < rows.length; q++) {
                next[rows[q]].diff(codes, q * out, cache.codes[st.next()], images[rows[q]] * out, out);
            }
        }

        /**
         * The stored IFM of layer {@code l} in batch {@code lo}: where the layer's BER is above 0, the batch's codes
         * (error-free, with {@code changes} written over them) are injected as the full evaluation injects them, and
         * {@code changes} become the codes that then differ from the error-free ones.
         */
        private void store(int l, int[] images, IfmChanges[] changes, long lo) {
            if (ifmBer[l] <= 0) {
                return;
            }
            int size = cache.sizes[l];
            byte[] clean = cache.codes[l];
            byte[] stored = new byte[images.length * size];
            for (int r = 0; r < images.length; r++) {
                System.arraycopy(clean, images[r] * size, stored, r * size, size);
                changes[r].patch(stored, r * size);
            }
            faults.injectIfm(faults.ifmSite(l), stored, ifmBer[l], drawSeed, lo);
            for (int r = 0; r < images.length; r++) {
                changes[r].diff(stored, r * size, clean, images[r] * size, size);
            }
        }

        /**
         * From the first fully connected layer on: the rows whose stored IFM differs from the error-free one (or
         * every row from the first layer whose weights the draw changed) run in full; the others keep their
         * error-free prediction.
         */
        private int tail(int[] images, IfmChanges[] changes, long lo, boolean[] correct, int offset) {
            int n = images.length;
            List<Layer> layers = model.layers();
            ForwardContext ctx = new ForwardContext(false, 0L, lo, hooks);
            int[] rows = new int[0];     // rows running in full, ascending
            Tensor act = null;          // their activations
            for (int l = plan.tail(); l < layers.size(); l++) {
                Layer layer = layers.get(l);
                HookSite site = ctx.site(l, layer);
                if (plan.ifm(l)) {
                    int size = cache.sizes[l];
                    byte[] clean = cache.codes[l];
                    byte[] stored = new byte[n * size];
                    for (int r = 0; r < n; r++) {
                        System.arraycopy(clean, images[r] * size, stored, r * size, size);
                    }
                    if (l == plan.tail()) {
                        for (int r = 0; r < n; r++) {
                            changes[r].patch(stored, r * size);
                        }
                    } else if (rows.length > 0) {
                        NumberFormat f = faults.staticIfmFormat(l);
                        float[] a = act.data();
                        for (int q = 0; q < rows.length; q++) {
                            f.encode(Arrays.copyOfRange(a, q * size, (q + 1) * size), stored, rows[q] * size);
                        }
                    }
                    if (ifmBer[l] > 0) {
                        faults.injectIfm(faults.ifmSite(l), stored, ifmBer[l], drawSeed, lo);
                    }
                    int[] now = new int[n];
                    int m = 0;
                    for (int r = 0; r < n; r++) {
                        if (changedFrom[l] || Arrays.mismatch(stored, r * size, (r + 1) * size, clean, images[r] * size,
                                (images[r] + 1) * size) >= 0) {
                            now[m++] = r;
                        }
                    }
                    rows = Arrays.copyOf(now, m);
                    float[] x = new float[m * size];
                    float[] table = cache.table[l];
                    for (int q = 0; q < m; q++) {
                        int at = rows[q] * size;
                        for (int i = 0; i < size; i++) {
                            x[q * size + i] = table[stored[at + i] & 0xFF];
                        }
                    }
                    act = m > 0 ? new Tensor(new int[] {m, size}, x) : null;
                }
                if (rows.length > 0) {
                    act = layer.forward(act, ctx, site);
                }
            }
            int bad = 0;
            boolean[] full = new boolean[n];
            for (int r : rows) {
                full[r] = true;
            }
            for (int r = 0; r < n; r++) {
                if (!full[r]) {
                    correct[offset + r] = cache.correct[images[r]];
                    bad += cache.nonfinite[images[r]] ? 1 : 0;
                }
            }
            if (rows.length > 0) {
                int[] labels = new int[rows.length];
                boolean[] c = new boolean[rows.length];
                for (int q = 0; q < rows.length; q++) {
                    labels[q] = test.label(images[rows[q]]);
                }
                bad += Logits.mark(act, labels, c, null, 0);
                for (int q = 0; q < rows.length; q++) {
                    correct[offset + rows[q]] = c[q];
                }
            }
            return bad;
        }
    }
}
