package org.undervolt.storage;

/**
 * Reads and writes the raw {@code bits}-wide code of value {@code index} in a packed byte array:
 * 4-bit codes two per byte (even index in the low nibble), wider codes little-endian.
 */
final class Packing {
    private Packing() {
    }

    static void put(byte[] dst, int offset, int index, int bits, int code) {
        switch (bits) {
            case 4 -> {
                int at = offset + (index >> 1);
                int shift = (index & 1) * 4;
                dst[at] = (byte) ((dst[at] & ~(0xF << shift)) | ((code & 0xF) << shift));
            }
            case 8 -> dst[offset + index] = (byte) code;
            case 16 -> {
                int at = offset + 2 * index;
                dst[at] = (byte) code;
                dst[at + 1] = (byte) (code >>> 8);
            }
            case 32 -> {
                int at = offset + 4 * index;
                dst[at] = (byte) code;
                dst[at + 1] = (byte) (code >>> 8);
                dst[at + 2] = (byte) (code >>> 16);
                dst[at + 3] = (byte) (code >>> 24);
            }
            default -> throw new IllegalArgumentException("unsupported code width " + bits);
        }
    }

    /** The raw code, zero-extended (sign-extend with {@link #signExtend}). */
    static int get(byte[] src, int offset, int index, int bits) {
        return switch (bits) {
            case 4 -> (src[offset + (index >> 1)] >> ((index & 1) * 4)) & 0xF;
            case 8 -> src[offset + index] & 0xFF;
            case 16 -> {
                int at = offset + 2 * index;
                yield (src[at] & 0xFF) | (src[at + 1] & 0xFF) << 8;
            }
            case 32 -> {
                int at = offset + 4 * index;
                yield (src[at] & 0xFF) | (src[at + 1] & 0xFF) << 8 | (src[at + 2] & 0xFF) << 16
                        | (src[at + 3] & 0xFF) << 24;
            }
            default -> throw new IllegalArgumentException("unsupported code width " + bits);
        };
    }

    static int signExtend(int code, int bits) {
        return (code << (32 - bits)) >> (32 - bits);
    }
}
