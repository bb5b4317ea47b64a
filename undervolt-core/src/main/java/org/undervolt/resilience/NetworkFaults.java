package org.undervolt.resilience;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.undervolt.dram.error.MemoryRegion;
import org.undervolt.fault.Injector;
import org.undervolt.nn.layer.HookSite;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.random.Seeds;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.IntegerSpec;
import org.undervolt.storage.NumberFormat;
import org.undervolt.storage.Placement;
import org.undervolt.storage.SequentialPlacement;

/**
 * Bit errors in the stored data of one network: weights encoded into a {@link DramImage}, errors
 * injected into its bytes, decoded back; IFMs encoded in their format at the IFM buffer's DRAM
 * location, errors injected, decoded; then, if enabled, EDEN's value correction.
 *
 * <p>Randomness: the weights of a draw come from {@code (drawSeed, WEIGHTS, layer)}, the IFM of a
 * layer in a batch from {@code (drawSeed, IFMS, batch, layer)}, so a draw depends only on its
 * identity, never on thread count or call order.
 */
public final class NetworkFaults {
    static final long WEIGHT_STREAM = 0x5745_4947L;
    static final long IFM_STREAM = 0x4946_4D53L;

    private final Sequential model;
    private final StorageSetup setup;
    private final ValueBounds bounds;
    private final Placement weightPlacement;
    private final Placement ifmPlacement;
    private final Map<Integer, Site> ifmSites = new HashMap<>();
    private final Map<String, Site> weightSites = new LinkedHashMap<>();
    private final Map<Integer, NumberFormat> ifmFormats = new HashMap<>();

    /**
     * @param model  the clean network (read live: a training step sees its current weights)
     * @param setup  what is stored where
     * @param bounds profiled IFM ranges: they set the IFM formats' scales (static quantisation) and,
     *               when {@code setup.bounding()}, the value correction; required for that
     */
    public NetworkFaults(Sequential model, StorageSetup setup, ValueBounds bounds) {
        this.model = model;
        this.setup = setup;
        this.bounds = bounds;
        long weightBytes = 0;
        for (Site s : setup.sites()) {
            if (s.kind() == DataKind.WEIGHTS) {
                weightSites.put(s.weight(), s);
                Parameter p = model.parameter(s.weight());
                weightBytes += setup.weightFormat().fit(p.data(), p.shape()).byteLength(p.size());
            } else {
                ifmSites.put(s.layer(), s);
                if (setup.bounding() && bounds == null) {
                    throw new IllegalArgumentException("value correction of IFMs needs profiled bounds");
                }
                boolean perChannel = setup.ifmFormat() instanceof IntegerSpec is && is.perChannel();
                if (bounds != null && !perChannel) {
                    ValueBounds.Range r = bounds.ifm(s.layer());
                    ifmFormats.put(s.layer(), setup.ifmFormat().fit(new float[] {r.lo(), r.hi()}, new int[] {2}));
                }
            }
        }
        long row = setup.geometry().rowBytes();
        this.weightPlacement = new SequentialPlacement(setup.geometry());
        this.ifmPlacement = new SequentialPlacement(setup.geometry(), (weightBytes + row - 1) / row * row);
    }

    public StorageSetup setup() {
        return setup;
    }

    public ValueBounds bounds() {
        return bounds;
    }

    /**
     * The stored weights as the compute engine reads them in one draw: quantised, with errors at each
     * weight site's BER, bounded if enabled. Keyed by parameter name.
     */
    public Map<String, float[]> readWeights(Map<Site, Double> bers, long drawSeed) {
        Map<String, float[]> out = new LinkedHashMap<>();
        if (weightSites.isEmpty()) {
            return out;
        }
        DramImage.Builder b = DramImage.builder(weightPlacement);
        for (Site s : weightSites.values()) {
            Parameter p = model.parameter(s.weight());
            b.add(s.weight(), p.shape(), p.data(), setup.weightFormat());
        }
        DramImage image = b.build();
        for (Site s : weightSites.values()) {
            double ber = bers.getOrDefault(s, 0.0);
            if (ber > 0) {
                Injector.inject(image, s.weight(), setup.errorModel().apply(ber),
                        Seeds.stream(drawSeed, WEIGHT_STREAM, s.layer()));
            }
            float[] w = image.decode(s.weight());
            if (setup.bounding()) {
                ValueBounds.apply(w, ValueBounds.weightBounds(model.parameter(s.weight()).data()));
            }
            out.put(s.weight(), w);
        }
        return out;
    }

    /**
     * The format an IFM is stored in: fitted once to the profiled range of the layer (static
     * quantisation, as an accelerator calibrates it; values beyond the range saturate), or, for
     * per-channel recipes and when no range was profiled, fitted to each batch's values.
     */
    private NumberFormat ifmFormat(Site site, float[] x, int[] shape) {
        NumberFormat f = ifmFormats.get(site.layer());
        return f != null ? f : setup.ifmFormat().fit(x, shape);
    }

    /** The IFM of layer {@code site.layer()} as read back from DRAM in batch {@code batch} of a draw. */
    Tensor readIfm(Site site, Tensor ifm, double ber, long drawSeed, long batch) {
        float[] x = ifm.data();
        int[] shape = ifm.shape();
        NumberFormat f = ifmFormat(site, x, shape);
        float[] y;
        if (ber > 0) {
            byte[] stored = f.encode(x);
            injectIfm(site, stored, ber, drawSeed, batch);
            y = f.decode(stored, 0, x.length);
        } else {
            y = f.decode(f.encode(x), 0, x.length);
        }
        if (setup.bounding()) {
            ValueBounds.apply(y, bounds.ifm(site.layer()));
        }
        return new Tensor(shape, y);
    }

    /**
     * Injects the errors of one draw into the stored bytes of layer {@code site.layer()}'s IFM in batch
     * {@code batch}: {@code stored} holds the IFM of every image of the batch, in row order, at the start of the IFM
     * buffer. The one IFM injection: {@link #readIfm} and {@link IfmDeltaTrials} (which builds the same bytes from
     * cached codes) both call it, so both meet the same flips.
     */
    void injectIfm(Site site, byte[] stored, double ber, long drawSeed, long batch) {
        int size = stored.length;
        if (size > 0) {
            ifmPlacement.locate(size - 1); // throws if the buffer does not fit in the DRAM
        }
        MemoryRegion region = new MemoryRegion(stored, 0, size, () -> Injector.spans(ifmPlacement, 0, size));
        setup.errorModel().apply(ber).inject(region, Seeds.stream(drawSeed, IFM_STREAM, batch, site.layer()));
    }

    /** The IFM site of layer {@code layer}, or null when its IFM is not stored. */
    Site ifmSite(int layer) {
        return ifmSites.get(layer);
    }

    /**
     * The format layer {@code layer}'s IFM is stored in when it is fitted once to the profiled range (static), or
     * null when it is fitted to each batch (then an image's stored IFM depends on the other images of its batch).
     */
    NumberFormat staticIfmFormat(int layer) {
        return ifmFormats.get(layer);
    }

    /**
     * Hooks for inference with one draw: the given weights (from {@link #readWeights}) and fresh IFM
     * errors per batch. Thread-safe.
     */
    public LayerHooks inferenceHooks(Map<Site, Double> bers, long drawSeed) {
        Map<String, float[]> weights = readWeights(bers, drawSeed);
        return new Hooks(bers, drawSeed, weights);
    }

    /**
     * Hooks for training: the weights are read again (re-encoded from the clean values, with fresh
     * errors) at every batch, from {@code (drawSeed, batch)}; gradients go to the clean weights.
     * One batch at a time (the trainer is sequential).
     */
    public LayerHooks trainingHooks(Map<Site, Double> bers, long drawSeed) {
        return new Hooks(bers, drawSeed, null);
    }

    private final class Hooks implements LayerHooks {
        private final Map<Site, Double> bers;
        private final long drawSeed;
        private final Map<String, float[]> fixed;
        private long cachedBatch = Long.MIN_VALUE;
        private Map<String, float[]> cached;

        Hooks(Map<Site, Double> bers, long drawSeed, Map<String, float[]> fixed) {
            this.bers = Map.copyOf(bers);
            this.drawSeed = drawSeed;
            this.fixed = fixed;
        }

        @Override
        public float[] weights(HookSite site, Parameter p) {
            if (!weightSites.containsKey(p.name())) {
                return p.data();
            }
            if (fixed != null) {
                return fixed.get(p.name());
            }
            synchronized (this) {
                if (cached == null || cachedBatch != site.batch()) {
                    cached = readWeights(bers, Seeds.derive(drawSeed, site.batch()));
                    cachedBatch = site.batch();
                }
                return cached.get(p.name());
            }
        }

        @Override
        public Tensor input(HookSite site, Tensor ifm) {
            Site s = ifmSites.get(site.layerIndex());
            if (s == null) {
                return ifm;
            }
            return readIfm(s, ifm, bers.getOrDefault(s, 0.0), drawSeed, site.batch());
        }
    }
}
