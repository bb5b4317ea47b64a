package org.undervolt.nn.layer;

import java.util.List;
import java.util.SplittableRandom;

import org.undervolt.nn.kernel.Im2col;
import org.undervolt.nn.kernel.Matmul;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.tensor.Tensor;

/**
 * 2-D convolution (cross-correlation, as in PyTorch) with a square kernel, stride and zero padding.
 * Weight {@code [out, in, k, k]}, bias {@code [out]}; input {@code [batch, in, H, W]}, output
 * {@code [batch, out, OH, OW]} with {@code OH = (H + 2·pad − k) / stride + 1}.
 *
 * <p>The whole batch is unfolded by {@link Im2col} into one {@code (in·k·k) × (batch·OH·OW)} matrix,
 * so the forward pass and both gradients are single multi-threaded matrix products.
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
        int n = batch * plane;
        float[] cols = new float[kk * n];
        float[] xd = x.data();
        Parallel.forEach(batch, b -> Im2col.im2col(xd, b * in * h * w, in, h, w, k, k, stride, pad, cols, n, b * plane));
        float[] wv = ctx.hooks().weights(site, weight);
        float[] bv = ctx.hooks().weights(site, bias);
        float[] yt = new float[out * n];
        Matmul.multiply(wv, 0, cols, 0, yt, 0, out, n, kk, false);
        float[] y = new float[yt.length];
        Parallel.forEach(batch, b -> {
            for (int o = 0; o < out; o++) {
                int src = o * n + b * plane;
                int dst = (b * out + o) * plane;
                float bo = bv[o];
                for (int p = 0; p < plane; p++) {
                    y[dst + p] = yt[src + p] + bo;
                }
            }
        });
        if (ctx.training()) {
            cachedShape = x.shape();
            cachedCols = cols;
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
        int n = batch * plane;
        float[] g = gradOut.data();
        float[] gt = new float[out * n];
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                System.arraycopy(g, (b * out + o) * plane, gt, o * n + b * plane, plane);
            }
        }
        Matmul.multiplyBt(gt, 0, cachedCols, 0, weight.grad(), 0, out, kk, n, true);
        float[] gb = bias.grad();
        for (int o = 0; o < out; o++) {
            float s = gb[o];
            for (int i = o * n, end = i + n; i < end; i++) {
                s += gt[i];
            }
            gb[o] = s;
        }
        float[] dcols = new float[kk * n];
        Matmul.multiplyAt(cachedWeights, 0, gt, 0, dcols, 0, kk, n, out, false);
        float[] dx = new float[batch * in * h * w];
        Parallel.forEach(batch, b -> Im2col.col2im(dcols, n, b * plane, in, h, w, k, k, stride, pad, dx, b * in * h * w));
        return new Tensor(cachedShape, dx);
    }

    @Override
    public Conv2d copy() {
        Conv2d c = new Conv2d(name, in, out, k, stride, pad);
        System.arraycopy(weight.data(), 0, c.weight.data(), 0, weight.size());
        System.arraycopy(bias.data(), 0, c.bias.data(), 0, bias.size());
        return c;
    }
}
