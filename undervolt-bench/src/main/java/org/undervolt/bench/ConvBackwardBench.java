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
import org.undervolt.nn.kernel.DotKernels;
import org.undervolt.nn.kernel.Im2col;
import org.undervolt.nn.kernel.Matmul;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.kernel.VectorGemm;
import org.undervolt.nn.layer.Conv2d;
import org.undervolt.nn.layer.ForwardContext;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.random.Seeds;

/**
 * Backward pass (weight, bias and input gradients) of one LeNet-5 convolution over a batch of 64
 * ({@link ConvShapes}), one thread. Baseline: the textbook lowering, per image an explicit column matrix
 * ({@link Im2col}), weight gradient by {@link DotKernels#vector}, column gradient {@code Wᵀ·G} by
 * {@link VectorGemm}, folded back by {@link Im2col#col2im}; benchmark: {@link Conv2d#backward}. One operation =
 * one batch = twice the forward FLOPs ({@code FlopRates}; the bias sums are not counted).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g", "-Dundervolt.threads=1"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ConvBackwardBench {

    @Param({"lenet-conv1", "lenet-conv2"})
    String layer;

    Conv2d conv;
    Tensor x;
    Tensor g;
    int in;
    int out;
    int k;
    int pad;
    int h;
    int o;
    float[] cols;
    float[] dcols;
    float[] wt;
    float[] gradW;
    float[] dx;
    final VectorGemm gemm = new VectorGemm();

    @Setup
    public void setup() {
        KernelWarmup.run();
        Parallel.setThreads(1);
        int[] d = ConvShapes.dims(layer);
        in = d[0];
        out = d[1];
        k = d[2];
        pad = d[3];
        h = d[4];
        o = Im2col.outSize(h, k, 1, pad);
        conv = ConvShapes.layer(layer);
        x = new Tensor(new int[] {ConvShapes.BATCH, in, h, h}, ConvShapes.input(layer));
        Tensor y = conv.forward(x, new ForwardContext(true, 1, 0, LayerHooks.NONE), null);
        g = new Tensor(y.shape(), BenchSeeds.uniform(Seeds.stream(BenchSeeds.MASTER, BenchSeeds.CONV, 2), y.size()));
        int kk = in * k * k;
        cols = new float[kk * o * o];
        dcols = new float[kk * o * o];
        wt = new float[kk * out];
        gradW = new float[out * kk];
        dx = new float[x.size()];
    }

    @Benchmark
    public float[] baselineIm2col() {
        int plane = o * o;
        int kk = in * k * k;
        float[] gd = g.data();
        Matmul.transpose(conv.weight().data(), 0, out, kk, wt, 0);
        java.util.Arrays.fill(dx, 0f);
        for (int img = 0; img < ConvShapes.BATCH; img++) {
            int gOff = img * out * plane;
            Im2col.im2col(x.data(), img * in * h * h, in, h, h, k, k, 1, pad, cols, plane, 0);
            DotKernels.vector(gd, gOff, cols, 0, gradW, 0, out, kk, plane, true);
            gemm.multiply(wt, 0, gd, gOff, dcols, 0, kk, plane, out, false);
            Im2col.col2im(dcols, plane, 0, in, h, h, k, k, 1, pad, dx, img * in * h * h);
        }
        return dx;
    }

    @Benchmark
    public float[] layer() {
        return conv.backward(g).data();
    }
}
