package org.undervolt.dram.error;

import java.util.Arrays;

/**
 * A characterisation bitmap: which cells of a tested DRAM region failed when every byte held
 * {@code pattern}, at supply voltage {@code vdd} (V) and activation latency {@code trcd} (ns).
 * The tested region is {@code banks x subarrays x rows} rows of {@code rowBytes} bytes; a cell is
 * named by its index {@code ((bank * subarrays + subarray) * rows + row) * rowBytes * 8 + bit},
 * with {@code bit} the bit column within the row (byte column * 8 + bit, bit 0 the LSB).
 * The file format is described in {@link ErrorBitmapFile}.
 *
 * @param failed the failed cells' indices, strictly increasing
 */
public record ErrorBitmap(int pattern, double vdd, double trcd, int banks, int subarrays, int rows, int rowBytes,
                          long[] failed) {

    public ErrorBitmap {
        if (pattern < 0 || pattern > 0xFF) {
            throw new IllegalArgumentException("pattern must be one byte, not " + pattern);
        }
        if (banks <= 0 || subarrays <= 0 || rows <= 0 || rowBytes <= 0) {
            throw new IllegalArgumentException("tested region must have positive banks, subarrays, rows, row bytes");
        }
        failed = failed.clone();
        long cells = (long) banks * subarrays * rows * rowBytes * 8;
        for (int i = 0; i < failed.length; i++) {
            if (failed[i] < 0 || failed[i] >= cells || (i > 0 && failed[i] <= failed[i - 1])) {
                throw new IllegalArgumentException("failed cells must be distinct, increasing and below " + cells);
            }
        }
    }

    @Override
    public long[] failed() {
        return failed.clone();
    }

    /** Bits per row. */
    public int rowBits() {
        return rowBytes * 8;
    }

    /** Cells tested. */
    public long cells() {
        return (long) banks * subarrays * rows * rowBits();
    }

    /** Number of failed cells. */
    public int failures() {
        return failed.length;
    }

    /** Cells that held 1 (from the pattern's population count). */
    public long onesCells() {
        return cells() / 8 * Integer.bitCount(pattern);
    }

    /** The value the pattern stores in cell {@code cell}. */
    public int storedBit(long cell) {
        return (pattern >>> (int) (cell & 7)) & 1;
    }

    /** The bitline (bank, subarray, bit column) of a cell, numbered densely. */
    long bitline(long cell) {
        long subarray = cell / ((long) rows * rowBits());
        return subarray * rowBits() + cell % rowBits();
    }

    /** The wordline (bank, subarray, row) of a cell. */
    long wordline(long cell) {
        return cell / rowBits();
    }

    /** The subarray (bank, subarray) of a cell. */
    long subarray(long cell) {
        return cell / ((long) rows * rowBits());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorBitmap b && pattern == b.pattern && Double.compare(vdd, b.vdd) == 0
                && Double.compare(trcd, b.trcd) == 0 && banks == b.banks && subarrays == b.subarrays
                && rows == b.rows && rowBytes == b.rowBytes && Arrays.equals(failed, b.failed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(failed) * 31 + rows;
    }

    @Override
    public String toString() {
        return "ErrorBitmap[" + failed.length + " of " + cells() + " cells failed, pattern 0x"
                + Integer.toHexString(pattern) + ", vdd " + vdd + " V, tRCD " + trcd + " ns]";
    }
}
