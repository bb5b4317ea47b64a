package org.undervolt.nn.onnx;

import java.util.Arrays;

/**
 * The 2-D sliding-window geometry of Conv, MaxPool and AveragePool: kernel, strides, dilations,
 * begin/end padding and output size per spatial axis, from the node's attributes as the ONNX
 * operator specification defines them ({@code auto_pad} NOTSET/VALID/SAME_UPPER/SAME_LOWER,
 * {@code pads = [h_begin, w_begin, h_end, w_end]}, {@code ceil_mode} for pools).
 *
 * <p>With {@code ceil_mode} the output size is rounded up, but a last window that would start
 * inside the end padding is dropped (the rule of ONNX Runtime and PyTorch).
 */
record Window(int[] kernel, int[] strides, int[] dilations, int[] padBegin, int[] padEnd, int[] in, int[] out) {

    /**
     * @param x      input shape {@code [N, C, H, W]}
     * @param kernel kernel size {@code [kh, kw]} (Conv: from the weight if not an attribute)
     * @param ceil   whether ceil_mode is allowed (pools) and set
     */
    static Window of(OnnxNode node, int[] x, int[] kernel, boolean ceil) {
        if (x.length != 4) {
            throw new IllegalArgumentException("only 2-D inputs [N, C, H, W] are supported, got rank " + x.length);
        }
        int[] attrKernel = node.intsAttr("kernel_shape", null);
        if (attrKernel != null && !Arrays.equals(attrKernel, kernel)) {
            throw new IllegalArgumentException("kernel_shape " + Arrays.toString(attrKernel) + " does not match "
                    + Arrays.toString(kernel));
        }
        int[] strides = twoInts(node, "strides");
        int[] dil = twoInts(node, "dilations");
        int[] pads = node.intsAttr("pads", new int[4]);
        if (pads.length != 4) {
            throw new IllegalArgumentException("pads must have 4 values, got " + Arrays.toString(pads));
        }
        String autoPad = node.stringAttr("auto_pad", "NOTSET");
        int[] in = {x[2], x[3]};
        int[] pb = new int[2];
        int[] pe = new int[2];
        int[] out = new int[2];
        for (int i = 0; i < 2; i++) {
            if (kernel[i] <= 0 || strides[i] <= 0 || dil[i] <= 0 || pads[i] < 0 || pads[i + 2] < 0) {
                throw new IllegalArgumentException("kernel, strides and dilations must be positive and pads non-negative");
            }
            int span = (kernel[i] - 1) * dil[i] + 1;
            switch (autoPad) {
                case "NOTSET", "" -> {
                    pb[i] = pads[i];
                    pe[i] = pads[i + 2];
                    int room = in[i] + pb[i] + pe[i] - span;
                    if (room < 0) {
                        throw new IllegalArgumentException("window " + span + " larger than padded input " + (in[i] + pb[i] + pe[i]));
                    }
                    out[i] = room / strides[i] + 1;
                    if (ceil && room % strides[i] != 0) {
                        out[i]++;
                        if ((long) (out[i] - 1) * strides[i] >= in[i] + pb[i]) {
                            out[i]--;
                        }
                    }
                }
                case "VALID" -> {
                    if (in[i] < span) {
                        throw new IllegalArgumentException("window " + span + " larger than input " + in[i]);
                    }
                    out[i] = (in[i] - span) / strides[i] + 1;
                }
                case "SAME_UPPER", "SAME_LOWER" -> {
                    out[i] = (in[i] + strides[i] - 1) / strides[i];
                    int total = Math.max(0, (out[i] - 1) * strides[i] + span - in[i]);
                    pb[i] = autoPad.equals("SAME_UPPER") ? total / 2 : total - total / 2;
                    pe[i] = total - pb[i];
                }
                default -> throw new IllegalArgumentException("auto_pad '" + autoPad
                        + "' unknown, expected NOTSET, VALID, SAME_UPPER or SAME_LOWER");
            }
        }
        return new Window(kernel, strides, dil, pb, pe, in, out);
    }

    private static int[] twoInts(OnnxNode node, String key) {
        int[] v = node.intsAttr(key, new int[] {1, 1});
        if (v.length != 2) {
            throw new IllegalArgumentException(key + " must have 2 values, got " + Arrays.toString(v));
        }
        return v;
    }

    /** Input row (or column, {@code axis = 1}) read by kernel tap {@code t} of output position {@code o}. */
    int source(int axis, int o, int t) {
        return o * strides[axis] - padBegin[axis] + t * dilations[axis];
    }

    /** Whether all padding is zero. */
    boolean unpadded() {
        return padBegin[0] == 0 && padBegin[1] == 0 && padEnd[0] == 0 && padEnd[1] == 0;
    }
}
