package org.undervolt.dram.trace;

/** The two DRAMPower command-trace formats. */
public enum TraceFormat {
    /** DRAMPower 5 CSV: {@code timestamp,CMD,rank,bankgroup,bank,row,column[,data]}. */
    DRAMPOWER5_CSV,
    /** DRAMPower 4 {@code .trc}: {@code timestamp,CMD,bank}. */
    DRAMPOWER4_TRC
}
