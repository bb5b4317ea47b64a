package org.undervolt.snn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.undervolt.data.ImageDataset;

/**
 * What {@code undervolt snn train} and {@code undervolt snn eval} do, end to end (the CLI only wires
 * options to these methods). Evaluation with bit errors in stored weights is
 * {@code resilience.SnnErrorRuns}: this package knows nothing of storage or faults.
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
     * {@code format} and {@code ber} are "fp32" and 0 for an evaluation without errors.
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

    /** Refuses a model whose neurons are not labelled yet (bad input). */
    public static void requireLabels(SnnModel model) {
        if (model.labels() == null) {
            throw new org.undervolt.InvalidInputException("model has no neuron labels (train it with 'undervolt snn train')");
        }
    }
}
