package org.undervolt.dram.error;

/**
 * A run of stored bytes {@code [from, to)} of a {@link MemoryRegion}'s array that lies in one DRAM
 * row at consecutive byte columns starting at {@code column}. {@code bank} counts banks over all
 * channels and ranks; {@code row} counts rows within the subarray.
 */
public record RowSpan(int from, int to, int bank, int subarray, int row, int column) {

    public RowSpan {
        if (from < 0 || to <= from || column < 0) {
            throw new IllegalArgumentException("bad row span [" + from + ", " + to + ") at column " + column);
        }
    }

    public int length() {
        return to - from;
    }

    /** Whether the span holds byte column {@code c} of its row. */
    public boolean coversColumn(int c) {
        return c >= column && c < column + length();
    }
}
