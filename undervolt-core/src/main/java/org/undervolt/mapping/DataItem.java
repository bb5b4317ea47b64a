package org.undervolt.mapping;

/**
 * One piece of a network's data that lives in DRAM — a layer's weights or its input feature map (EDEN's
 * "data types", Koppula et al., MICRO 2019, §5) — with its size, its traffic per inference and the highest
 * bit error rate it tolerates.
 *
 * @param name         e.g. {@code conv1.weights}, {@code fc1.ifm}
 * @param bytes        stored bytes
 * @param readBursts   burst reads of it per inference
 * @param writeBursts  burst writes of it per inference
 * @param tolerableBer the largest BER at which accuracy stays within the target (from the tolerance analysis)
 */
public record DataItem(String name, long bytes, long readBursts, long writeBursts, double tolerableBer) {
    public DataItem {
        if (bytes < 0 || readBursts < 0 || writeBursts < 0) {
            throw new IllegalArgumentException(name + ": sizes and counts must be >= 0");
        }
        if (!(tolerableBer >= 0 && tolerableBer <= 1)) {
            throw new IllegalArgumentException(name + ": tolerable BER " + tolerableBer + " outside [0, 1]");
        }
    }
}
