package org.undervolt.snn;

/**
 * Where the input-to-excitatory weights live: the data SparkXD keeps in approximate DRAM.
 *
 * <p>A {@code rows x cols} matrix, row {@code i} = input pixel, column {@code j} = excitatory neuron
 * (row-major, the layout of the original's {@code XeAe} matrix). The simulator never computes on
 * the store directly: it {@link #readAll reads} the weights into a working float array (the fetch from
 * DRAM into the compute engine), and training {@link #writeAll writes} them back. An implementation
 * backed by the bytes of a storage format (FP32, INT16, INT8) therefore sees every bit flip the fault
 * module injects into those bytes on the next read.
 */
public interface SynapseStore {

    /** Number of rows (inputs). */
    int rows();

    /** Number of columns (excitatory neurons). */
    int cols();

    /** The weight at {@code (row, col)} as the compute engine would read it. */
    float get(int row, int col);

    /** Stores the weight at {@code (row, col)} (rounded to the store's format). */
    void set(int row, int col, float value);

    /** Reads every weight, row-major, into {@code dst} (length {@code rows*cols}). */
    default void readAll(float[] dst) {
        int c = cols();
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < c; j++) {
                dst[i * c + j] = get(i, j);
            }
        }
    }

    /** Stores every weight from {@code src}, row-major (length {@code rows*cols}). */
    default void writeAll(float[] src) {
        int c = cols();
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < c; j++) {
                set(i, j, src[i * c + j]);
            }
        }
    }

    /** An independent copy (same format, same contents). */
    SynapseStore copy();
}
