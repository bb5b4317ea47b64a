package org.undervolt.dram.access;

/** Told of every burst access an {@link OpenPageCounter} classifies (e.g. the energy listener, to price its commands). */
@FunctionalInterface
public interface AccessListener {
    /**
     * One access.
     *
     * @param flatBank  flat bank index ((channel × ranks + rank) × banks + bank)
     * @param openRow   the row open in that bank before the access, -1 if the bank was closed
     * @param row       the row accessed
     * @param state     what the access found in the row buffer
     * @param write     write (else read)
     */
    void access(int flatBank, int openRow, int row, RowBufferState state, boolean write);
}
