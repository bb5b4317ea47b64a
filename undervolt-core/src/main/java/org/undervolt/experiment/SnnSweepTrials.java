package org.undervolt.experiment;

import java.util.SplittableRandom;
import java.util.function.DoubleFunction;

import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.fault.Injector;
import org.undervolt.resilience.TrialEvaluator;
import org.undervolt.snn.DiehlCook;
import org.undervolt.snn.SnnEvaluator;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.StoredSynapseStore;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.FormatSpec;
import org.undervolt.storage.SequentialPlacement;

/**
 * The trials of a spiking network in a sweep, evaluated as {@code undervolt snn eval --ber} and
 * {@code undervolt tolerance --network snn} evaluate them: the input-to-excitatory weights are
 * stored in a format ({@link StoredSynapseStore}, LPDDR3 x32 geometry, sequential placement), a
 * trial injects errors from the sweep's stream into a copy of those bytes, decodes them and runs
 * the test images on the weights as read. The spike trains come from the model's own seed (stream
 * 5, as {@code snn eval}), so they are the same in every trial and trials differ only by the
 * flipped bits. The SNN's dynamics are untouched: this class only chooses the weights it reads.
 */
final class SnnSweepTrials implements TrialEvaluator {
    /** The test stream under the model's seed ({@code SnnModel.STREAM_TEST}, as {@code snn eval} uses). */
    static final long TEST_STREAM = 5;

    private final SnnModel model;
    private final StoredSynapseStore clean;
    private final DoubleFunction<ErrorModel> errors;
    private final ImageDataset test;
    private final int threads;

    /**
     * @param test    the test images evaluated (all of them)
     * @param threads threads of one evaluation (results do not depend on it)
     */
    SnnSweepTrials(String name, SnnModel model, FormatSpec format, DoubleFunction<ErrorModel> errors,
            ImageDataset test, int threads) {
        if (test.rows() * test.cols() != DiehlCook.INPUTS) {
            throw new InvalidInputException("sweep network " + name + ": an SNN takes " + DiehlCook.INPUTS
                    + "-pixel (28x28) images; dataset images are " + test.rows() + "x" + test.cols());
        }
        this.model = model;
        this.clean = StoredSynapseStore.of(model.weights(), format, new SequentialPlacement(DramGeometry.lpddr3x32()));
        this.errors = errors;
        this.test = test;
        this.threads = threads;
    }

    @Override
    public double accuracy(double ber, SplittableRandom rng) {
        return evaluate(ber, rng).accuracy();
    }

    /** The trial's accuracy and the number of weights that were read as NaN or an infinity (and used as 0). */
    @Override
    public Outcome evaluate(double ber, SplittableRandom rng) {
        DramImage img = clean.image().copy();
        Injector.inject(img, StoredSynapseStore.TENSOR, errors.apply(ber), rng);
        float[] read = new float[DiehlCook.INPUTS * model.neurons()];
        clean.withImage(img).readAll(read);
        SnnEvaluator ev = new SnnEvaluator(model, read, threads);
        int[] pred = ev.predict(test, test.size(), model.seed(), TEST_STREAM);
        return new Outcome(SnnEvaluator.accuracy(pred, test), ev.nonfiniteWeights());
    }
}
