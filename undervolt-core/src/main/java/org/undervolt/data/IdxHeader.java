package org.undervolt.data;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.undervolt.InvalidInputException;

/**
 * The header of an IDX file: a big-endian magic number and one big-endian 32-bit size per dimension.
 *
 * <p>The format is the one LeCun, Cortes and Burges describe on the MNIST page ("THE IDX FILE
 * FORMAT"): the magic's first two bytes are zero, the third is the element type ({@code 0x08}
 * unsigned byte, {@code 0x09} signed byte, {@code 0x0B} short, {@code 0x0C} int, {@code 0x0D}
 * float, {@code 0x0E} double) and the fourth the number of dimensions. Undervolt reads unsigned
 * bytes only: {@code 0x00000803} for images (count, rows, cols) and {@code 0x00000801} for labels.
 *
 * @param type element type code (third magic byte)
 * @param dims the sizes, outermost first
 */
public record IdxHeader(int type, int[] dims) {
    /** Element type code for unsigned bytes. */
    public static final int UBYTE = 0x08;
    /** Magic of an image file: unsigned bytes, 3 dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic of a label file: unsigned bytes, 1 dimension. */
    public static final int LABELS_MAGIC = 0x00000801;

    public IdxHeader {
        dims = dims.clone();
    }

    /** The sizes, outermost first (a copy). */
    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** The magic number this header starts with. */
    public int magic() {
        return type << 8 | dims.length;
    }

    /** Bytes taken by the header: 4 for the magic plus 4 per dimension. */
    public int length() {
        return 4 + 4 * dims.length;
    }

    /** Bytes of data the header announces (product of the dimensions, one byte each). */
    public long dataLength() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** The dims as {@code 10000x28x28}. */
    public String shape() {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("x"));
    }

    /**
     * Parses and checks the header at the start of {@code b} (of which {@code length} bytes are valid).
     *
     * @param expectedMagic {@link #IMAGES_MAGIC} or {@link #LABELS_MAGIC}
     * @param what          what the file should hold, for messages: {@code "images"} or {@code "labels"}
     * @param maxData       the most data bytes accepted
     */
    public static IdxHeader parse(byte[] b, int length, String file, int expectedMagic, String what, long maxData) {
        int expectedDims = expectedMagic & 0xFF;
        String expected = String.format("expected 0x%08X (IDX %s: unsigned bytes, %d dim%s)", expectedMagic, what,
                expectedDims, expectedDims == 1 ? "" : "s");
        if (length == 0) {
            throw new InvalidInputException(file + ": empty file, " + expected);
        }
        if (length < 4) {
            throw new InvalidInputException(file + ": " + length + " bytes, too short for an IDX header; " + expected);
        }
        int magic = readIntBe(b, 0);
        if (magic != expectedMagic) {
            throw new InvalidInputException(String.format("%s: wrong magic 0x%08X, %s", file, magic, expected));
        }
        int headerLength = 4 + 4 * expectedDims;
        if (length < headerLength) {
            throw new InvalidInputException(file + ": truncated: " + length + " bytes, the IDX header alone takes "
                    + headerLength);
        }
        int[] dims = new int[expectedDims];
        long total = 1;
        for (int i = 0; i < dims.length; i++) {
            dims[i] = readIntBe(b, 4 + 4 * i);
            if (dims[i] <= 0) {
                throw new InvalidInputException(file + ": dimension " + i + " is " + dims[i]
                        + " (unsigned " + Integer.toUnsignedString(dims[i]) + "), expected a positive size");
            }
            total *= dims[i];
            if (total > maxData) {
                throw new InvalidInputException(file + ": header announces more than " + maxData
                        + " bytes of " + what + ", the most Undervolt reads");
            }
        }
        return new IdxHeader(magic >>> 8 & 0xFF, dims);
    }

    static int readIntBe(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxHeader h && h.type == type && Arrays.equals(h.dims, dims);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return String.format("IdxHeader[magic=0x%08X, dims=%s]", magic(), shape());
    }
}
