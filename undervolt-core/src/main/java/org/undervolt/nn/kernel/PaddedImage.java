package org.undervolt.nn.kernel;

/**
 * The zero-padded image buffer a stride-1 convolution multiplies in place ({@link ShiftedRowsGemm}): each
 * channel of an {@code in × h × w} image padded to {@code hp × wp}, outputs computed on a grid as wide as the
 * padded image ({@code oh × wp}, rounded up to whole vectors), with slack after the image so that every
 * column-matrix row of that grid ({@code rows[(c·k + i)·k + j] = (c·hp + i)·wp + j}, {@link #roundedWide} long)
 * can be read. Output {@code (oy, ox)} of channel {@code o} sits at {@code o·roundedWide + oy·wp + ox}; the
 * other columns of the wide grid are dropped.
 */
public final class PaddedImage {
    /** Padded height and width. */
    public final int hp;
    public final int wp;
    /** Outputs on the wide grid, {@code oh · wp}. */
    public final int wide;
    /** {@link #wide} rounded up to whole vectors of {@link ShiftedRowsGemm#LANES}. */
    public final int roundedWide;
    /** Floats the buffer needs. */
    public final int size;
    /** Start of each column-matrix row in the buffer. */
    public final int[] rows;
    private final int in;
    private final int h;
    private final int w;
    private final int pad;

    /** The buffer of an {@code in × h × w} image under a {@code k × k} kernel, stride 1, zero padding {@code pad}. */
    public PaddedImage(int in, int h, int w, int k, int pad) {
        this.in = in;
        this.h = h;
        this.w = w;
        this.pad = pad;
        hp = h + 2 * pad;
        wp = w + 2 * pad;
        wide = (hp - k + 1) * wp;
        int lanes = ShiftedRowsGemm.LANES;
        roundedWide = (wide + lanes - 1) / lanes * lanes;
        size = in * hp * wp + k + roundedWide - wide;
        rows = new int[in * k * k];
        for (int ch = 0; ch < in; ch++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    rows[(ch * k + i) * k + j] = (ch * hp + i) * wp + j;
                }
            }
        }
    }

    /** Copies image {@code b} of {@code x} into the interior of {@code padded} (its border is left as it is: zero). */
    public void copyIn(float[] x, int b, float[] padded) {
        for (int ch = 0; ch < in; ch++) {
            for (int r = 0; r < h; r++) {
                System.arraycopy(x, ((b * in + ch) * h + r) * w, padded, (ch * hp + r + pad) * wp + pad, w);
            }
        }
    }

    /** As {@link #copyIn(float[], int, float[])} for int8 values, each written as the float of the same value. */
    public void copyIn(byte[] x, int b, float[] padded) {
        for (int ch = 0; ch < in; ch++) {
            for (int r = 0; r < h; r++) {
                int src = ((b * in + ch) * h + r) * w;
                int dst = (ch * hp + r + pad) * wp + pad;
                for (int c = 0; c < w; c++) {
                    padded[dst + c] = x[src + c];
                }
            }
        }
    }
}
