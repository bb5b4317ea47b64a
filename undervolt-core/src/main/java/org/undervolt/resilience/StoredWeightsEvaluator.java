package org.undervolt.resilience;

import java.util.SplittableRandom;
import java.util.function.DoubleFunction;

import org.undervolt.data.ImageDataset;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.fault.Injector;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.Evaluation;
import org.undervolt.nn.train.Evaluator;
import org.undervolt.storage.DramImage;

/**
 * One trial of the tolerance sweep for a DNN whose weights live in approximate DRAM: copy the
 * stored bytes, flip bits in them with the error model at the trial's BER, decode the weights into
 * a copy of the network and measure test accuracy.
 */
public final class StoredWeightsEvaluator implements TrialEvaluator {
    private final Sequential model;
    private final StoredWeights stored;
    private final ImageDataset test;
    private final DoubleFunction<ErrorModel> errorModel;
    private long lastFlips;
    private int lastNonfinite;

    /**
     * @param model      the trained network (biases and other non-weight parameters are used as is)
     * @param stored     its weights as stored in DRAM
     * @param test       evaluation images
     * @param errorModel the error model for a given BER (e.g. {@code UniformErrorModel::new})
     */
    public StoredWeightsEvaluator(Sequential model, StoredWeights stored, ImageDataset test,
            DoubleFunction<ErrorModel> errorModel) {
        this.model = model;
        this.stored = stored;
        this.test = test;
        this.errorModel = errorModel;
    }

    @Override
    public double accuracy(double ber, SplittableRandom rng) {
        DramImage trial = stored.image().copy();
        lastFlips = Injector.inject(trial, errorModel.apply(ber), rng);
        Sequential faulty = model.copy();
        stored.loadInto(trial, faulty);
        Evaluation e = Evaluator.evaluate(faulty, test, LayerHooks.NONE);
        lastNonfinite = e.nonfinite();
        return e.accuracy();
    }

    /**
     * Test images whose output held a NaN or an infinity in the most recent trial (an exponent flip
     * in a stored FP32/FP16/BF16 weight); NaN rows were counted as wrong predictions.
     */
    public int lastNonfinite() {
        return lastNonfinite;
    }

    /** Bits flipped in the most recent trial. */
    public long lastFlips() {
        return lastFlips;
    }
}
