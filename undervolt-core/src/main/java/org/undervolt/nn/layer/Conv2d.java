package org.undervolt.nn.layer;

import java.util.List;
import java.util.SplittableRandom;

import org.undervolt.nn.kernel.DotKernels;
import org.undervolt.nn.kernel.Im2col;
import org.undervolt.nn.kernel.Matmul;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.tensor.Tensor;

/**
 * 2-D convolution (cross-correlation, as in PyTorch) with a square kernel, stride and zero padding.
 * Weight {@code [out, in, k, k]}, bias {@code [out]}; input {@code [batch, in, H, W]}, output
 * {@code [batch, out, OH, OW]} with {@code OH = (H + 2·pad − k) / stride + 1}.
 *
 * <p>Each image is unfolded by {@link Im2col} into an {@code (in·k·k) × (OH·OW)} matrix, which
 * stays in cache, so the forward pass is one small matrix product per image; images run in
 * parallel in fixed groups of {@value #IMAGES_PER_TASK}.
 * Initialisation: He normal with fan-in {@code in·k·k}; biases zero.
 */
public final class Conv2d implements Layer {
    private final String name;
    private final int in;
    private final int out;
    private final int k;
    private final int stride;
    private final int pad;
    private final Parameter weight;
    private final Parameter bias;
    /**
     * Images per parallel task. Weight gradients are summed image by image within a task and then
     * task by task, so this constant (not the thread count) fixes their summation order.
     */
    static final int IMAGES_PER_TASK = 8;
    private int[] cachedShape;
    private float[] cachedCols;
    private float[] cachedWeights;

    public Conv2d(String name, int in, int out, int k, int stride, int pad) {
        if (in <= 0 || out <= 0 || k <= 0 || stride <= 0 || pad < 0) {
            throw new IllegalArgumentException(name + ": need positive channels, kernel, stride and pad >= 0");
        }
        this.name = name;
        this.in = in;
        this.out = out;
        this.k = k;
        this.stride = stride;
        this.pad = pad;
        this.weight = new Parameter(name + ".weight", ParameterKind.WEIGHT, out, in, k, k);
        this.bias = new Parameter(name + ".bias", ParameterKind.BIAS, out);
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "conv2d";
    }

    @Override
    public int[] config() {
        return new int[] {in, out, k, stride, pad};
    }

    @Override
    public int[] outputShape(int[] s) {
        if (s.length != 3 || s[0] != in) {
            throw new IllegalArgumentException(name + ": expects [" + in + ", H, W], got " + java.util.Arrays.toString(s));
        }
        int oh = Im2col.outSize(s[1], k, stride, pad);
        int ow = Im2col.outSize(s[2], k, stride, pad);
        if (oh <= 0 || ow <= 0) {
            throw new IllegalArgumentException(name + ": input " + s[1] + "x" + s[2] + " too small for kernel " + k);
        }
        return new int[] {out, oh, ow};
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public void initialize(SplittableRandom rng) {
        double std = Math.sqrt(2.0 / (in * k * k));
        float[] w = weight.data();
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (Gaussian.next(rng) * std);
        }
        java.util.Arrays.fill(bias.data(), 0f);
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext ctx, HookSite site) {
        int[] os = outputShape(new int[] {x.dim(1), x.dim(2), x.dim(3)});
        int batch = x.dim(0);
        int h = x.dim(2);
        int w = x.dim(3);
        int plane = os[1] * os[2];
        int kk = in * k * k;
        int inSize = in * h * w;
        float[] xd = x.data();
        float[] wv = ctx.hooks().weights(site, weight);
        float[] bv = ctx.hooks().weights(site, bias);
        float[] y = new float[batch * out * plane];
        boolean training = ctx.training();
        float[] allCols = training ? new float[batch * kk * plane] : null;
        Parallel.forEach(tasks(batch), t -> {
            float[] cols = training ? allCols : new float[kk * plane];
            for (int b = t * IMAGES_PER_TASK, end = Math.min(batch, b + IMAGES_PER_TASK); b < end; b++) {
                int colOff = training ? b * kk * plane : 0;
                Im2col.im2col(xd, b * inSize, in, h, w, k, k, stride, pad, cols, plane, colOff);
                int yOff = b * out * plane;
                for (int o = 0; o < out; o++) {
                    java.util.Arrays.fill(y, yOff + o * plane, yOff + (o + 1) * plane, bv[o]);
                }
                Matmul.kernel().multiply(wv, 0, cols, colOff, y, yOff, out, plane, kk, true);
            }
        });
        if (training) {
            cachedShape = x.shape();
            cachedCols = allCols;
            cachedWeights = wv;
        }
        return new Tensor(new int[] {batch, out, os[1], os[2]}, y);
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        int batch = cachedShape[0];
        int h = cachedShape[2];
        int w = cachedShape[3];
        int plane = gradOut.dim(2) * gradOut.dim(3);
        int kk = in * k * k;
        int inSize = in * h * w;
        float[] g = gradOut.data();
        float[] wt = new float[kk * out];
        Matmul.transpose(cachedWeights, 0, out, kk, wt, 0);
        int tasks = tasks(batch);
        float[] partialW = new float[tasks * out * kk];
        float[] partialB = new float[tasks * out];
        float[] dx = new float[batch * inSize];
        float[] cols = cachedCols;
        Parallel.forEach(tasks, t -> {
            float[] dcols = new float[kk * plane];
            for (int b = t * IMAGES_PER_TASK, end = Math.min(batch, b + IMAGES_PER_TASK); b < end; b++) {
                int gOff = b * out * plane;
                DotKernels.vector(g, gOff, cols, b * kk * plane, partialW, t * out * kk, out, kk, plane, true);
                for (int o = 0; o < out; o++) {
                    float s = 0f;
                    for (int p = gOff + o * plane, e = p + plane; p < e; p++) {
                        s += g[p];
                    }
                    partialB[t * out + o] += s;
                }
                Matmul.kernel().multiply(wt, 0, g, gOff, dcols, 0, kk, plane, out, false);
                Im2col.col2im(dcols, plane, 0, in, h, w, k, k, stride, pad, dx, b * inSize);
            }
        });
        float[] gw = weight.grad();
        float[] gb = bias.grad();
        for (int t = 0; t < tasks; t++) {
            for (int i = 0; i < gw.length; i++) {
                gw[i] += partialW[t * gw.length + i];
            }
            for (int o = 0; o < out; o++) {
                gb[o] += partialB[t * out + o];
            }
        }
        return new Tensor(cachedShape, dx);
    }

    /** Number of fixed groups of {@link #IMAGES_PER_TASK} images a batch splits into. */
    private static int tasks(int batch) {
        return (batch + IMAGES_PER_TASK - 1) / IMAGES_PER_TASK;
    }

    @Override
    public Conv2d copy() {
        Conv2d c = new Conv2d(name, in, out, k, stride, pad);
        System.arraycopy(weight.data(), 0, c.weight.data(), 0, weight.size());
        System.arraycopy(bias.data(), 0, c.bias.data(), 0, bias.size());
        return c;
    }
}
