package org.undervolt.nn.onnx;

import java.util.Arrays;

/**
 * A value flowing through an ONNX graph: a shape of any rank (0 for a scalar, zero-length
 * dimensions allowed) and row-major elements, either FLOAT ({@code float[]}) or INT64
 * ({@code long[]}) — the two ONNX element types this importer computes with (INT64 only for
 * shapes and indices, e.g. the second input of Reshape).
 */
public final class NdArray {
    /** ONNX {@code TensorProto.DataType.FLOAT}. */
    public static final int FLOAT = 1;
    /** ONNX {@code TensorProto.DataType.INT64}. */
    public static final int INT64 = 7;

    private final int[] shape;
    private final float[] floats;
    private final long[] longs;

    private NdArray(int[] shape, float[] floats, long[] longs) {
        this.shape = shape.clone();
        long n = count(this.shape);
        int len = floats != null ? floats.length : longs.length;
        if (n != len) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " elements, data has " + len);
        }
        this.floats = floats;
        this.longs = longs;
    }

    /** A FLOAT array wrapping {@code data} (not copied). */
    public static NdArray of(int[] shape, float[] data) {
        return new NdArray(shape, data, null);
    }

    /** An INT64 array wrapping {@code data} (not copied). */
    public static NdArray ofLongs(int[] shape, long[] data) {
        return new NdArray(shape, null, data);
    }

    /** Number of elements of a shape; IllegalArgumentException for negative dimensions or more than 2^31-1 elements. */
    public static long count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("tensor too large: " + Arrays.toString(shape));
            }
        }
        return n;
    }

    /** {@link #FLOAT} or {@link #INT64}. */
    public int elemType() {
        return floats != null ? FLOAT : INT64;
    }

    public boolean isFloat() {
        return floats != null;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int i) {
        return shape[i];
    }

    public int size() {
        return floats != null ? floats.length : longs.length;
    }

    /** The FLOAT elements (live); IllegalArgumentException if this is INT64. */
    public float[] floats() {
        if (floats == null) {
            throw new IllegalArgumentException("expected a FLOAT tensor, got INT64");
        }
        return floats;
    }

    /** The INT64 elements (live); IllegalArgumentException if this is FLOAT. */
    public long[] longs() {
        if (longs == null) {
            throw new IllegalArgumentException("expected an INT64 tensor, got FLOAT");
        }
        return longs;
    }

    /** The same elements with another shape of equal element count (shares the array). */
    public NdArray reshape(int[] newShape) {
        return floats != null ? of(newShape, floats) : ofLongs(newShape, longs);
    }

    @Override
    public String toString() {
        return (floats != null ? "FLOAT" : "INT64") + Arrays.toString(shape);
    }
}
