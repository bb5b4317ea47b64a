package org.undervolt.storage;

/**
 * A recipe for a {@link NumberFormat}: which representation, and how its parameters are chosen
 * from the data (for example "INT8, symmetric, one scale per tensor").
 */
public interface FormatSpec {

    /** The recipe's name as the CLI spells it, e.g. {@code int8} or {@code int4-asym-channel}. */
    String name();

    /** Bits one stored value occupies. */
    int bitsPerValue();

    /**
     * Chooses the parameters for these values. {@code shape} is the tensor's shape (row-major);
     * per-channel recipes take channels along axis 0.
     */
    NumberFormat fit(float[] values, int[] shape);
}
