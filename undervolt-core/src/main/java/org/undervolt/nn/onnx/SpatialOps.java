package org.undervolt.nn.onnx;

/** Conv, MaxPool, AveragePool and GlobalAveragePool on {@code [N, C, H, W]} inputs (direct loops). */
final class SpatialOps {
    private SpatialOps() {
    }

    /** Conv: weight {@code [M, C/group, kh, kw]}, optional bias {@code [M]}, zero padding, any stride, dilation and group. */
    static NdArray[] conv(OnnxNode node, NdArray[] in, long opset) {
        Shapes.requireRank(in[1], 4, "W");
        int[] xs = in[0].shape();
        int[] ws = in[1].shape();
        Window w = Window.of(node, xs, new int[] {ws[2], ws[3]}, false);
        int group = (int) node.intAttr("group", 1);
        int n = xs[0];
        int c = xs[1];
        int m = ws[0];
        if (group <= 0 || c % group != 0 || m % group != 0 || ws[1] != c / group) {
            throw new IllegalArgumentException("W " + in[1] + " does not fit " + c + " input channels in " + group + " group(s)");
        }
        float[] bias = null;
        if (in.length > 2 && in[2] != null) {
            if (in[2].size() != m) {
                throw new IllegalArgumentException("B must hold " + m + " values, got " + in[2]);
            }
            bias = in[2].floats();
        }
        int cg = c / group;
        int mg = m / group;
        int h = xs[2];
        int wd = xs[3];
        int oh = w.out()[0];
        int ow = w.out()[1];
        int kh = ws[2];
        int kw = ws[3];
        float[] x = in[0].floats();
        float[] wt = in[1].floats();
        float[] y = new float[n * m * oh * ow];
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < m; o++) {
                int g = o / mg;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        double s = bias == null ? 0 : bias[o];
                        for (int ci = 0; ci < cg; ci++) {
                            int xc = ((b * c) + g * cg + ci) * h * wd;
                            int wo = ((o * cg) + ci) * kh * kw;
                            for (int i = 0; i < kh; i++) {
                                int iy = w.source(0, oy, i);
                                if (iy < 0 || iy >= h) {
                                    continue;
                                }
                                for (int j = 0; j < kw; j++) {
                                    int ix = w.source(1, ox, j);
                                    if (ix >= 0 && ix < wd) {
                                        s += (double) x[xc + iy * wd + ix] * wt[wo + i * kw + j];
                                    }
                                }
                            }
                        }
                        y[((b * m + o) * oh + oy) * ow + ox] = (float) s;
                    }
                }
            }
        }
        return new NdArray[] {NdArray.of(new int[] {n, m, oh, ow}, y)};
    }

    static NdArray[] maxPool(OnnxNode node, NdArray[] in, long opset) {
        if (node.outputs().size() > 1) {
            throw new IllegalArgumentException("the Indices output is not supported");
        }
        return pool(node, in[0], true);
    }

    static NdArray[] averagePool(OnnxNode node, NdArray[] in, long opset) {
        return pool(node, in[0], false);
    }

    /**
     * Max or average over each window. Max ignores padding; average divides by the number of taps
     * inside the input ({@code count_include_pad = 0}, the default) or inside the padded input.
     */
    private static NdArray[] pool(OnnxNode node, NdArray x, boolean max) {
        int[] k = node.intsAttr("kernel_shape", null);
        if (k == null || k.length != 2) {
            throw new IllegalArgumentException("kernel_shape with 2 values required");
        }
        int[] xs = x.shape();
        Window w = Window.of(node, xs, k, node.intAttr("ceil_mode", 0) != 0);
        boolean includePad = node.intAttr("count_include_pad", 0) != 0;
        int planes = xs[0] * xs[1];
        int h = xs[2];
        int wd = xs[3];
        int oh = w.out()[0];
        int ow = w.out()[1];
        float[] xd = x.floats();
        float[] y = new float[planes * oh * ow];
        for (int p = 0; p < planes; p++) {
            int base = p * h * wd;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    float best = Float.NEGATIVE_INFINITY;
                    double sum = 0;
                    int count = 0;
                    for (int i = 0; i < k[0]; i++) {
                        int iy = w.source(0, oy, i);
                        boolean rowIn = iy >= 0 && iy < h;
                        boolean rowPadded = iy >= -w.padBegin()[0] && iy < h + w.padEnd()[0];
                        for (int j = 0; j < k[1]; j++) {
                            int ix = w.source(1, ox, j);
                            boolean in = rowIn && ix >= 0 && ix < wd;
                            if (in) {
                                float v = xd[base + iy * wd + ix];
                                sum += v;
                                if (v > best || Float.isNaN(v)) {
                                    best = v;
                                }
                            }
                            if (includePad ? rowPadded && ix >= -w.padBegin()[1] && ix < wd + w.padEnd()[1] : in) {
                                count++;
                            }
                        }
                    }
                    y[(p * oh + oy) * ow + ox] = max ? best : (float) (sum / count);
                }
            }
        }
        return new NdArray[] {NdArray.of(new int[] {xs[0], xs[1], oh, ow}, y)};
    }

    /** Mean over all spatial positions of each channel: {@code [N, C, d1, ...] -> [N, C, 1, ...]}. */
    static NdArray[] globalAveragePool(OnnxNode node, NdArray[] in, long opset) {
        int[] s = in[0].shape();
        if (s.length < 3) {
            throw new IllegalArgumentException("X must have rank 3 or more, got " + in[0]);
        }
        int planes = s[0] * s[1];
        int plane = Shapes.product(s, 2, s.length);
        float[] x = in[0].floats();
        float[] y = new float[planes];
        for (int p = 0; p < planes; p++) {
            double sum = 0;
            for (int i = p * plane; i < (p + 1) * plane; i++) {
                sum += x[i];
            }
            y[p] = (float) (sum / plane);
        }
        int[] out = new int[s.length];
        java.util.Arrays.fill(out, 1);
        out[0] = s[0];
        out[1] = s[1];
        return new NdArray[] {NdArray.of(out, y)};
    }
}
