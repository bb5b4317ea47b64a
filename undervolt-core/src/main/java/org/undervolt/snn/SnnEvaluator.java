package org.undervolt.snn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.undervolt.data.ImageDataset;

/**
 * Inference (no plasticity, theta frozen) over many images, spread across threads.
 *
 * <p>Each image starts from the resting state and draws its spikes from a stream named by its index
 * (see {@link ImagePresenter}), and per-thread results are integer sums or per-image values, so the
 * results are bit-identical for any number of threads.
 */
public final class SnnEvaluator {
    private static final int CHUNK = 16;

    private final SnnModel model;
    private final float[] weights;
    private final float[] byDelay;
    private final int threads;
    private final int nonfiniteWeights;
    private volatile double cpuSeconds;

    /** Reads the model's weights from its store once (the fetch from DRAM). */
    public SnnEvaluator(SnnModel model, int threads) {
        this(model, read(model.weights()), threads);
    }

    /**
     * Evaluates the model with these weights instead of its own (e.g. decoded from a corrupted image).
     * A weight that decoded to NaN or an infinity (an exponent bit flip in FP32/FP16/BF16) is read as
     * 0, a synapse that conducts nothing, and counted ({@link #nonfiniteWeights()}); a non-finite
     * conductance would otherwise poison the membrane potentials of every neuron it reaches.
     * {@code weights} is modified in place.
     */
    public SnnEvaluator(SnnModel model, float[] weights, int threads) {
        if (weights.length != DiehlCook.INPUTS * model.neurons()) {
            throw new IllegalArgumentException("weights: " + weights.length + " values for " + model.neurons() + " neurons");
        }
        int nonfinite = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!Float.isFinite(weights[i])) {
                weights[i] = 0f;
                nonfinite++;
            }
        }
        this.nonfiniteWeights = nonfinite;
        this.model = model;
        this.weights = weights;
        this.byDelay = model.delays().byDelay(weights);
        this.threads = Math.max(1, threads);
    }

    private static float[] read(SynapseStore store) {
        float[] w = new float[store.rows() * store.cols()];
        store.readAll(w);
        return w;
    }

    /** Weights that were NaN or infinite and were read as 0. */
    public int nonfiniteWeights() {
        return nonfiniteWeights;
    }

    /** Per-class summed responses of the first {@code count} images, for {@link NeuronLabels#assign}. */
    public record Responses(long[] sums, int[] classImages) {
    }

    /** Responses used to label the neurons, on the first {@code count} images of {@code data}. */
    public Responses responses(ImageDataset data, int count, long seed, long stream) {
        int n = model.neurons();
        int classes = data.numClasses();
        List<long[]> parts = run(data, count, seed, stream, (img, counts, acc) -> {
            int c = data.label(img);
            for (int j = 0; j < n; j++) {
                acc[c * n + j] += counts[j];
            }
        }, classes * n);
        long[] sums = new long[classes * n];
        for (long[] p : parts) {
            for (int k = 0; k < sums.length; k++) {
                sums[k] += p[k];
            }
        }
        int[] classImages = new int[classes];
        for (int i = 0; i < count; i++) {
            classImages[data.label(i)]++;
        }
        return new Responses(sums, classImages);
    }

    /** Predicted class of each of the first {@code count} images (-1: none), using the model's labels. */
    public int[] predict(ImageDataset data, int count, long seed, long stream) {
        int[] labels = model.labels();
        if (labels == null) {
            throw new IllegalStateException("model has no labels");
        }
        int[] predicted = new int[count];
        run(data, count, seed, stream,
                (img, counts, acc) -> predicted[img] = NeuronLabels.classify(counts, labels, data.numClasses()), 0);
        return predicted;
    }

    /**
     * Predicted class of the images {@code order[from..to)} (-1: none), in that order; each image's spike
     * trains come from {@code (seed, stream, image index)}, so an image is predicted as in {@link #predict(ImageDataset, int, long, long)}.
     */
    public int[] predict(ImageDataset data, int[] order, int from, int to, long seed, long stream) {
        int[] labels = model.labels();
        if (labels == null) {
            throw new IllegalStateException("model has no labels");
        }
        int[] predicted = new int[to - from];
        run(data, to - from, p -> order[from + p], seed, stream,
                (p, counts, acc) -> predicted[p] = NeuronLabels.classify(counts, labels, data.numClasses()), 0);
        return predicted;
    }

    /** Fraction of the first {@code count} images whose prediction equals the label. */
    public static double accuracy(int[] predicted, ImageDataset data) {
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == data.label(i)) {
                correct++;
            }
        }
        return predicted.length == 0 ? 0 : (double) correct / predicted.length;
    }

    private synchronized void addCpu(long nanos) {
        cpuSeconds += nanos / 1e9;
    }

    /** CPU seconds of all worker threads, summed over the calls so far (JVM thread CPU time). */
    public double cpuSeconds() {
        return cpuSeconds;
    }

    private interface Sink {
        void accept(int image, int[] counts, long[] acc);
    }

    private List<long[]> run(ImageDataset data, int count, long seed, long stream, Sink sink, int accSize) {
        return run(data, count, p -> p, seed, stream, sink, accSize);
    }

    /** Runs the images {@code imageAt(0..count)}; the sink gets each position. */
    private List<long[]> run(ImageDataset data, int count, java.util.function.IntUnaryOperator imageAt, long seed,
            long stream, Sink sink, int accSize) {
        if (count > data.size() || count < 0) {
            throw new IllegalArgumentException("count " + count + " outside 0.." + data.size());
        }
        int workers = Math.min(threads, Math.max(1, (count + CHUNK - 1) / CHUNK));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "snn-eval");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < workers; t++) {
                futures.add(pool.submit(() -> {
                    long cpu0 = CpuTime.thread();
                    ImagePresenter presenter = new ImagePresenter(model.delays());
                    int[] counts = new int[model.neurons()];
                    long[] acc = new long[accSize];
                    double[] theta = model.theta();
                    for (int c = next.getAndIncrement(); c * CHUNK < count; c = next.getAndIncrement()) {
                        for (int pos = c * CHUNK, end = Math.min(count, pos + CHUNK); pos < end; pos++) {
                            int img = imageAt.applyAsInt(pos);
                            presenter.present(data.pixels(), img * data.imageSize(), weights, byDelay, theta, false,
                                    seed, stream, img, counts);
                            sink.accept(pos, counts, acc);
                        }
                    }
                    addCpu(CpuTime.thread() - cpu0);
                    return acc;
                }));
            }
            List<long[]> parts = new ArrayList<>();
            for (Future<long[]> f : futures) {
                parts.add(f.get());
            }
            return parts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
