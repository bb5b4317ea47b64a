package org.undervolt.nn.onnx;

/** Add (with broadcasting), Relu, Clip, Softmax, Identity and inference-mode Dropout. */
final class ElementwiseOps {
    private ElementwiseOps() {
    }

    /** {@code C = A + B} with multidirectional broadcasting (Add-7 and later). */
    static NdArray[] add(OnnxNode node, NdArray[] in, long opset) {
        if (opset < 7 && node.attributes().containsKey("broadcast")) {
            throw new IllegalArgumentException("legacy broadcast attribute (opset < 7) not supported");
        }
        float[] a = in[0].floats();
        float[] b = in[1].floats();
        int[] shape = Shapes.broadcast(in[0].shape(), in[1].shape());
        int n = (int) NdArray.count(shape);
        float[] y = new float[n];
        if (a.length == n && b.length == n) {
            for (int i = 0; i < n; i++) {
                y[i] = a[i] + b[i];
            }
        } else {
            int[] ia = Shapes.broadcastIndex(in[0].shape(), shape);
            int[] ib = Shapes.broadcastIndex(in[1].shape(), shape);
            for (int i = 0; i < n; i++) {
                y[i] = a[ia[i]] + b[ib[i]];
            }
        }
        return new NdArray[] {NdArray.of(shape, y)};
    }

    /** {@code y = min(max(x, lo), hi)}, NaN kept (Clip-1/6 bounds as attributes, Clip-11 and later as inputs 1 and 2). */
    static NdArray[] clip(OnnxNode node, NdArray[] in, long opset) {
        float[] b = clipBounds(node, in.length > 1 ? in[1] : null, in.length > 2 ? in[2] : null, opset);
        float[] x = in[0].floats();
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            float v = x[i];
            y[i] = v < b[0] ? b[0] : v > b[1] ? b[1] : v;
        }
        return new NdArray[] {NdArray.of(in[0].shape(), y)};
    }

    /**
     * Clip's {@code [min, max]}: from the attributes before opset 11, else from the optional scalar inputs
     * {@code lo} and {@code hi} (null when absent); an absent bound is unbounded (ONNX operator spec, Clip).
     */
    static float[] clipBounds(OnnxNode node, NdArray lo, NdArray hi, long opset) {
        if (opset < 11) {
            return new float[] {node.floatAttr("min", Float.NEGATIVE_INFINITY), node.floatAttr("max", Float.POSITIVE_INFINITY)};
        }
        return new float[] {scalar(lo, "min", Float.NEGATIVE_INFINITY), scalar(hi, "max", Float.POSITIVE_INFINITY)};
    }

    private static float scalar(NdArray a, String what, float absent) {
        if (a == null) {
            return absent;
        }
        if (a.floats().length != 1) {
            throw new IllegalArgumentException("Clip's " + what + " must be a scalar, got " + a.floats().length + " values");
        }
        return a.floats()[0];
    }

    static NdArray[] relu(OnnxNode node, NdArray[] in, long opset) {
        float[] x = in[0].floats();
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] > 0f ? x[i] : (Float.isNaN(x[i]) ? x[i] : 0f);
        }
        return new NdArray[] {NdArray.of(in[0].shape(), y)};
    }

    /**
     * Softmax. From opset 13 it normalises along one axis (default -1); before, the input is
     * viewed as 2-D at {@code axis} (default 1) and each row of {@code prod(dims[axis:])} values
     * is normalised. Computed as {@code exp(x - max) / sum}, in double.
     */
    static NdArray[] softmax(OnnxNode node, NdArray[] in, long opset) {
        int[] s = in[0].shape();
        boolean perAxis = opset >= 13;
        int axis = Shapes.axis(node.intAttr("axis", perAxis ? -1 : 1), s.length, false, "axis");
        int outer = Shapes.product(s, 0, axis);
        int n = perAxis ? s[axis] : Shapes.product(s, axis, s.length);
        int inner = perAxis ? Shapes.product(s, axis + 1, s.length) : 1;
        float[] x = in[0].floats();
        float[] y = new float[x.length];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) {
                int base = o * n * inner + j;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < n; k++) {
                    max = Math.max(max, x[base + k * inner]);
                }
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += Math.exp(x[base + k * inner] - max);
                }
                for (int k = 0; k < n; k++) {
                    y[base + k * inner] = (float) (Math.exp(x[base + k * inner] - max) / sum);
                }
            }
        }
        return new NdArray[] {NdArray.of(s, y)};
    }

    static NdArray[] identity(OnnxNode node, NdArray[] in, long opset) {
        return new NdArray[] {in[0]};
    }

    /** Dropout at inference: the identity; a training-mode flag or the mask output is rejected. */
    static NdArray[] dropout(OnnxNode node, NdArray[] in, long opset) {
        if (node.outputs().size() > 1 || node.hasInput(2) || node.intAttr("is_test", 1) == 0) {
            throw new IllegalArgumentException("only inference-mode Dropout (one output, no training_mode) is supported");
        }
        return new NdArray[] {in[0]};
    }
}
