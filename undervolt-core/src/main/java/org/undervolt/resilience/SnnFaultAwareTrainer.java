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
import org.undervolt.snn.SnnImages;
import org.undervolt.snn.SnnModelFile;
import org.undervolt.snn.SynapticDelays;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.FormatSpec;
import org.undervolt.storage.Placement;
import org.undervolt.storage.SequentialPlacement;

/**
 * SparkXD's fault-aware training (FAT) of a Diehl and Cook network (Putra et al., DAC 2021; docs/PAPERS.md
 * §1.6), with the errors entering as they do from a device: STDP trains on while the input weights are read
 * through the error model, the BER raised step by step.
 *
 * <p>Two copies of the weights exist. The <em>stored</em> copy is what DRAM holds: it is never hit by errors
 * (a voltage-induced error is a failed read of a cell, not a change of what was written). The <em>read</em>
 * copy is what the compute engine works with: every {@code readEvery} images the stored copy is encoded in the
 * format at its DRAM locations, the error model at the step's BER flips bits of those bytes (drawn from
 * {@code (seed, READ, g / readEvery)}; a model with fixed weak cells, e.g. {@code location}, keeps them fixed
 * by its device seed, only the model's own per-read draws change), the bytes are decoded and corrected on
 * read ({@link ReadCorrection}). The image is shown to the read copy (normalisation and STDP act on the values
 * the network really sees) and the change STDP made is added to the stored copy, kept in [0, wmax]. So the
 * network learns with the errors a device gives while nothing accumulates in the stored weights that the
 * device would not produce; the previous design wrote the corrupted weights back and kept them, and at BER
 * 1e-2 flipped most bits at least once over 10,000 images (issue 18).
 *
 * <p>Image {@code g} of the run (0-based, counted from the start of fault-aware training) belongs to step
 * {@code g / imagesPerStep}, whose BER is {@code bers[step]}; with every BER 0 ({@link Config#control()}) the
 * same run is the control: the same images and spike trains, the same reads through the format, no flips.
 * Spikes of image {@code g} come from {@code (seed, STREAM, g, attempt)}.
 *
 * <p>With a checkpoint file the stored copy (with {@code imagesTrained = base + g}) is written atomically at
 * image counts that are multiples of both {@code checkpointEvery} and {@code readEvery} (a read copy never
 * needs saving); a run restarted with the same inputs continues from the last checkpoint and ends
 * bit-identical to an uninterrupted one.
 */
public final class SnnFaultAwareTrainer {
    static final long STREAM = 0x4641_5453L;
    static final long READ = 0x4641_5449L;

    /**
     * @param bers          BER of each step, in order
     * @param imagesPerStep training images per step
     * @param readEvery     images between two reads of the stored weights (one error draw per read)
     * @param format        storage format of the weights
     * @param errorModel    error model family by BER
     * @param correction    what the compute engine does with a weight read outside [0, wmax]
     * @param seed          master seed of the fault-aware run
     * @param placement     where the weights' bytes live in DRAM when read (the error model's locations)
     */
    public record Config(double[] bers, long imagesPerStep, int readEvery, FormatSpec format,
            DoubleFunction<ErrorModel> errorModel, ReadCorrection correction, long seed, Placement placement) {
        /** The weights from address 0 of the LPDDR3 x32 geometry ({@link SequentialPlacement}). */
        public Config(double[] bers, long imagesPerStep, int readEvery, FormatSpec format,
                DoubleFunction<ErrorModel> errorModel, ReadCorrection correction, long seed) {
            this(bers, imagesPerStep, readEvery, format, errorModel, correction, seed,
                    new SequentialPlacement(DramGeometry.lpddr3x32()));
        }

        public Config {
            if (bers.length == 0 || imagesPerStep < 1 || readEvery < 1) {
                throw new InvalidInputException("fault-aware training needs >= 1 BER step, >= 1 image per step and "
                        + "inject-every (images per read) >= 1");
            }
            for (double b : bers) {
                if (!(b >= 0 && b <= 1)) {
                    throw new InvalidInputException("BER " + b + " is out of range: expected 0 <= BER <= 1");
                }
            }
            bers = bers.clone();
        }

        /** Weights read corrected by clamping ({@link ReadCorrection#CLAMP}). */
        public Config(double[] bers, long imagesPerStep, int readEvery, FormatSpec format,
                DoubleFunction<ErrorModel> errorModel, long seed) {
            this(bers, imagesPerStep, readEvery, format, errorModel, ReadCorrection.CLAMP, seed);
        }

        public long totalImages() {
            return imagesPerStep * bers.length;
        }

        /** The same run without errors: every step at BER 0 (the control FAT is compared with). */
        public Config control() {
            return new Config(new double[bers.length], imagesPerStep, readEvery, format, errorModel, correction, seed,
                    placement);
        }

        /**
         * The same run reading the weights through {@code storage}: its locations, and its errors at each step's
         * axis point (for SparkXD's weak subarrays: the step's BER read as the device's voltage, only the subarrays
         * unsafe there erring).
         */
        public Config on(WeightStorage storage) {
            return new Config(bers, imagesPerStep, readEvery, format, storage::errors, correction, seed,
                    storage.placement());
        }

        @Override
        public double[] bers() {
            return bers.clone();
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
     * Trains on from {@code base} (not modified) and returns the fault-aware model (no labels): its weights
     * are the stored copy.
     *
     * @param checkpoint file for checkpoints (resumed from when it exists and matches), or null
     */
    public SnnModel train(SnnModel base, ImageDataset train, Path checkpoint, long checkpointEvery, Listener listener) {
        SnnImages.require(train);
        int n = base.neurons();
        float[] row = new float[DiehlCook.INPUTS * n];
        double[] theta = base.theta().clone();
        long g = 0;
        SnnModel from = base;
        if (checkpoint != null && Files.exists(checkpoint)) {
            SnnModel cp = SnnModelFile.read(checkpoint);
            long done = cp.imagesTrained() - base.imagesTrained();
            if (cp.neurons() != n || cp.seed() != base.seed() || done < 0 || done > config.totalImages()
                    || (done % config.readEvery() != 0 && done != config.totalImages())) {
                throw new InvalidInputException(checkpoint + ": checkpoint does not continue this fault-aware run; "
                        + "delete it or use another --out");
            }
            from = cp;
            g = done;
            theta = cp.theta().clone();
        }
        from.weights().readAll(row);
        SynapticDelays delays = base.delays();
        float[] stored = delays.byDelay(row);
        float[] read = new float[stored.length];
        float[] before = new float[stored.length];
        ImagePresenter presenter = new ImagePresenter(delays);
        int[] counts = new int[n];
        Placement placement = config.placement();
        long total = config.totalImages();
        int size = train.size();
        long flips = 0;
        double[] bers = config.bers();
        for (; g < total; g++) {
            double ber = bers[(int) (g / config.imagesPerStep())];
            if (g % config.readEvery() == 0) {
                delays.rowMajor(stored, row);
                flips = read(row, n, ber, g / config.readEvery(), placement);
                delays.byDelay(row, read);
            }
            System.arraycopy(read, 0, before, 0, read.length);
            int img = (int) (g % size);
            presenter.train(train.pixels(), img * DiehlCook.INPUTS, read, theta, config.seed(), STREAM, g, counts);
            addChange(stored, before, read);
            if (listener != null) {
                listener.imageDone(g + 1, ber, flips);
            }
            if (checkpoint != null && checkpointEvery > 0 && (g + 1) % checkpointEvery == 0
                    && (g + 1) % config.readEvery() == 0 && g + 1 < total) {
                SnnModelFile.write(snapshot(base, delays.rowMajor(stored, row), theta, g + 1), checkpoint);
            }
        }
        delays.rowMajor(stored, row);
        SnnModel out = snapshot(base, row, theta, total);
        if (checkpoint != null) {
            SnnModelFile.write(out, checkpoint);
        }
        return out;
    }

    /**
     * The weights {@code w} (row-major) as read from DRAM in read {@code r}: encoded, hit by the step's errors
     * (none at BER 0), decoded and corrected, in place. Returns the flips.
     */
    private long read(float[] w, int n, double ber, long r, Placement placement) {
        StoredSynapseStore stored = StoredSynapseStore.of(new FloatSynapseStore(DiehlCook.INPUTS, n, w), config.format(),
                placement);
        long flips = 0;
        if (ber > 0) {
            DramImage image = stored.image();
            flips = Injector.inject(image, StoredSynapseStore.TENSOR, config.errorModel().apply(ber),
                    Seeds.stream(config.seed(), READ, r));
        }
        stored.readAll(w);
        config.correction().apply(w);
        // the network never computes with NaN or an infinity (SnnEvaluator reads them as 0 as well)
        for (int i = 0; i < w.length; i++) {
            if (!Float.isFinite(w[i])) {
                w[i] = 0f;
            }
        }
        return flips;
    }

    /** {@code stored += after - before}, kept in [0, wmax]: STDP's change to the read copy, written to DRAM. */
    static void addChange(float[] stored, float[] before, float[] after) {
        float max = (float) DiehlCook.W_MAX;
        for (int i = 0; i < stored.length; i++) {
            float v = stored[i] + (after[i] - before[i]);
            stored[i] = v < 0 ? 0f : Math.min(v, max);
        }
    }

    /** Keeps weights in the valid range {@code [0, wmax]}; NaN becomes 0 ({@link ReadCorrection#CLAMP}). */
    static void clamp(float[] w) {
        ReadCorrection.CLAMP.apply(w);
    }

    private static SnnModel snapshot(SnnModel base, float[] w, double[] theta, long g) {
        return new SnnModel(base.neurons(), base.seed(), new FloatSynapseStore(DiehlCook.INPUTS, base.neurons(), w.clone()),
                theta.clone(), base.delays(), null, base.imagesTrained() + g);
    }
}
