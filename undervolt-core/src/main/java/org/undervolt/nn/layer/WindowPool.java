package org.undervolt.nn.layer;

import java.util.Arrays;

import org.undervolt.nn.kernel.Im2col;

/**
 * A pooling layer over {@code k × k} windows with a stride and no padding: its configuration
 * {@code [k, stride]} and its shape rule, {@code [C, H, W] -> [C, OH, OW]}.
 */
abstract class WindowPool extends NamedLayer {
    final int k;
    final int stride;

    WindowPool(String name, String type, int k, int stride) {
        super(name, type, k, stride);
        if (k <= 0 || stride <= 0) {
            throw new IllegalArgumentException(name + ": kernel and stride must be positive");
        }
        this.k = k;
        this.stride = stride;
    }

    @Override
    public final int[] outputShape(int[] s) {
        if (s.length != 3) {
            throw new IllegalArgumentException(name() + ": expects [C, H, W], got " + Arrays.toString(s));
        }
        int oh = Im2col.outSize(s[1], k, stride, 0);
        int ow = Im2col.outSize(s[2], k, stride, 0);
        if (oh <= 0 || ow <= 0) {
            throw new IllegalArgumentException(name() + ": input " + s[1] + "x" + s[2] + " smaller than window " + k);
        }
        return new int[] {s[0], oh, ow};
    }
}
