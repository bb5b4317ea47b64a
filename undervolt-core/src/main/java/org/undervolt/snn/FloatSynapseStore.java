package org.undervolt.snn;

import java.util.Arrays;

/** A {@link SynapseStore} on a plain {@code float[]}, row-major: exact, no rounding. */
public final class FloatSynapseStore extends RowMajorSynapseStore {
    private final float[] values;

    public FloatSynapseStore(int rows, int cols) {
        this(rows, cols, new float[Math.multiplyExact(rows, cols)]);
    }

    /** Wraps {@code values} (not copied). */
    public FloatSynapseStore(int rows, int cols, float[] values) {
        super(rows, cols);
        if (rows <= 0 || cols <= 0 || values.length != (long) rows * cols) {
            throw new IllegalArgumentException("need " + rows + "x" + cols + " values, got " + values.length);
        }
        this.values = values;
    }

    @Override
    protected float[] values() {
        return values;
    }

    @Override
    public void set(int row, int col, float value) {
        values[index(row, col)] = value;
    }

    @Override
    public void writeAll(float[] src) {
        System.arraycopy(src, 0, values, 0, values.length);
    }

    @Override
    public FloatSynapseStore copy() {
        return new FloatSynapseStore(rows(), cols(), values.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatSynapseStore f && f.rows() == rows() && f.cols() == cols() && Arrays.equals(f.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + cols();
    }
}
