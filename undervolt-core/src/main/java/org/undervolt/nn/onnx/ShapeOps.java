package org.undervolt.nn.onnx;

import java.util.Arrays;

/** Reshape, Flatten, Transpose and Constant: ops that move or produce data without arithmetic. */
final class ShapeOps {
    private ShapeOps() {
    }

    /**
     * Reshape (opset 5 and later: the shape is the second input, INT64). A 0 copies the input's
     * dimension at that position (unless {@code allowzero = 1}); one -1 is inferred.
     */
    static NdArray[] reshape(OnnxNode node, NdArray[] in, long opset) {
        if (opset < 5) {
            throw new IllegalArgumentException("Reshape-1 (shape as an attribute) not supported; opset 5 or later needed");
        }
        if (in[1] == null) {
            throw new IllegalArgumentException("missing shape input");
        }
        Shapes.requireRank(in[1], 1, "shape");
        return new NdArray[] {in[0].reshape(target(in[0].shape(), in[1].longs(), node.intAttr("allowzero", 0) != 0))};
    }

    /** The output shape of Reshape for input shape {@code s} and requested shape {@code req}. */
    static int[] target(int[] s, long[] req, boolean allowZero) {
        int[] out = new int[req.length];
        int infer = -1;
        long known = 1;
        for (int i = 0; i < req.length; i++) {
            long d = req[i];
            if (d == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("more than one -1 in shape " + Arrays.toString(req));
                }
                infer = i;
                continue;
            }
            if (d == 0 && !allowZero) {
                if (i >= s.length) {
                    throw new IllegalArgumentException("shape " + Arrays.toString(req) + " copies dimension " + i
                            + " of a rank-" + s.length + " input");
                }
                d = s[i];
            }
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("invalid dimension " + d + " in shape " + Arrays.toString(req));
            }
            out[i] = (int) d;
            known *= d;
        }
        long n = NdArray.count(s);
        if (infer >= 0) {
            if (known == 0 || n % known != 0) {
                throw new IllegalArgumentException("cannot reshape " + Arrays.toString(s) + " to " + Arrays.toString(req));
            }
            out[infer] = (int) (n / known);
        } else if (known != n) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(s) + " (" + n + " elements) to "
                    + Arrays.toString(req));
        }
        return out;
    }

    /** Flatten to 2-D at {@code axis} (default 1; negative counts from the end). */
    static NdArray[] flatten(OnnxNode node, NdArray[] in, long opset) {
        int[] s = in[0].shape();
        int axis = Shapes.axis(node.intAttr("axis", 1), s.length, true, "axis");
        return new NdArray[] {in[0].reshape(new int[] {Shapes.product(s, 0, axis), Shapes.product(s, axis, s.length)})};
    }

    /** Permutes the axes ({@code perm}, default reversed). */
    static NdArray[] transpose(OnnxNode node, NdArray[] in, long opset) {
        int[] s = in[0].shape();
        int r = s.length;
        int[] perm = node.intsAttr("perm", null);
        if (perm == null) {
            perm = new int[r];
            for (int i = 0; i < r; i++) {
                perm[i] = r - 1 - i;
            }
        }
        boolean[] seen = new boolean[r];
        if (perm.length != r) {
            throw new IllegalArgumentException("perm " + Arrays.toString(perm) + " does not match rank " + r);
        }
        for (int p : perm) {
            if (p < 0 || p >= r || seen[p]) {
                throw new IllegalArgumentException("perm " + Arrays.toString(perm) + " is not a permutation of 0.." + (r - 1));
            }
            seen[p] = true;
        }
        int[] out = new int[r];
        int[] inStrides = Shapes.strides(s);
        int[] st = new int[r];
        for (int i = 0; i < r; i++) {
            out[i] = s[perm[i]];
            st[i] = inStrides[perm[i]];
        }
        int n = in[0].size();
        int[] src = Shapes.stridedIndex(out, st);
        if (in[0].isFloat()) {
            float[] x = in[0].floats();
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                y[i] = x[src[i]];
            }
            return new NdArray[] {NdArray.of(out, y)};
        }
        long[] x = in[0].longs();
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[src[i]];
        }
        return new NdArray[] {NdArray.ofLongs(out, y)};
    }

    /** Constant: exactly one of {@code value}, {@code value_float(s)}, {@code value_int(s)}. */
    static NdArray[] constant(OnnxNode node, NdArray[] in, long opset) {
        if (node.attributes().size() != 1) {
            throw new IllegalArgumentException("needs exactly one value attribute, has " + node.attributes().keySet());
        }
        OnnxAttribute a = node.attributes().values().iterator().next();
        NdArray v = switch (a.name()) {
            case "value" -> a.t();
            case "value_float" -> NdArray.of(new int[0], new float[] {node.floatAttr("value_float", 0)});
            case "value_floats" -> {
                if (a.type() != OnnxAttribute.FLOATS) {
                    throw new IllegalArgumentException("value_floats must be FLOATS");
                }
                float[] f = a.floats().clone();
                yield NdArray.of(new int[] {f.length}, f);
            }
            case "value_int" -> NdArray.ofLongs(new int[0], new long[] {node.intAttr("value_int", 0)});
            case "value_ints" -> {
                long[] l = node.intsAttr("value_ints");
                yield NdArray.ofLongs(new int[] {l.length}, l);
            }
            default -> throw new IllegalArgumentException("value attribute '" + a.name() + "' not supported");
        };
        if (v == null) {
            throw new IllegalArgumentException("attribute " + a.name() + " has the wrong type");
        }
        return new NdArray[] {v};
    }
}
