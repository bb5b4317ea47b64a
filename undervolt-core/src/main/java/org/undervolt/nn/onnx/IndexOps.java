package org.undervolt.nn.onnx;

import java.util.Arrays;

/**
 * Shape, Gather, Unsqueeze and Concat: the ops exporters emit to compute a reshape target from
 * an activation's shape (PyTorch's {@code x.view(x.size(0), -1)}). They work on FLOAT and INT64.
 */
final class IndexOps {
    private IndexOps() {
    }

    /** The input's shape as INT64 (opset 15 {@code start}/{@code end} select a slice of it). */
    static NdArray[] shape(OnnxNode node, NdArray[] in, long opset) {
        int[] s = in[0].shape();
        int r = s.length;
        int start = clampAxis(node.intAttr("start", 0), r);
        int end = clampAxis(node.intAttr("end", r), r);
        long[] v = new long[Math.max(0, end - start)];
        for (int i = 0; i < v.length; i++) {
            v[i] = s[start + i];
        }
        return new NdArray[] {NdArray.ofLongs(new int[] {v.length}, v)};
    }

    private static int clampAxis(long a, int r) {
        long v = a < 0 ? a + r : a;
        return (int) Math.max(0, Math.min(r, v));
    }

    /** Gather along {@code axis}: {@code out = data[..., indices, ...]}; negative indices count from the end. */
    static NdArray[] gather(OnnxNode node, NdArray[] in, long opset) {
        int[] ds = in[0].shape();
        int axis = Shapes.axis(node.intAttr("axis", 0), ds.length, false, "axis");
        long[] idx = in[1].longs();
        int[] is = in[1].shape();
        int outer = Shapes.product(ds, 0, axis);
        int inner = Shapes.product(ds, axis + 1, ds.length);
        int n = ds[axis];
        int[] os = new int[ds.length - 1 + is.length];
        System.arraycopy(ds, 0, os, 0, axis);
        System.arraycopy(is, 0, os, axis, is.length);
        System.arraycopy(ds, axis + 1, os, axis + is.length, ds.length - axis - 1);
        int[] src = new int[outer * idx.length * inner];
        int p = 0;
        for (int o = 0; o < outer; o++) {
            for (long k : idx) {
                if (k < -n || k >= n) {
                    throw new IllegalArgumentException("index " + k + " out of range for dimension " + n);
                }
                int kk = (int) (k < 0 ? k + n : k);
                for (int i = 0; i < inner; i++) {
                    src[p++] = (o * n + kk) * inner + i;
                }
            }
        }
        return new NdArray[] {take(in[0], os, src)};
    }

    /** Inserts size-1 dimensions at {@code axes} (an attribute before opset 13, the second input from 13). */
    static NdArray[] unsqueeze(OnnxNode node, NdArray[] in, long opset) {
        long[] axes = opset >= 13 ? (in.length > 1 && in[1] != null ? in[1].longs() : null) : node.intsAttr("axes");
        if (axes == null) {
            throw new IllegalArgumentException("axes required");
        }
        int[] s = in[0].shape();
        int r = s.length + axes.length;
        boolean[] inserted = new boolean[r];
        for (long a : axes) {
            int ax = Shapes.axis(a, r, false, "axis");
            if (inserted[ax]) {
                throw new IllegalArgumentException("axis " + a + " repeated");
            }
            inserted[ax] = true;
        }
        int[] out = new int[r];
        for (int i = 0, j = 0; i < r; i++) {
            out[i] = inserted[i] ? 1 : s[j++];
        }
        return new NdArray[] {in[0].reshape(out)};
    }

    /** Concatenates along {@code axis}; every other dimension must agree. */
    static NdArray[] concat(OnnxNode node, NdArray[] in, long opset) {
        int[] s0 = in[0].shape();
        if (!node.attributes().containsKey("axis")) {
            throw new IllegalArgumentException("attribute axis required");
        }
        int axis = Shapes.axis(node.intAttr("axis", 0), s0.length, false, "axis");
        int total = 0;
        for (NdArray a : in) {
            int[] s = a.shape();
            if (s.length != s0.length || a.elemType() != in[0].elemType()) {
                throw new IllegalArgumentException("inputs differ in rank or type: " + Arrays.toString(in));
            }
            for (int d = 0; d < s.length; d++) {
                if (d != axis && s[d] != s0[d]) {
                    throw new IllegalArgumentException("inputs differ outside axis " + axis + ": " + Arrays.toString(in));
                }
            }
            total += s[axis];
        }
        int[] os = s0.clone();
        os[axis] = total;
        int outer = Shapes.product(s0, 0, axis);
        int inner = Shapes.product(s0, axis + 1, s0.length);
        NdArray[] parts = in;
        int[] src = new int[outer * total * inner];
        int[] which = new int[src.length];
        int p = 0;
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < parts.length; k++) {
                int len = parts[k].dim(axis) * inner;
                for (int i = 0; i < len; i++) {
                    which[p] = k;
                    src[p++] = o * len + i;
                }
            }
        }
        if (in[0].isFloat()) {
            float[] y = new float[src.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = parts[which[i]].floats()[src[i]];
            }
            return new NdArray[] {NdArray.of(os, y)};
        }
        long[] y = new long[src.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = parts[which[i]].longs()[src[i]];
        }
        return new NdArray[] {NdArray.ofLongs(os, y)};
    }

    private static NdArray take(NdArray a, int[] shape, int[] src) {
        if (a.isFloat()) {
            float[] x = a.floats();
            float[] y = new float[src.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = x[src[i]];
            }
            return NdArray.of(shape, y);
        }
        long[] x = a.longs();
        long[] y = new long[src.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[src[i]];
        }
        return NdArray.ofLongs(shape, y);
    }
}
