package org.undervolt.nn.layer;

import java.util.Arrays;

import org.undervolt.nn.kernel.Im2col;

/** Shape rules shared by the pooling layers. */
final class Pooling {
    private Pooling() {
    }

    static int[] outputShape(String name, int[] s, int k, int stride) {
        if (s.length != 3) {
            throw new IllegalArgumentException(name + ": expects [C, H, W], got " + Arrays.toString(s));
        }
        int oh = Im2col.outSize(s[1], k, stride, 0);
        int ow = Im2col.outSize(s[2], k, stride, 0);
        if (oh <= 0 || ow <= 0) {
            throw new IllegalArgumentException(name + ": input " + s[1] + "x" + s[2] + " smaller than window " + k);
        }
        return new int[] {s[0], oh, ow};
    }
}
