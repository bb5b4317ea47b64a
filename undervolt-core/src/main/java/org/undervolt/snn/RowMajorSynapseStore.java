package org.undervolt.snn;

/**
 * A {@link SynapseStore} whose weights are one row-major array of {@code rows x cols} values, however it keeps them
 * (plain floats, or the bytes of a storage format): the shape, and reads by index into {@link #values()}.
 */
public abstract class RowMajorSynapseStore implements SynapseStore {
    private final int rows;
    private final int cols;

    protected RowMajorSynapseStore(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
    }

    /** Every weight, row-major, as the compute engine reads them (the store's own array or a decoded copy). */
    protected abstract float[] values();

    /** The position of {@code (row, col)} in {@link #values()}. */
    protected final int index(int row, int col) {
        return row * cols + col;
    }

    @Override
    public final int rows() {
        return rows;
    }

    @Override
    public final int cols() {
        return cols;
    }

    @Override
    public float get(int row, int col) {
        return values()[index(row, col)];
    }

    @Override
    public void readAll(float[] dst) {
        float[] w = values();
        System.arraycopy(w, 0, dst, 0, w.length);
    }
}
