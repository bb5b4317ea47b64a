package org.undervolt.nn.kernel;

/**
 * Unfolds convolution windows into columns so that a convolution becomes one matrix product
 * (Chellapilla, Puri and Simard, "High performance convolutional neural networks for document
 * processing", 2006).
 *
 * <p>For an image {@code [C, H, W]} and a {@code kh × kw} kernel with the given stride and zero
 * padding, the column matrix has {@code C·kh·kw} rows (row {@code (c·kh + i)·kw + j}) and one column
 * per output position. Several images share one matrix: image {@code b} fills columns
 * {@code [b·OH·OW, (b+1)·OH·OW)} of a matrix whose rows are {@code ld} columns long.
 */
public final class Im2col {
    private Im2col() {
    }

    /** Output size along one axis. */
    public static int outSize(int in, int k, int stride, int pad) {
        return (in + 2 * pad - k) / stride + 1;
    }

    /** Writes the columns of image {@code x[xOff..]} into {@code cols} starting at column {@code col0}. */
    public static void im2col(float[] x, int xOff, int c, int h, int w, int kh, int kw, int stride, int pad,
                              float[] cols, int ld, int col0) {
        int oh = outSize(h, kh, stride, pad);
        int ow = outSize(w, kw, stride, pad);
        for (int j = 0; j < kw; j++) {
            // output columns whose input column ox*stride - pad + j lies inside [0, w)
            int lo = Math.min(ow, Math.max(0, ceilDiv(pad - j, stride)));
            int hi = Math.max(lo, Math.min(ow, ceilDiv(w + pad - j, stride)));
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < kh; i++) {
                    int row = ((ch * kh + i) * kw + j) * ld + col0;
                    for (int oy = 0; oy < oh; oy++) {
                        int y = oy * stride - pad + i;
                        int dst = row + oy * ow;
                        if (y < 0 || y >= h) {
                            java.util.Arrays.fill(cols, dst, dst + ow, 0f);
                            continue;
                        }
                        int src = xOff + (ch * h + y) * w - pad + j;
                        java.util.Arrays.fill(cols, dst, dst + lo, 0f);
                        if (stride == 1) {
                            System.arraycopy(x, src + lo, cols, dst + lo, hi - lo);
                        } else {
                            for (int ox = lo; ox < hi; ox++) {
                                cols[dst + ox] = x[src + ox * stride];
                            }
                        }
                        java.util.Arrays.fill(cols, dst + hi, dst + ow, 0f);
                    }
                }
            }
        }
    }

    /** {@code ceil(a / b)} for {@code b > 0} and any sign of {@code a}. */
    static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    /**
     * Adds the columns back onto image gradient {@code dx[xOff..]} (the adjoint of {@link #im2col}).
     * Each input element receives its contributions in a fixed order (channel, kernel row, kernel column, output position).
     */
    public static void col2im(float[] cols, int ld, int col0, int c, int h, int w, int kh, int kw, int stride, int pad,
                              float[] dx, int xOff) {
        int oh = outSize(h, kh, stride, pad);
        int ow = outSize(w, kw, stride, pad);
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    int row = ((ch * kh + i) * kw + j) * ld + col0;
                    for (int oy = 0; oy < oh; oy++) {
                        int y = oy * stride - pad + i;
                        if (y < 0 || y >= h) {
                            continue;
                        }
                        int src = row + oy * ow;
                        int dst = xOff + (ch * h + y) * w;
                        for (int ox = 0; ox < ow; ox++) {
                            int xx = ox * stride - pad + j;
                            if (xx >= 0 && xx < w) {
                                dx[dst + xx] += cols[src + ox];
                            }
                        }
                    }
                }
            }
        }
    }
}
