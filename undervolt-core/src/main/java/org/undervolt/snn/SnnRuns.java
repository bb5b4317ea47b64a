package org.undervolt.snn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.undervolt.data.ImageDataset;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.fault.Injector;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.FormatSpec;
import org.undervolt.storage.SequentialPlacement;

/**
 * What {@code undervolt snn train} and {@code undervolt snn eval} do, end to end (the CLI only wires
 * options to these methods).
 */
public final class SnnRuns {
    private SnnRuns() {
    }

    /** Training result; {@code seconds} is wall time of the whole run, the parts are split out. */
    public record TrainResult(double accuracy, int neurons, long images, long resumedFrom, int labelImages,
            int testImages, double seconds, double trainSeconds, double labelSeconds, double testSeconds,
            long presentations, double trainCpuMsPerImage, double testCpuMsPerImage) {
    }

    /**
     * Evaluation result: one accuracy, or the mean of {@code accuracies} over fault trials;
     * {@code nonfiniteWeights} counts, per trial, the weights that decoded to NaN or an infinity and
     * were read as 0 ({@link SnnEvaluator#SnnEvaluator(SnnModel, float[], int)}).
     */
    public record EvalResult(double accuracy, List<Double> accuracies, double baseline, int images, int neurons,
            String format, double ber, double seconds, double cpuMsPerImage, List<Integer> nonfiniteWeights) {
    }

    /**
     * Trains a fresh network (or resumes from {@code checkpoint} if it exists and matches), labels its
     * neurons on {@code labelImages} training images, measures test accuracy and saves it to {@code out}.
     */
    public static TrainResult train(int neurons, long images, long seed, ImageDataset train, ImageDataset test,
            int labelImages, int testImages, Path out, Path checkpoint, long checkpointEvery, int threads,
            SnnTrainer.Listener listener) {
        long t0 = System.nanoTime();
        SnnModel model = null;
        if (checkpoint != null && Files.exists(checkpoint)) {
            SnnModel cp = SnnModelFile.read(checkpoint);
            if (cp.neurons() != neurons || cp.seed() != seed || cp.imagesTrained() > images) {
                throw new org.undervolt.InvalidInputException(checkpoint + ": checkpoint of " + cp.neurons()
                        + " neurons, seed " + cp.seed() + ", " + cp.imagesTrained() + " images trained; expected "
                        + neurons + " neurons, seed " + seed + ", at most " + images
                        + " images (remove it or name another --checkpoint)");
            }
            model = cp;
        }
        if (model == null) {
            model = SnnModel.initial(neurons, seed);
        }
        long resumedFrom = model.imagesTrained();
        long[] presentations = {0};
        long cpu0 = CpuTime.thread();
        new SnnTrainer(model).train(train, images, checkpoint, checkpointEvery, (g, spikes, attempts) -> {
            presentations[0] += attempts;
            if (listener != null) {
                listener.imageDone(g, spikes, attempts);
            }
        });
        long t1 = System.nanoTime();
        double trainCpuMs = (CpuTime.thread() - cpu0) / 1e6 / Math.max(1, images - resumedFrom);
        SnnEvaluator ev = new SnnEvaluator(model, threads);
        SnnEvaluator.Responses r = ev.responses(train, labelImages, seed, SnnModel.STREAM_LABEL);
        model.setLabels(NeuronLabels.assign(r.sums(), r.classImages(), neurons));
        long t2 = System.nanoTime();
        double labelCpu = ev.cpuSeconds();
        double acc = SnnEvaluator.accuracy(ev.predict(test, testImages, seed, SnnModel.STREAM_TEST), test.slice(0, testImages));
        double testCpuMs = (ev.cpuSeconds() - labelCpu) * 1000 / testImages;
        long t3 = System.nanoTime();
        SnnModelFile.write(model, out);
        if (checkpoint != null && !checkpoint.equals(out)) {
            SnnModelFile.write(model, checkpoint);
        }
        return new TrainResult(acc, neurons, images, resumedFrom, labelImages, testImages, (System.nanoTime() - t0) / 1e9,
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, presentations[0], trainCpuMs, testCpuMs);
    }

    /** Accuracy of a labelled model on the first {@code testImages} test images. */
    public static EvalResult evaluate(SnnModel model, ImageDataset test, int testImages, int threads) {
        requireLabels(model);
        long t0 = System.nanoTime();
        SnnEvaluator ev = new SnnEvaluator(model, threads);
        double acc = SnnEvaluator.accuracy(ev.predict(test, testImages, model.seed(), SnnModel.STREAM_TEST),
                test.slice(0, testImages));
        return new EvalResult(acc, List.of(acc), acc, testImages, model.neurons(), "fp32", 0,
                (System.nanoTime() - t0) / 1e9, ev.cpuSeconds() * 1000 / testImages, List.of(ev.nonfiniteWeights()));
    }

    /** As the next method with EDEN's error model 0 (uniform, the default sampler) at {@code ber}. */
    public static EvalResult evaluateWithErrors(SnnModel model, ImageDataset test, int testImages, FormatSpec format,
            double ber, int trials, long seed, int threads) {
        return evaluateWithErrors(model, test, testImages, format, ber, new UniformErrorModel(ber), trials, seed, threads);
    }

    /**
     * Accuracy with the input weights stored in {@code format} and bit errors of {@code errors}, the
     * error model at {@code ber} (e.g. EDEN's model 0, uniform), injected into those bytes, {@code trials} independent draws from
     * {@code (seed, trial)}. The baseline is the accuracy in that format without errors. The spike
     * trains are the same in every trial (drawn from the model's seed), so trials differ only by
     * the flipped bits.
     */
    public static EvalResult evaluateWithErrors(SnnModel model, ImageDataset test, int testImages, FormatSpec format,
            double ber, ErrorModel errors, int trials, long seed, int threads) {
        requireLabels(model);
        long t0 = System.nanoTime();
        StoredSynapseStore clean = StoredSynapseStore.of(model.weights(), format,
                new SequentialPlacement(DramGeometry.lpddr3x32()));
        ImageDataset slice = test.slice(0, testImages);
        float[] w = new float[DiehlCook.INPUTS * model.neurons()];
        clean.readAll(w);
        double[] cpu = {0};
        List<Integer> nonfinite = new ArrayList<>();
        double baseline = accuracy(model, w, test, testImages, threads, slice, cpu, new ArrayList<>());
        List<Double> accs = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            DramImage img = clean.image().copy();
            Injector.inject(img, StoredSynapseStore.TENSOR, errors, org.undervolt.random.Seeds.stream(seed, t));
            clean.withImage(img).readAll(w);
            accs.add(accuracy(model, w, test, testImages, threads, slice, cpu, nonfinite));
        }
        double mean = accs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new EvalResult(mean, accs, baseline, testImages, model.neurons(), format.name(), ber,
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

    private static void requireLabels(SnnModel model) {
        if (model.labels() == null) {
            throw new org.undervolt.InvalidInputException("model has no neuron labels (train it with 'undervolt snn train')");
        }
    }
}
