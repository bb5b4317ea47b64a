package org.undervolt.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.undervolt.data.BuiltinDataset;
import org.undervolt.data.Datasets;
import org.undervolt.data.ImageDataset;
import org.undervolt.snn.DiehlCook;
import org.undervolt.snn.ImagePresenter;
import org.undervolt.snn.SnnModel;

/**
 * One inference presentation of an MNIST test image to the Diehl and Cook network (N400 by default): Poisson
 * coding and 350 ms of event-driven simulation at dt 0.5 ms, re-shown at higher intensity while it evokes
 * fewer than 5 spikes, exactly what {@code SnnEvaluator} does per image. The network is the untrained
 * initial one of its seed (weights U[0.01, 0.31)); a trained network spikes differently, so the figure is
 * the engine's, not a trained model's.
 *
 * <p>Baseline: one dense time step, every input's weight row added into the excitatory conductances
 * (784 × N additions), the work a clock-driven dense simulator does at each of the presentation's
 * {@value DiehlCook#STEPS} steps. A ratio below {@value DiehlCook#STEPS} means the event-driven presentation
 * beats a dense simulation's floor. (Brian2's C++ standalone takes 0.177 s per N400 test image at dt 0.1 ms:
 * docs/PEERS.md, "Spiking networks".)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SnnBench {
    static final long STREAM = 1;

    @Param("400")
    int neurons;

    /** Index of the MNIST test image shown. */
    @Param("0")
    int image;

    byte[] pixels;
    float[] weights;
    float[] byDelay;
    double[] theta;
    int[] counts;
    double[] ge;
    ImagePresenter presenter;

    @Setup
    public void setup() {
        ImageDataset test = Datasets.test(BuiltinDataset.MNIST);
        if (image < 0 || image >= test.size()) {
            throw new IllegalArgumentException("image " + image + " outside 0.." + (test.size() - 1));
        }
        pixels = java.util.Arrays.copyOfRange(test.pixels(), image * test.imageSize(), (image + 1) * test.imageSize());
        SnnModel model = SnnModel.initial(neurons, BenchSeeds.MASTER + BenchSeeds.SNN);
        weights = new float[DiehlCook.INPUTS * neurons];
        model.weights().readAll(weights);
        byDelay = model.delays().byDelay(weights);
        theta = model.theta();
        counts = new int[neurons];
        ge = new double[neurons];
        presenter = new ImagePresenter(model.delays());
    }

    @Benchmark
    public double[] baselineDenseStep() {
        int n = neurons;
        for (int i = 0; i < DiehlCook.INPUTS; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                ge[j] += weights[row + j];
            }
        }
        return ge;
    }

    /** Returns the excitatory spikes of the last presentation. */
    @Benchmark
    public int presentOneImage() {
        return presenter.present(pixels, 0, weights, byDelay, theta, false, BenchSeeds.MASTER, STREAM, image, counts);
    }
}
