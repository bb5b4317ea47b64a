package org.undervolt.resilience;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.fault.Injector;
import org.undervolt.random.Seeds;
import org.undervolt.snn.DiehlCook;
import org.undervolt.snn.FloatSynapseStore;
import org.undervolt.snn.ImagePresenter;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnModelFile;
import org.undervolt.snn.SynapticDelays;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.FormatSpec;
import org.undervolt.storage.SequentialPlacement;

/**
 * SparkXD's fault-aware training of a Diehl and Cook network (Putra et al., DAC 2021; docs/PAPERS.md
 * §1.6): STDP training continues while the input weights, as stored in DRAM, take bit errors, with
 * the BER raised step by step.
 *
 * <p>Image {@code g} of the run (0-based, counted from the start of fault-aware training) belongs to
 * step {@code g / imagesPerStep}, whose BER is {@code bers[step]}. Every {@code injectEvery} images the
 * working weights are stored (encoded in the format at their DRAM locations), hit by errors from
 * the model at the step's BER drawn from {@code (seed, INJECT, g)}, read back, and kept in the valid
 * range {@code [0, wmax]} (NaN to 0); STDP then trains on from those weights, which is how the
 * network learns to live with the errors (the errors persist until STDP and normalisation repair
 * them). Spikes of image {@code g} come from {@code (seed, STREAM, g, attempt)}.
 *
 * <p>With a checkpoint file the model (with {@code imagesTrained = base + g}) is written atomically
 * every {@code checkpointEvery} images; a run restarted with the same inputs continues from the last
 * checkpoint and ends bit-identical to an uninterrupted one.
 */
public final class SnnFaultAwareTrainer {
    static final long STREAM = 0x4641_5453L;
    static final long INJECT = 0x4641_5449L;

    /**
     * @param bers          BER of each step, in order
     * @param imagesPerStep training images per step
     * @param injectEvery   images between two error injections
     * @param format        storage format of the weights
     * @param errorModel    error model family by BER
     * @param seed          master seed of the fault-aware run
     */
    public record Config(double[] bers, long imagesPerStep, int injectEvery, FormatSpec format,
            DoubleFunction<ErrorModel> errorModel, long seed) {
        public Config {
            if (bers.length == 0 || imagesPerStep < 1 || injectEvery < 1) {
                throw new InvalidInputException("fault-aware training needs >= 1 BER step, >= 1 image per step and "
                        + "inject-every >= 1");
            }
            for (double b : bers) {
                if (!(b >= 0 && b <= 1)) {
                    throw new InvalidInputException("BER " + b + " is out of range: expected 0 <= BER <= 1");
                }
            }
            bers = bers.clone();
        }

        public long totalImages() {
            return imagesPerStep * bers.length;
        }
    }

    /** The steps {@code start, start·factor, ...} up to {@code max} (inclusive, with a small tolerance). */
    public static double[] steps(double start, double factor, double max) {
        if (!(start > 0 && max >= start && max <= 1 && factor > 1)) {
            throw new InvalidInputException("BER steps need 0 < start <= max <= 1 and factor > 1");
        }
        List<Double> s = new ArrayList<>();
        for (double b = start; b <= max * (1 + 1e-9); b *= factor) {
            s.add(b);
        }
        return s.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Told after every image. */
    @FunctionalInterface
    public interface Listener {
        void imageDone(long g, double ber, long flips);
    }

    private final Config config;

    public SnnFaultAwareTrainer(Config config) {
        this.config = config;
    }

    /**
     * Trains on from {@code base} (not modified) and returns the fault-aware model (no labels).
     *
     * @param checkpoint file for checkpoints (resumed from when it exists and matches), or null
     */
    public SnnModel train(SnnModel base, ImageDataset train, Path checkpoint, long checkpointEvery, Listener listener) {
        if (train.imageSize() != DiehlCook.INPUTS) {
            throw new InvalidInputException("images must have 784 pixels, got " + train.imageSize());
        }
        int n = base.neurons();
        float[] w = new float[DiehlCook.INPUTS * n];
        double[] theta = base.theta().clone();
        long g = 0;
        SnnModel from = base;
        if (checkpoint != null && Files.exists(checkpoint)) {
            SnnModel cp = SnnModelFile.read(checkpoint);
            long done = cp.imagesTrained() - base.imagesTrained();
            if (cp.neurons() != n || cp.seed() != base.seed() || done < 0 || done > config.totalImages()) {
                throw new InvalidInputException(checkpoint + ": checkpoint does not continue this fault-aware run; "
                        + "delete it or use another --out");
            }
            from = cp;
            g = done;
            theta = cp.theta().clone();
        }
        from.weights().readAll(w);
        SynapticDelays delays = base.delays();
        float[] wByDelay = delays.byDelay(w);
        ImagePresenter presenter = new ImagePresenter(delays);
        int[] counts = new int[n];
        SequentialPlacement placement = new SequentialPlacement(DramGeometry.lpddr3x32());
        long total = config.totalImages();
        int size = train.size();
        long flips = 0;
        for (; g < total; g++) {
            double ber = config.bers()[(int) (g / config.imagesPerStep())];
            if (g % config.injectEvery() == 0 && ber > 0) {
                delays.rowMajor(wByDelay, w);
                flips = injectAndClamp(w, n, ber, g, placement);
                delays.byDelay(w, wByDelay);
            }
            int img = (int) (g % size);
            presenter.train(train.pixels(), img * DiehlCook.INPUTS, wByDelay, theta, config.seed(), STREAM, g, counts);
            if (listener != null) {
                listener.imageDone(g + 1, ber, flips);
            }
            if (checkpoint != null && checkpointEvery > 0 && (g + 1) % checkpointEvery == 0 && g + 1 < total) {
                SnnModelFile.write(snapshot(base, delays.rowMajor(wByDelay, w), theta, g + 1), checkpoint);
            }
        }
        delays.rowMajor(wByDelay, w);
        SnnModel out = snapshot(base, w, theta, total);
        if (checkpoint != null) {
            SnnModelFile.write(out, checkpoint);
        }
        return out;
    }

    private long injectAndClamp(float[] w, int n, double ber, long g, SequentialPlacement placement) {
        StoredSynapseStore stored = StoredSynapseStore.of(new FloatSynapseStore(DiehlCook.INPUTS, n, w), config.format(),
                placement);
        DramImage image = stored.image();
        long flips = Injector.inject(image, StoredSynapseStore.TENSOR, config.errorModel().apply(ber),
                Seeds.stream(config.seed(), INJECT, g));
        stored.readAll(w);
        clamp(w);
        return flips;
    }

    /** Keeps weights in the valid range {@code [0, wmax]}; NaN becomes 0. */
    static void clamp(float[] w) {
        float max = (float) DiehlCook.W_MAX;
        for (int i = 0; i < w.length; i++) {
            float v = w[i];
            w[i] = v >= 0 ? Math.min(v, max) : 0f; // NaN fails v >= 0
        }
    }

    private static SnnModel snapshot(SnnModel base, float[] w, double[] theta, long g) {
        return new SnnModel(base.neurons(), base.seed(), new FloatSynapseStore(DiehlCook.INPUTS, base.neurons(), w.clone()),
                theta.clone(), base.delays(), null, base.imagesTrained() + g);
    }
}
