package org.undervolt.nn.train;

import java.util.Arrays;
import java.util.function.LongFunction;

import org.undervolt.data.ImageDataset;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.quant.Int8Hooks;
import org.undervolt.nn.quant.Int8Network;

/**
 * Wall-clock throughput of training and inference, for side-by-side comparisons with other
 * frameworks (figures are machine- and load-dependent: compare ratios measured in one session,
 * never assert on them in tests).
 */
public final class Throughput {
    private Throughput() {
    }

    /**
     * Result of one measurement.
     *
     * @param epochSeconds      wall time of one training epoch over {@code trainImages} images
     * @param trainImages       images in that epoch
     * @param inferSeconds      median wall time of the timed inference passes
     * @param inferImages       images per inference pass
     * @param inferBatch        images per inference batch
     * @param testAccuracy      accuracy after the timed epoch
     * @param int8Seconds       median wall time of the timed passes of the trained model on the INT8 integer
     *                          datapath ({@link Int8Network}, calibrated on 512 training images), the
     *                          evaluation a tolerance trial of an INT8 network runs
     * @param int8Accuracy      its accuracy
     */
    public record Result(double epochSeconds, int trainImages, double inferSeconds, int inferImages, int inferBatch,
                         double testAccuracy, double int8Seconds, double int8Accuracy) {
        public double trainImagesPerSecond() {
            return trainImages / epochSeconds;
        }

        public double inferImagesPerSecond() {
            return inferImages / inferSeconds;
        }

        public double int8ImagesPerSecond() {
            return inferImages / int8Seconds;
        }
    }

    /**
     * Warms the JIT up (a short run on a throwaway model), then times one epoch of {@code trainer}
     * on a fresh model from {@code factory} and the median of {@code passes} inference passes over
     * {@code test} in batches of {@code inferBatch}, then the median of {@code passes} passes of the trained
     * model's INT8 datapath over {@code test}.
     */
    public static Result measure(LongFunction<Sequential> factory, Trainer trainer, ImageDataset train,
                                 ImageDataset test, int inferBatch, int passes, long seed) {
        Sequential warm = factory.apply(seed + 1);
        int warmImages = Math.min(train.size(), 4096);
        Trainer oneEpoch = new Trainer(new TrainConfig(1, trainer.config().batchSize(), trainer.config().learningRate(),
                trainer.config().momentum(), trainer.config().weightDecay(), seed));
        oneEpoch.train(warm, train.slice(0, warmImages), ProgressListener.NONE);
        Evaluator.predict(warm, test.slice(0, Math.min(test.size(), 2048)), LayerHooks.NONE, inferBatch);

        Sequential model = factory.apply(seed);
        long t0 = System.nanoTime();
        trainer.train(model, train, ProgressListener.NONE);
        double epoch = (System.nanoTime() - t0) / 1e9;

        double[] times = new double[passes];
        int[] pred = null;
        for (int p = 0; p < passes; p++) {
            long t = System.nanoTime();
            pred = Evaluator.predict(model, test, LayerHooks.NONE, inferBatch);
            times[p] = (System.nanoTime() - t) / 1e9;
        }
        Arrays.sort(times);
        Int8Network int8 = Int8Network.quantize(model, train.slice(0, Math.min(train.size(), 512)));
        int8.accuracy(test.slice(0, Math.min(test.size(), 2048)), Int8Hooks.NONE); // warm-up
        double[] int8Times = new double[passes];
        float int8Accuracy = 0;
        for (int p = 0; p < passes; p++) {
            long t = System.nanoTime();
            int8Accuracy = int8.accuracy(test, Int8Hooks.NONE);
            int8Times[p] = (System.nanoTime() - t) / 1e9;
        }
        Arrays.sort(int8Times);
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            if (pred[i] == test.label(i)) {
                correct++;
            }
        }
        return new Result(epoch, train.size(), times[passes / 2], test.size(), inferBatch,
                (double) correct / test.size(), int8Times[passes / 2], int8Accuracy);
    }
}
