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
    private boolean cachedWide;

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
        if (stride == 1) {
            int wide = os[1] * (w + 2 * pad);
            float[] wideCols = training ? new float[batch * kk * wide] : null;
            forwardWide(xd, batch, h, w, os[1], os[2], wv, bv, y, wideCols);
            if (training) {
                cachedShape = x.shape();
                cachedCols = wideCols;
                cachedWeights = wv;
                cachedWide = true;
            }
            return new Tensor(new int[] {batch, out, os[1], os[2]}, y);
        }
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
            cachedWide = false;
        }
        return new Tensor(new int[] {batch, out, os[1], os[2]}, y);
    }

    /**
     * Stride 1 on a zero-padded copy of each image ({@code hp × wp}): computing the outputs on a grid
     * as wide as the padded image ({@code oh × wp}) makes every row of the column matrix one
     * contiguous slice of it, copied in one go; the extra {@code wp − ow} columns of each output row
     * are computed and dropped. Each kept output is computed exactly as in the general path (bias,
     * then FMAs in the same order). In training the column matrices are kept in {@code allCols}.
     */
    private void forwardWide(float[] xd, int batch, int h, int w, int oh, int ow, float[] wv, float[] bv, float[] y,
                             float[] allCols) {
        int hp = h + 2 * pad;
        int wp = w + 2 * pad;
        int wide = oh * wp;
        int kk = in * k * k;
        int plane = oh * ow;
        Parallel.forEach(tasks(batch), t -> {
            float[] padded = new float[in * hp * wp + k];
            float[] scratch = allCols == null ? new float[kk * wide] : null;
            float[] acc = new float[out * wide];
            for (int b = t * IMAGES_PER_TASK, end = Math.min(batch, b + IMAGES_PER_TASK); b < end; b++) {
                float[] cols = allCols == null ? scratch : allCols;
                int colOff = allCols == null ? 0 : b * kk * wide;
                for (int ch = 0; ch < in; ch++) {
                    for (int r = 0; r < h; r++) {
                        System.arraycopy(xd, ((b * in + ch) * h + r) * w, padded, (ch * hp + r + pad) * wp + pad, w);
                    }
                }
                for (int ch = 0; ch < in; ch++) {
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            System.arraycopy(padded, (ch * hp + i) * wp + j, cols, colOff + ((ch * k + i) * k + j) * wide, wide);
                        }
                    }
                }
                for (int o = 0; o < out; o++) {
                    java.util.Arrays.fill(acc, o * wide, (o + 1) * wide, bv[o]);
                }
                Matmul.kernel().multiply(wv, 0, cols, colOff, acc, 0, out, wide, kk, true);
                for (int o = 0; o < out; o++) {
                    for (int oy = 0; oy < oh; oy++) {
                        System.arraycopy(acc, o * wide + oy * wp, y, (b * out + o) * plane + oy * ow, ow);
                    }
                }
            }
        });
    }

    /**
     * Backward of {@link #forwardWide}: the output gradient is spread onto the wide grid (zeros in the
     * dropped columns, so they add nothing to the weight gradient), and the input gradient is
     * accumulated on the padded grid with one contiguous add per column-matrix row, then cropped.
     */
    private Tensor backwardWide(Tensor gradOut) {
        int batch = cachedShape[0];
        int h = cachedShape[2];
        int w = cachedShape[3];
        int oh = gradOut.dim(2);
        int ow = gradOut.dim(3);
        int hp = h + 2 * pad;
        int wp = w + 2 * pad;
        int wide = oh * wp;
        int plane = oh * ow;
        int kk = in * k * k;
        float[] g = gradOut.data();
        float[] wt = new float[kk * out];
        Matmul.transpose(cachedWeights, 0, out, kk, wt, 0);
        int tasks = tasks(batch);
        float[] partialW = new float[tasks * out * kk];
        float[] partialB = new float[tasks * out];
        float[] dx = new float[batch * in * h * w];
        float[] cols = cachedCols;
        Parallel.forEach(tasks, t -> {
            float[] gw = new float[out * wide];
            float[] dcols = new float[kk * wide];
            float[] dpad = new float[in * hp * wp + k];
            for (int b = t * IMAGES_PER_TASK, end = Math.min(batch, b + IMAGES_PER_TASK); b < end; b++) {
                int gOff = b * out * plane;
                for (int o = 0; o < out; o++) {
                    float sum = 0f;
                    for (int oy = 0; oy < oh; oy++) {
                        int src = gOff + o * plane + oy * ow;
                        System.arraycopy(g, src, gw, o * wide + oy * wp, ow);
                        for (int ox = 0; ox < ow; ox++) {
                            sum += g[src + ox];
                        }
                    }
                    partialB[t * out + o] += sum;
                }
                DotKernels.vector(gw, 0, cols, b * kk * wide, partialW, t * out * kk, out, kk, wide, true);
                Matmul.kernel().multiply(wt, 0, gw, 0, dcols, 0, kk, wide, out, false);
                java.util.Arrays.fill(dpad, 0f);
                for (int ch = 0; ch < in; ch++) {
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            int src = ((ch * k + i) * k + j) * wide;
                            int dst = (ch * hp + i) * wp + j;
                            for (int q = 0; q < wide; q++) {
                                dpad[dst + q] += dcols[src + q];
                            }
                        }
                    }
                }
                for (int ch = 0; ch < in; ch++) {
                    for (int r = 0; r < h; r++) {
                        System.arraycopy(dpad, (ch * hp + r + pad) * wp + pad, dx, ((b * in + ch) * h + r) * w, w);
                    }
                }
            }
        });
        addPartials(partialW, partialB, tasks);
        return new Tensor(cachedShape, dx);
    }

    private void addPartials(float[] partialW, float[] partialB, int tasks) {
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
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        if (cachedWide) {
            return backwardWide(gradOut);
        }
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
        addPartials(partialW, partialB, tasks);
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
