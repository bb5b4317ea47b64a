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
import org.undervolt.nn.kernel.Im2col;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.kernel.VectorGemm;
import org.undervolt.nn.layer.Conv2d;
import org.undervolt.nn.layer.ForwardContext;
import org.undervolt.nn.tensor.Tensor;

/**
 * Forward pass of one LeNet-5 convolution over a batch of 64 ({@link ConvShapes}), one thread. Baseline: the
 * textbook lowering, each image unfolded into an explicit column matrix ({@link Im2col}) and multiplied by the
 * same Vector API kernel ({@link VectorGemm}); benchmark: {@link Conv2d#forward}, which multiplies the padded
 * image in place. Both give bit-identical outputs. One operation = one batch; {@code FlopRates} turns it into
 * GFLOP/s ({@link ConvShapes#forwardFlops}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g", "-Dundervolt.threads=1"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ConvForwardBench {

    @Param({"lenet-conv1", "lenet-conv2"})
    String layer;

    Conv2d conv;
    Tensor x;
    int in;
    int out;
    int k;
    int pad;
    int h;
    int o;
    float[] cols;
    float[] y;
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
        cols = new float[in * k * k * o * o];
        y = new float[ConvShapes.BATCH * out * o * o];
    }

    @Benchmark
    public float[] baselineIm2col() {
        int plane = o * o;
        float[] w = conv.weight().data();
        float[] b = conv.bias().data();
        for (int img = 0; img < ConvShapes.BATCH; img++) {
            Im2col.im2col(x.data(), img * in * h * h, in, h, h, k, k, 1, pad, cols, plane, 0);
            int yOff = img * out * plane;
            for (int f = 0; f < out; f++) {
                java.util.Arrays.fill(y, yOff + f * plane, yOff + (f + 1) * plane, b[f]);
            }
            gemm.multiply(w, 0, cols, 0, y, yOff, out, plane, in * k * k, true);
        }
        return y;
    }

    @Benchmark
    public float[] layer() {
        return conv.forward(x, ForwardContext.inference(0), null).data();
    }
}
