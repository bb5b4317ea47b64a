package org.undervolt.dram.access;

/** What an access finds in its bank's row buffer under an open-page policy. */
public enum RowBufferState {
    /** The addressed row is open: column command only. */
    HIT,
    /** The bank is precharged: ACT then the column command. */
    MISS,
    /** Another row is open: PRE, ACT, then the column command. */
    CONFLICT
}
