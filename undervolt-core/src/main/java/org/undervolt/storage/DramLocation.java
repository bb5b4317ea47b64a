package org.undervolt.storage;

/**
 * Where one byte lives in DRAM. {@code row} counts within the subarray, {@code column} is the byte
 * offset within the row.
 */
public record DramLocation(int channel, int rank, int bank, int subarray, int row, int column) {

    /** The bank's index over all channels and ranks: {@code (channel * ranks + rank) * banks + bank}. */
    public int flatBank(DramGeometry g) {
        return (channel * g.ranks() + rank) * g.banks() + bank;
    }

    /** The row's index within its bank. */
    public int bankRow(DramGeometry g) {
        return subarray * g.rowsPerSubarray() + row;
    }
}
