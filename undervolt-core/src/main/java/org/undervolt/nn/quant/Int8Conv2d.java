package org.undervolt.nn.quant;

import org.undervolt.nn.kernel.Im2col;
import org.undervolt.nn.kernel.PaddedImage;
import org.undervolt.nn.kernel.Scratch;
import org.undervolt.nn.kernel.ShiftedRowsGemm;

/**
 * 2-D convolution on the integer datapath: each image's int8 windows are unfolded (zero padding
 * is the int8 value 0, i.e. real 0) and multiplied with the int8 weights {@code [out, in·k·k]}
 * ({@code [out, in, k, k]}) into int32 accumulators, plus the int32 bias, then requantised to int8 with
 * the ReLU fused.
 *
 * <p>A stride-1 convolution of at most {@value FloatExactInt8Gemm#EXACT_TERMS} terms per output (LeNet-5's) runs
 * on the single-precision kernel instead, in place on a zero-padded copy of each image ({@link ShiftedRowsGemm}):
 * every product of two int8 values and every partial sum of that many of them is an integer a float holds
 * exactly ({@link FloatExactInt8Gemm}), so the accumulators are the int32 ones bit for bit, at 16 fused
 * multiply-adds an instruction and with no column matrix to build.
 */
public final class Int8Conv2d extends Int8Weighted {
    private final int in;
    private final int out;
    private final int k;
    private final int stride;
    private final int pad;

    Int8Conv2d(String name, int in, int out, int k, int stride, int pad, byte[] weights, int[] bias,
               Requantizer requantizer, float outScale) {
        super(name, weights, bias, requantizer, outScale);
        this.in = in;
        this.out = out;
        this.k = k;
        this.stride = stride;
        this.pad = pad;
    }

    @Override
    public QTensor forward(QTensor x) {
        int batch = x.shape()[0];
        int h = x.shape()[2];
        int w = x.shape()[3];
        int oh = Im2col.outSize(h, k, stride, pad);
        int ow = Im2col.outSize(w, k, stride, pad);
        int plane = oh * ow;
        int kk = in * k * k;
        if (stride == 1 && kk <= FloatExactInt8Gemm.EXACT_TERMS) {
            return forwardShifted(x, batch, h, w, oh, ow);
        }
        byte[] cols = new byte[kk * plane];
        int[] acc = new int[out * plane];
        byte[] y = new byte[batch * out * plane];
        byte[] xd = x.data();
        for (int b = 0; b < batch; b++) {
            im2col(xd, b * in * h * w, in, h, w, k, stride, pad, oh, ow, cols);
            Int8Gemm.vector(weights, 0, cols, 0, acc, 0, out, plane, kk);
            int yOff = b * out * plane;
            for (int o = 0; o < out; o++) {
                requantizer.applyAll(acc, o * plane, bias[o], y, yOff + o * plane, plane);
            }
        }
        return new QTensor(new int[] {batch, out, oh, ow}, y, outScale);
    }

    /** Stride 1, exact on floats: see the class comment. */
    private QTensor forwardShifted(QTensor x, int batch, int h, int w, int oh, int ow) {
        PaddedImage grid = new PaddedImage(in, h, w, k, pad);
        int n = grid.roundedWide;
        int plane = oh * ow;
        int kk = in * k * k;
        float[] padded = Scratch.floats(0, grid.size);
        float[] acc = Scratch.floats(1, out * n);
        float[] wf = Scratch.floats(2, out * kk);
        java.util.Arrays.fill(padded, 0, grid.size, 0f);
        FloatExactInt8Gemm.widen(weights, 0, wf, 0, out * kk);
        byte[] xd = x.data();
        byte[] y = new byte[batch * out * plane];
        int[] sums = new int[plane]; // one channel's accumulators, cropped from the wide grid
        for (int b = 0; b < batch; b++) {
            grid.copyIn(xd, b, padded);
            ShiftedRowsGemm.multiply(wf, 0, padded, grid.rows, acc, 0, out, n, kk, false);
            for (int o = 0; o < out; o++) {
                for (int oy = 0; oy < oh; oy++) {
                    int from = o * n + oy * grid.wp;
                    int to = oy * ow;
                    for (int ox = 0; ox < ow; ox++) {
                        sums[to + ox] = (int) acc[from + ox];
                    }
                }
                requantizer.applyAll(sums, 0, bias[o], y, (b * out + o) * plane, plane);
            }
        }
        return new QTensor(new int[] {batch, out, oh, ow}, y, outScale);
    }

    /** The int8 twin of {@link Im2col#im2col} for one image (columns {@code [in·k·k, oh·ow]}). */
    static void im2col(byte[] x, int xOff, int in, int h, int w, int k, int stride, int pad, int oh, int ow,
                       byte[] cols) {
        for (int j = 0; j < k; j++) {
            // output columns whose input column ox*stride - pad + j lies inside [0, w)
            int lo = Math.min(ow, Math.max(0, -Math.floorDiv(j - pad, stride)));
            int hi = Math.max(lo, Math.min(ow, -Math.floorDiv(-(w + pad - j), stride)));
            for (int ch = 0; ch < in; ch++) {
                for (int i = 0; i < k; i++) {
                    int row = ((ch * k + i) * k + j) * oh * ow;
                    for (int oy = 0; oy < oh; oy++) {
                        int yy = oy * stride - pad + i;
                        int dst = row + oy * ow;
                        if (yy < 0 || yy >= h) {
                            java.util.Arrays.fill(cols, dst, dst + ow, (byte) 0);
                            continue;
                        }
                        int src = xOff + (ch * h + yy) * w - pad + j;
                        java.util.Arrays.fill(cols, dst, dst + lo, (byte) 0);
                        if (stride == 1) {
                            System.arraycopy(x, src + lo, cols, dst + lo, hi - lo);
                        } else {
                            for (int ox = lo; ox < hi; ox++) {
                                cols[dst + ox] = x[src + ox * stride];
                            }
                        }
                        java.util.Arrays.fill(cols, dst + hi, dst + ow, (byte) 0);
                    }
                }
            }
        }
    }

    @Override
    public Int8Conv2d copy() {
        return new Int8Conv2d(name(), in, out, k, stride, pad, weights.clone(), bias.clone(), requantizer, outScale);
    }
}
