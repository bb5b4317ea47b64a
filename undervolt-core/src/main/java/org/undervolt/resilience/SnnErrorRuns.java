package org.undervolt.resilience;

import java.util.ArrayList;
import java.util.List;

import org.undervolt.data.ImageDataset;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.fault.Injector;
import org.undervolt.random.Seeds;
import org.undervolt.snn.DiehlCook;
import org.undervolt.snn.SnnEvaluator;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnRuns;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.FormatSpec;

/**
 * What {@code undervolt snn eval --ber} does: a labelled spiking network evaluated with bit errors in
 * its stored input weights (the evaluation without errors is {@link SnnRuns#evaluate}).
 */
public final class SnnErrorRuns {
    private SnnErrorRuns() {
    }

    /** As the next method with EDEN's error model 0 (uniform, the default sampler) at {@code ber}. */
    public static SnnRuns.EvalResult evaluateWithErrors(SnnModel model, ImageDataset test, int testImages, FormatSpec format,
            double ber, int trials, long seed, int threads) {
        return evaluateWithErrors(model, test, testImages, format, ber, new UniformErrorModel(ber), trials, seed, threads);
    }

    /**
     * Accuracy with the input weights stored in {@code format} and bit errors of {@code errors} (the
     * error model at {@code ber}, e.g. EDEN's model 0, uniform) injected into those bytes, {@code trials}
     * independent draws from {@code (seed, trial)}. The baseline is the accuracy in that format without
     * errors. The spike trains are the same in every trial (drawn from the model's seed), so trials
     * differ only by the flipped bits.
     */
    public static SnnRuns.EvalResult evaluateWithErrors(SnnModel model, ImageDataset test, int testImages, FormatSpec format,
            double ber, ErrorModel errors, int trials, long seed, int threads) {
        return evaluateWithErrors(model, test, testImages, format, ber, WeightStorage.sequential(b -> errors), trials, seed,
                threads);
    }

    /**
     * As above, the weights laid out and hit by errors as {@code storage} says at axis point {@code ber} (e.g. SparkXD's
     * weak subarrays at the device voltage whose BER is {@code ber}).
     */
    public static SnnRuns.EvalResult evaluateWithErrors(SnnModel model, ImageDataset test, int testImages, FormatSpec format,
            double ber, WeightStorage storage, int trials, long seed, int threads) {
        SnnRuns.requireLabels(model);
        long t0 = System.nanoTime();
        ErrorModel errors = storage.errors(ber);
        StoredSynapseStore clean = StoredSynapseStore.of(model.weights(), format, storage.placement());
        ImageDataset slice = test.slice(0, testImages);
        float[] w = new float[DiehlCook.INPUTS * model.neurons()];
        clean.readAll(w);
        double[] cpu = {0};
        List<Integer> nonfinite = new ArrayList<>();
        double baseline = accuracy(model, w, test, testImages, threads, slice, cpu, new ArrayList<>());
        List<Double> accs = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            DramImage img = clean.image().copy();
            Injector.inject(img, StoredSynapseStore.TENSOR, errors, Seeds.stream(seed, t));
            clean.withImage(img).readAll(w);
            accs.add(accuracy(model, w, test, testImages, threads, slice, cpu, nonfinite));
        }
        double mean = accs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new SnnRuns.EvalResult(mean, accs, baseline, testImages, model.neurons(), format.name(), ber,
                (System.nanoTime() - t0) / 1e9, cpu[0] * 1000 / ((double) testImages * (trials + 1)), nonfinite);
    }

    private static double accuracy(SnnModel model, float[] w, ImageDataset test, int n, int threads, ImageDataset slice,
            double[] cpu, List<Integer> nonfinite) {
        SnnEvaluator ev = new SnnEvaluator(model, w.clone(), threads);
        nonfinite.add(ev.nonfiniteWeights());
        double acc = SnnEvaluator.accuracy(ev.predict(test, n, model.seed(), SnnModel.STREAM_TEST), slice);
        cpu[0] += ev.cpuSeconds();
        return acc;
    }
}
