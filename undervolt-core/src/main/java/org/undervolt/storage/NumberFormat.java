package org.undervolt.storage;

/**
 * A bit-exact stored representation of a tensor's values, with its parameters (scales, zero
 * points) already chosen.
 *
 * <p>A format turns {@code float} values into the bytes that live in DRAM and back. Bit errors are
 * injected into those bytes, so {@link #decode} must give a defined value for <em>every</em> bit
 * pattern, not only for patterns that {@link #encode} produces.
 *
 * <p>Conventions shared by every format:
 * <ul>
 *   <li>Values are packed in index order, multi-byte values little-endian; sub-byte values (INT4)
 *       fill the low bits of a byte first.</li>
 *   <li>Encoding rounds to nearest, ties to even, and saturates at the largest representable value.</li>
 *   <li>Integer and fixed-point formats encode NaN as 0 and ±Inf as the saturated extreme;
 *       floating-point formats keep Inf and NaN (NaN becomes a quiet NaN) and decode any pattern
 *       exactly as IEEE 754 defines it, so a flipped exponent may decode to Inf or NaN. Removing
 *       such values is the job of value correction, not of the format.</li>
 * </ul>
 *
 * <p>Formats fitted per channel ({@link FormatSpec}) hold parameters for one tensor size; they
 * reject arrays of any other length.
 */
public interface NumberFormat {

    /** A short identifier, e.g. {@code int8-sym}. */
    String name();

    /** Bits one stored value occupies. */
    int bitsPerValue();

    /** Bytes needed to store {@code count} values (sub-byte values are packed, the last byte padded). */
    default int byteLength(int count) {
        long bytes = ((long) count * bitsPerValue() + 7) / 8;
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(count + " values of " + bitsPerValue() + " bits exceed 2 GiB");
        }
        return (int) bytes;
    }

    /** Writes {@code byteLength(values.length)} bytes for {@code values} at {@code dst[offset]}. */
    void encode(float[] values, byte[] dst, int offset);

    /** Reads {@code values.length} values from {@code src[offset]} into {@code values}. */
    void decode(byte[] src, int offset, float[] values);

    /**
     * The quantisation step around value {@code index}: the distance between adjacent representable
     * values there (for floating-point formats, the spacing at that value's magnitude).
     */
    double step(int index, float value);

    /** Encodes into a new array. */
    default byte[] encode(float[] values) {
        byte[] out = new byte[byteLength(values.length)];
        encode(values, out, 0);
        return out;
    }

    /** Decodes {@code count} values into a new array. */
    default float[] decode(byte[] src, int offset, int count) {
        float[] out = new float[count];
        decode(src, offset, out);
        return out;
    }
}
