package org.undervolt.bench;

import java.util.SplittableRandom;
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
import org.undervolt.nn.kernel.Gemm;
import org.undervolt.nn.kernel.Matmul;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.kernel.ScalarGemm;
import org.undervolt.nn.kernel.VectorGemm;
import org.undervolt.random.Seeds;

/**
 * One single-precision product {@code C = A·B} ({@code m×k · k×n}) at the shapes the networks run: the
 * scalar reference kernel (the baseline), its Vector API twin on one thread, and the twin split over the
 * worker threads by {@link Matmul} ({@link Parallel#threads()}: all cores unless {@code -Dundervolt.threads}).
 * All three compute bit-identical results (the {@link Gemm} contract).
 *
 * <p>Shapes: the MNIST MLP's first layer on a batch of 256 (784 → 256), and LeNet-5's two convolutions as
 * per-image im2col products (the textbook lowering; {@code Conv2d} itself multiplies the padded image in
 * place, see {@link ConvForwardBench}) (conv1: 6 filters × 784 positions × 25 taps; conv2:
 * 16 × 100 × 150), and a larger square product (512³) where register tiles and cache blocking dominate.
 * {@code FlopRates} reports each as GFLOP/s and a fraction of the CPU's peak. The conv products are below {@code Matmul}'s threshold for splitting, so their threaded
 * figure is the single-thread one (convolutions are parallel over images instead).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GemmBench {

    /** Shape name → {m, n, k}. */
    static int[] dims(String shape) {
        return switch (shape) {
            case "mlp-784x256-b256" -> new int[] {256, 256, 784};
            case "lenet-conv1-6x784x25" -> new int[] {6, 784, 25};
            case "lenet-conv2-16x100x150" -> new int[] {16, 100, 150};
            case "square-512" -> new int[] {512, 512, 512};
            default -> throw new IllegalArgumentException("unknown shape " + shape);
        };
    }

    @Param({"mlp-784x256-b256", "lenet-conv1-6x784x25", "lenet-conv2-16x100x150", "square-512"})
    String shape;

    int m;
    int n;
    int k;
    float[] a;
    float[] b;
    float[] c;
    final Gemm scalar = new ScalarGemm();
    final Gemm vector = new VectorGemm();

    @Setup
    public void setup() {
        KernelWarmup.run();
        int[] d = dims(shape);
        m = d[0];
        n = d[1];
        k = d[2];
        SplittableRandom r = Seeds.stream(BenchSeeds.MASTER, BenchSeeds.GEMM);
        a = BenchSeeds.uniform(r, m * k);
        b = BenchSeeds.uniform(r, k * n);
        c = new float[m * n];
    }

    @Benchmark
    public float[] baselineScalar() {
        scalar.multiply(a, 0, b, 0, c, 0, m, n, k, false);
        return c;
    }

    @Benchmark
    public float[] vector() {
        vector.multiply(a, 0, b, 0, c, 0, m, n, k, false);
        return c;
    }

    @Benchmark
    public float[] vectorThreads() {
        Matmul.multiply(vector, a, 0, b, 0, c, 0, m, n, k, false);
        return c;
    }
}
