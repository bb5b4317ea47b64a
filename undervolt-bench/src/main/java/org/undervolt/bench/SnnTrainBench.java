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
import org.undervolt.random.Seeds;
import org.undervolt.snn.DiehlCook;
import org.undervolt.snn.PoissonEncoder;
import org.undervolt.snn.Simulator;
import org.undervolt.snn.SnnModel;

/**
 * One learning presentation (350 ms at dt 0.5 ms, STDP on, intensity 2) of MNIST training image
 * {@code image} to the untrained Diehl and Cook network of its seed, from the same weights and
 * thresholds every time (restored before each call; the copy is part of both figures).
 *
 * <p>Baseline: the same presentation delivered arrival by arrival to every synapse
 * ({@link Simulator#arrivalByArrival}), the straightforward event-driven form. The ratio is what
 * buffering the input of neurons that have not fired yet saves; both give the same spikes and weights.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SnnTrainBench {
    static final long STREAM = 2;

    @Param("100")
    int neurons;

    /** Index of the MNIST training image shown. */
    @Param("0")
    int image;

    float[] initialWeights;
    double[] initialTheta;
    float[] weights;
    double[] theta;
    int[] counts;
    PoissonEncoder spikes;
    Simulator buffered;
    Simulator reference;

    @Setup
    public void setup() {
        ImageDataset train = Datasets.train(BuiltinDataset.MNIST);
        if (image < 0 || image >= train.size()) {
            throw new IllegalArgumentException("image " + image + " outside 0.." + (train.size() - 1));
        }
        SnnModel model = SnnModel.initial(neurons, BenchSeeds.MASTER + BenchSeeds.SNN);
        float[] rowMajor = new float[DiehlCook.INPUTS * neurons];
        model.weights().readAll(rowMajor);
        initialWeights = model.delays().byDelay(rowMajor);
        initialTheta = model.theta().clone();
        weights = initialWeights.clone();
        theta = initialTheta.clone();
        counts = new int[neurons];
        spikes = new PoissonEncoder();
        spikes.encode(train.pixels(), image * DiehlCook.INPUTS, DiehlCook.INPUTS, DiehlCook.START_INTENSITY,
                Seeds.stream(BenchSeeds.MASTER, STREAM, image));
        buffered = new Simulator(model.delays());
        reference = Simulator.arrivalByArrival(model.delays());
    }

    /** Returns the excitatory spikes of the presentation. */
    @Benchmark
    public int trainOneImage() {
        return present(buffered);
    }

    @Benchmark
    public int baselineArrivalByArrival() {
        return present(reference);
    }

    private int present(Simulator simulator) {
        System.arraycopy(initialWeights, 0, weights, 0, weights.length);
        System.arraycopy(initialTheta, 0, theta, 0, theta.length);
        return simulator.train(spikes, weights, theta, counts);
    }
}
