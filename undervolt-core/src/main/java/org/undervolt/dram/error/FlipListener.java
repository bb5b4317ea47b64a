package org.undervolt.dram.error;

/**
 * Told of every bit an error model flips, as {@code byteIndex * 8 + bit} with bit 0 the least
 * significant bit of the byte. Used by tests and by tools that record error maps.
 */
@FunctionalInterface
public interface FlipListener {
    FlipListener NONE = bit -> { };

    void flipped(long bitIndex);
}
