package org.undervolt.dram.spec;

/** The file format a DRAM spec was read from; it decides whose energy counting is followed by default. */
public enum SpecFormat {
    /** Legacy DRAMPower 4.x XML memspec ({@code <memspec>} with {@code <parameter id=... value=.../>}). */
    DRAMPOWER4_XML,
    /** DRAMPower 5.x JSON memspec ({@code {"memspec": {...}}}). */
    DRAMPOWER5_JSON,
    /** Undervolt's own preset JSON. */
    UNDERVOLT_PRESET
}
