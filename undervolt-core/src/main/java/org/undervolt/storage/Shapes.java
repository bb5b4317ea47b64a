package org.undervolt.storage;

import java.util.Arrays;

/** Small checks on row-major tensor shapes. */
public final class Shapes {
    private Shapes() {
    }

    /** The number of elements of a shape; throws if a dimension is negative or the product overflows. */
    public static int count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has over 2^31 elements");
            }
        }
        return (int) n;
    }

    /** Channels along axis 0, checking that the shape matches {@code count} values. */
    static int channels(int[] shape, int count) {
        if (shape.length == 0 || count(shape) != count) {
            throw new IllegalArgumentException("per-channel format needs a shape with " + count
                    + " elements, got " + Arrays.toString(shape));
        }
        return shape[0];
    }
}
