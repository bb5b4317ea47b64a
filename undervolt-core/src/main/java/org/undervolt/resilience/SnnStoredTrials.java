package org.undervolt.resilience;

import java.util.SplittableRandom;
import java.util.function.DoubleFunction;

import org.undervolt.data.ImageDataset;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.fault.Injector;
import org.undervolt.snn.DiehlCook;
import org.undervolt.snn.SnnEvaluator;
import org.undervolt.snn.SnnModel;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.FormatSpec;

/**
 * The trials of a labelled Diehl and Cook network whose input-to-excitatory weights live in
 * approximate DRAM, as {@code undervolt tolerance --network snn} and the SNN networks of a sweep
 * evaluate them: the weights are stored in a format ({@link StoredSynapseStore}) where a {@link WeightStorage}
 * puts them (by default LPDDR3 x32 geometry, sequential placement); a trial injects errors into a copy of those bytes, decodes them, corrects them on
 * read ({@link ReadCorrection}: none, clamp or zero) and runs the first test
 * images on the weights as read. The spike trains come from the model's own seed ({@link #TEST_STREAM},
 * as {@code snn eval}), so they are the same in every trial and trials differ only by the flipped bits.
 * The SNN's dynamics are untouched: this class only chooses the weights the network reads.
 */
public final class SnnStoredTrials implements TrialEvaluator, PairedTrials, TrialModel {
    /** The test stream under the model's seed ({@code SnnModel.STREAM_TEST}, as {@code snn eval} uses). */
    public static final long TEST_STREAM = SnnFatRun.TEST_STREAM;

    private final SnnModel model;
    private final StoredSynapseStore clean;
    private final DoubleFunction<ErrorModel> errors;
    private final ImageDataset test;
    private final int images;
    private final int threads;
    private final ReadCorrection correction;
    private boolean[] cleanCorrect;

    /**
     * @param model   labelled model
     * @param format  storage format of the input weights
     * @param errors  error model per BER
     * @param test    test images, of 28×28 pixels
     * @param images  how many of the first test images a trial runs (1..{@code test.size()})
     * @param threads threads of one evaluation (results do not depend on it)
     * @param clamp   keep the weights as read in [0, wmax] ({@link ReadCorrection#CLAMP}), else none
     */
    public SnnStoredTrials(SnnModel model, FormatSpec format, DoubleFunction<ErrorModel> errors, ImageDataset test,
            int images, int threads, boolean clamp) {
        this(model, format, errors, test, images, threads, clamp ? ReadCorrection.CLAMP : ReadCorrection.NONE);
    }

    /** As above, with the weights as read corrected by {@code correction}. */
    public SnnStoredTrials(SnnModel model, FormatSpec format, DoubleFunction<ErrorModel> errors, ImageDataset test,
            int images, int threads, ReadCorrection correction) {
        this(model, format, WeightStorage.sequential(errors), test, images, threads, correction);
    }

    /**
     * As above, the weights laid out and hit by errors as {@code storage} says (e.g. SparkXD's weak subarrays at the
     * device voltage of each axis point).
     */
    public SnnStoredTrials(SnnModel model, FormatSpec format, WeightStorage storage, ImageDataset test, int images,
            int threads, ReadCorrection correction) {
        this.model = model;
        this.clean = StoredSynapseStore.of(model.weights(), format, storage.placement());
        this.errors = storage::errors;
        this.test = test;
        this.images = images;
        this.threads = threads;
        this.correction = correction;
    }

    /** Full trials: all stored weights are one site, so the family must be {@link TrialFamily#UNIFORM}. */
    @Override
    public TrialEvaluator evaluator(TrialFamily family) {
        return uniformOnly(family);
    }

    /** Paired trials: as {@link #evaluator(TrialFamily)}. */
    @Override
    public PairedTrials paired(TrialFamily family) {
        return uniformOnly(family);
    }

    private SnnStoredTrials uniformOnly(TrialFamily family) {
        if (!family.uniform()) {
            throw new IllegalArgumentException("an SNN's stored weights are one site: only the uniform family applies");
        }
        return this;
    }

    /** Bytes of the stored weight image. */
    public long weightBytes() {
        return clean.image().size();
    }

    /** Accuracy on the stored weights without errors (never clamped: the stored values are in range). */
    public double storedAccuracy() {
        return cleanAccuracy();
    }

    @Override
    public int images() {
        return images;
    }

    @Override
    public synchronized boolean cleanCorrect(int i) {
        if (cleanCorrect == null) {
            float[] w = new float[DiehlCook.INPUTS * model.neurons()];
            clean.readAll(w);
            int[] pred = new SnnEvaluator(model, w, threads).predict(test, images, model.seed(), TEST_STREAM);
            boolean[] c = new boolean[images];
            for (int k = 0; k < images; k++) {
                c[k] = pred[k] == test.label(k);
            }
            cleanCorrect = c;
        }
        return cleanCorrect[i];
    }

    /** The errors of one trial drawn (as {@link #evaluate} draws them); its images run on all threads. */
    @Override
    public Trial open(double ber, SplittableRandom rng) {
        SnnEvaluator ev = faulty(ber, rng);
        return (order, from, to) -> {
            int[] pred = ev.predict(test, order, from, to, model.seed(), TEST_STREAM);
            boolean[] c = new boolean[pred.length];
            for (int k = 0; k < c.length; k++) {
                c[k] = pred[k] == test.label(order[from + k]);
            }
            // the weights are read once per trial: their non-finite count goes with the first chunk
            return new Chunk(c, from == 0 ? ev.nonfiniteWeights() : 0);
        };
    }

    @Override
    public double accuracy(double ber, SplittableRandom rng) {
        return evaluate(ber, rng).accuracy();
    }

    /** The trial's accuracy and the number of weights that were read as NaN or an infinity (and used as 0). */
    @Override
    public Outcome evaluate(double ber, SplittableRandom rng) {
        SnnEvaluator ev = faulty(ber, rng);
        return new Outcome(accuracy(ev), ev.nonfiniteWeights());
    }

    private SnnEvaluator faulty(double ber, SplittableRandom rng) {
        DramImage img = clean.image().copy();
        Injector.inject(img, StoredSynapseStore.TENSOR, errors.apply(ber), rng);
        float[] read = new float[DiehlCook.INPUTS * model.neurons()];
        clean.withImage(img).readAll(read);
        correction.apply(read);
        return new SnnEvaluator(model, read, threads);
    }

    private double accuracy(SnnEvaluator ev) {
        int[] pred = ev.predict(test, images, model.seed(), TEST_STREAM);
        return SnnEvaluator.accuracy(pred, test);
    }
}
