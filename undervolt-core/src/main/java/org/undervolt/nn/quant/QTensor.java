package org.undervolt.nn.quant;

/**
 * An int8 feature map as it is stored: a shape (batch first) and the bytes, row-major. The real
 * value of {@code data[i]} is {@code data[i] · scale}.
 */
public record QTensor(int[] shape, byte[] data, float scale) {

    /** Elements per item of the batch. */
    public int itemSize() {
        return data.length / shape[0];
    }
}
