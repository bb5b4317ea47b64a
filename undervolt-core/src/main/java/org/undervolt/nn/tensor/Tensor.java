package org.undervolt.nn.tensor;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense float tensor: a shape and a row-major {@code float[]} that holds exactly its elements.
 *
 * <p>The array is live (no copies are made on access): layers write their outputs into fresh
 * tensors and read their inputs in place. By convention the first dimension of an activation is
 * the batch, e.g. {@code [batch, features]} or {@code [batch, channels, height, width]}.
 */
public final class Tensor {
    private final int[] shape;
    private final float[] data;

    /** Wraps {@code data} (not copied) as a tensor of the given shape. */
    public Tensor(int[] shape, float[] data) {
        Objects.requireNonNull(data, "data");
        this.shape = shape.clone();
        long n = size(this.shape);
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
                    + " elements, array has " + data.length);
        }
        this.data = data;
    }

    /** A zero-filled tensor of the given shape. */
    public static Tensor zeros(int... shape) {
        long n = size(shape);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor too large: " + Arrays.toString(shape));
        }
        return new Tensor(shape, new float[(int) n]);
    }

    /** Number of elements a tensor of this shape holds; every dimension must be positive. */
    public static long size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("dimensions must be positive: " + Arrays.toString(shape));
            }
            n *= d;
        }
        return n;
    }

    /** The shape (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** Dimension {@code i}. */
    public int dim(int i) {
        return shape[i];
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** The elements, row-major (live array). */
    public float[] data() {
        return data;
    }

    /** Number of elements. */
    public int size() {
        return data.length;
    }

    /** Elements per item of the first (batch) dimension. */
    public int itemSize() {
        return data.length / shape[0];
    }

    /** The same elements viewed with another shape of equal size (shares the array). */
    public Tensor reshape(int... newShape) {
        return new Tensor(newShape, data);
    }

    /** A deep copy. */
    public Tensor copy() {
        return new Tensor(shape, data.clone());
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
