package org.undervolt.mapping;

/**
 * A contiguous range of bytes in DRAM holding one piece of data (a layer's weights, an input image
 * buffer, an output feature map).
 *
 * @param name    what it holds, e.g. {@code "dense1.weight"} or {@code "input"}
 * @param address first byte address
 * @param bytes   length in bytes
 */
public record DataRegion(String name, long address, long bytes) {
    public DataRegion {
        if (address < 0 || bytes < 0) {
            throw new IllegalArgumentException("region " + name + " must have non-negative address and size");
        }
    }

    public long end() {
        return address + bytes;
    }
}
