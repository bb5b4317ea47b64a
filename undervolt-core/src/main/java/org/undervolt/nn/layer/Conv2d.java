package org.undervolt.nn.layer;

import org.undervolt.nn.kernel.DotKernels;
import org.undervolt.nn.kernel.Elementwise;
import org.undervolt.nn.kernel.Im2col;
import org.undervolt.nn.kernel.Matmul;
import org.undervolt.nn.kernel.PaddedImage;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.kernel.Scratch;
import org.undervolt.nn.kernel.ShiftedRowsGemm;
import org.undervolt.nn.tensor.Tensor;

/**
 * 2-D convolution (cross-correlation, as in PyTorch) with a square kernel, stride and zero padding.
 * Weight {@code [out, in, k, k]}, bias {@code [out]}; input {@code [batch, in, H, W]}, output
 * {@code [batch, out, OH, OW]} with {@code OH = (H + 2·pad − k) / stride + 1}.
 *
 * <p>Images run in parallel in fixed groups of {@value #IMAGES_PER_TASK}. Each group is unfolded by
 * {@link Im2col} into one {@code (in·k·k) × (group·OH·OW)} matrix, so the forward pass is one
 * matrix product per group. Training caches the input, not the column matrices: the backward
 * pass unfolds each image again (a cache-resident copy, cheaper than keeping megabytes per batch).
 * Initialisation: He normal with fan-in {@code in·k·k}; biases zero.
 */
public final class Conv2d extends WeightedLayer {
    private final int in;
    private final int out;
    private final int k;
    private final int stride;
    private final int pad;
    /**
     * Images per parallel task. Weight gradients are summed image by image within a task and then
     * task by task, so this constant (not the thread count) fixes their summation order.
     */
    static final int IMAGES_PER_TASK = 8;
    private int[] cachedShape;
    private float[] cachedInput;
    private float[] cachedWeights;

    public Conv2d(String name, int in, int out, int k, int stride, int pad) {
        super(name, "conv2d", new int[] {in, out, k, stride, pad}, weightShape(name, in, out, k, stride, pad));
        this.in = in;
        this.out = out;
        this.k = k;
        this.stride = stride;
        this.pad = pad;
    }

    private static int[] weightShape(String name, int in, int out, int k, int stride, int pad) {
        if (in <= 0 || out <= 0 || k <= 0 || stride <= 0 || pad < 0) {
            throw new IllegalArgumentException(name + ": need positive channels, kernel, stride and pad >= 0");
        }
        return new int[] {out, in, k, k};
    }

    @Override
    public int[] outputShape(int[] s) {
        if (s.length != 3 || s[0] != in) {
            throw new IllegalArgumentException(name() + ": expects [" + in + ", H, W], got " + java.util.Arrays.toString(s));
        }
        int oh = Im2col.outSize(s[1], k, stride, pad);
        int ow = Im2col.outSize(s[2], k, stride, pad);
        if (oh <= 0 || ow <= 0) {
            throw new IllegalArgumentException(name() + ": input " + s[1] + "x" + s[2] + " too small for kernel " + k);
        }
        return new int[] {out, oh, ow};
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext ctx, HookSite site) {
        int[] os = outputShape(new int[] {x.dim(1), x.dim(2), x.dim(3)});
        int batch = x.dim(0);
        int h = x.dim(2);
        int w = x.dim(3);
        float[] xd = x.data();
        float[] wv = ctx.hooks().weights(site, weight);
        float[] bv = ctx.hooks().weights(site, bias);
        float[] y = new float[batch * out * os[1] * os[2]];
        Parallel.forEach(tasks(batch), t -> {
            int b0 = t * IMAGES_PER_TASK;
            int b1 = Math.min(batch, b0 + IMAGES_PER_TASK);
            if (stride == 1) {
                forwardShifted(xd, b0, b1, h, w, os[1], os[2], wv, bv, y);
            } else {
                forwardImages(xd, b0, b1, h, w, os[1], os[2], wv, bv, y);
            }
        });
        if (ctx.training()) {
            cachedShape = x.shape();
            cachedInput = xd;
            cachedWeights = wv;
        }
        return new Tensor(new int[] {batch, out, os[1], os[2]}, y);
    }

    /**
     * Stride 1: each image is copied into a zero-padded buffer ({@code hp × wp}, plus slack) and
     * multiplied in place ({@link ShiftedRowsGemm}): outputs are computed on a grid as wide as the
     * padded image ({@code oh × wp}, rounded up to whole vectors), whose column-matrix rows are
     * slices of the buffer; the extra columns are dropped. Each kept output is {@code bias} plus the
     * FMAs in order {@code p = 0..in·k·k−1}, as on the other path.
     */
    private void forwardShifted(float[] xd, int b0, int b1, int h, int w, int oh, int ow, float[] wv, float[] bv,
                                float[] y) {
        PaddedImage grid = new PaddedImage(in, h, w, k, pad);
        int n = grid.roundedWide;
        int plane = oh * ow;
        float[] padded = Scratch.floats(0, grid.size);
        float[] acc = Scratch.floats(1, out * n);
        java.util.Arrays.fill(padded, 0, grid.size, 0f);
        for (int b = b0; b < b1; b++) {
            grid.copyIn(xd, b, padded);
            for (int o = 0; o < out; o++) {
                java.util.Arrays.fill(acc, o * n, (o + 1) * n, bv[o]);
            }
            ShiftedRowsGemm.multiply(wv, 0, padded, grid.rows, acc, 0, out, n, in * k * k, true);
            for (int o = 0; o < out; o++) {
                for (int oy = 0; oy < oh; oy++) {
                    System.arraycopy(acc, o * n + oy * grid.wp, y, (b * out + o) * plane + oy * ow, ow);
                }
            }
        }
    }

    /**
     * Images {@code [b0, b1)} as one matrix product: their column matrices side by side
     * ({@code in·k·k} rows, {@code (b1−b0)·OH·OW} columns), so the product is wide enough for whole
     * register tiles. Every output is {@code bias + Σ_p w[o][p]·col[p]} with the FMAs in order
     * {@code p = 0..in·k·k−1}, whatever the grouping.
     */
    private void forwardImages(float[] xd, int b0, int b1, int h, int w, int oh, int ow, float[] wv, float[] bv,
                               float[] y) {
        int plane = oh * ow;
        int ld = (b1 - b0) * plane;
        int kk = in * k * k;
        float[] cols = Scratch.floats(0, kk * ld);
        float[] acc = Scratch.floats(1, out * ld);
        for (int b = b0; b < b1; b++) {
            Im2col.im2col(xd, b * in * h * w, in, h, w, k, k, stride, pad, cols, ld, (b - b0) * plane);
        }
        for (int o = 0; o < out; o++) {
            java.util.Arrays.fill(acc, o * ld, (o + 1) * ld, bv[o]);
        }
        Matmul.kernel().multiply(wv, 0, cols, 0, acc, 0, out, ld, kk, true);
        for (int b = b0; b < b1; b++) {
            for (int o = 0; o < out; o++) {
                System.arraycopy(acc, o * ld + (b - b0) * plane, y, (b * out + o) * plane, plane);
            }
        }
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        return backward(gradOut, true);
    }

    @Override
    public void backwardParametersOnly(Tensor gradOut) {
        backward(gradOut, false);
    }

    private Tensor backward(Tensor gradOut, boolean inputGradient) {
        int batch = cachedShape[0];
        int tasks = tasks(batch);
        float[] partialW = new float[tasks * out * in * k * k];
        float[] partialB = new float[tasks * out];
        float[] dx = inputGradient ? new float[(int) Tensor.size(cachedShape)] : null;
        float[] wt = new float[in * k * k * out];
        Matmul.transpose(cachedWeights, 0, out, in * k * k, wt, 0);
        Parallel.forEach(tasks, t -> {
            int b0 = t * IMAGES_PER_TASK;
            int b1 = Math.min(batch, b0 + IMAGES_PER_TASK);
            if (stride == 1) {
                backwardWide(gradOut, b0, b1, wt, partialW, partialB, t, dx);
            } else {
                backwardPlain(gradOut, b0, b1, wt, partialW, partialB, t, dx);
            }
        });
        addPartials(partialW, partialB, tasks);
        return inputGradient ? new Tensor(cachedShape, dx) : null;
    }

    /**
     * Stride-1 backward of images {@code [b0, b1)} on a zero-padded copy of each image
     * ({@code hp × wp}): outputs sit on a grid as wide as the padded image ({@code oh × wp}), so
     * every row of the column matrix is one contiguous slice of it. The output gradient is spread
     * onto the wide grid (zeros in the extra {@code wp − ow} columns, which add nothing), weight
     * gradients are dot products over that grid (this layout fixes their rounding), and the input
     * gradient is accumulated on the padded grid with one contiguous add per column-matrix row,
     * then cropped.
     */
    private void backwardWide(Tensor gradOut, int b0, int b1, float[] wt, float[] partialW, float[] partialB, int t,
                              float[] dx) {
        int oh = gradOut.dim(2);
        int ow = gradOut.dim(3);
        PaddedImage grid = new PaddedImage(in, cachedShape[2], cachedShape[3], k, pad);
        int hp = grid.hp;
        int wp = grid.wp;
        int wide = grid.wide;
        int plane = oh * ow;
        int kk = in * k * k;
        int padSize = grid.size;
        float[] g = gradOut.data();
        float[] padded = Scratch.floats(0, padSize);
        float[] gw = Scratch.floats(2, out * wide);
        java.util.Arrays.fill(padded, 0, padSize, 0f);
        java.util.Arrays.fill(gw, 0, out * wide, 0f);
        for (int b = b0; b < b1; b++) {
            grid.copyIn(cachedInput, b, padded);
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
            DotKernels.vectorRows(gw, 0, padded, grid.rows, partialW, t * out * kk, out, kk, wide, true);
            if (dx == null) {
                continue;
            }
            float[] dcols = Scratch.floats(3, kk * wide);
            float[] dpad = Scratch.floats(4, padSize);
            Matmul.kernel().multiply(wt, 0, gw, 0, dcols, 0, kk, wide, out, false);
            java.util.Arrays.fill(dpad, 0, padSize, 0f);
            for (int ch = 0; ch < in; ch++) {
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        int src = ((ch * k + i) * k + j) * wide;
                        Elementwise.addInto(dcols, src, dpad, (ch * hp + i) * wp + j, wide);
                    }
                }
            }
            int h = cachedShape[2];
            int w = cachedShape[3];
            for (int ch = 0; ch < in; ch++) {
                for (int r = 0; r < h; r++) {
                    System.arraycopy(dpad, (ch * hp + r + pad) * wp + pad, dx, ((b * in + ch) * h + r) * w, w);
                }
            }
        }
    }

    /** Backward of images {@code [b0, b1)} for strides above 1, on each image's plain column matrix. */
    private void backwardPlain(Tensor gradOut, int b0, int b1, float[] wt, float[] partialW, float[] partialB, int t,
                               float[] dx) {
        int h = cachedShape[2];
        int w = cachedShape[3];
        int plane = gradOut.dim(2) * gradOut.dim(3);
        int kk = in * k * k;
        int inSize = in * h * w;
        float[] g = gradOut.data();
        float[] cols = Scratch.floats(0, kk * plane);
        float[] dcols = dx == null ? null : Scratch.floats(1, kk * plane);
        for (int b = b0; b < b1; b++) {
            int gOff = b * out * plane;
            Im2col.im2col(cachedInput, b * inSize, in, h, w, k, k, stride, pad, cols, plane, 0);
            DotKernels.vector(g, gOff, cols, 0, partialW, t * out * kk, out, kk, plane, true);
            for (int o = 0; o < out; o++) {
                float s = 0f;
                for (int p = gOff + o * plane, e = p + plane; p < e; p++) {
                    s += g[p];
                }
                partialB[t * out + o] += s;
            }
            if (dx != null) {
                Matmul.kernel().multiply(wt, 0, g, gOff, dcols, 0, kk, plane, out, false);
                Im2col.col2im(dcols, plane, 0, in, h, w, k, k, stride, pad, dx, b * inSize);
            }
        }
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

    /** Number of fixed groups of {@link #IMAGES_PER_TASK} images a batch splits into. */
    private static int tasks(int batch) {
        return (batch + IMAGES_PER_TASK - 1) / IMAGES_PER_TASK;
    }

    @Override
    public Conv2d copy() {
        return withValuesOf(new Conv2d(name(), in, out, k, stride, pad));
    }
}
