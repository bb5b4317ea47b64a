package org.undervolt.storage;

import java.util.Arrays;

/**
 * One tensor inside a {@link DramImage}: its name, shape, the format (with its fitted scales) its
 * values are stored in, and the byte range {@code [offset, offset + byteLength)} it occupies.
 */
public record StoredTensor(String name, int[] shape, NumberFormat format, int offset, int byteLength) {

    public StoredTensor {
        shape = shape.clone();
        if (byteLength != format.byteLength(Shapes.count(shape))) {
            throw new IllegalArgumentException(name + ": " + byteLength + " bytes do not hold "
                    + Arrays.toString(shape) + " in " + format.name());
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Number of values. */
    public int count() {
        return Shapes.count(shape);
    }

    /** Bits the tensor occupies in DRAM. */
    public long bits() {
        return 8L * byteLength;
    }

    /** Decodes this tensor's values from an image's bytes. */
    public float[] decode(byte[] image) {
        return format.decode(image, offset, count());
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape) + " " + format.name() + " @" + offset + "+" + byteLength;
    }
}
