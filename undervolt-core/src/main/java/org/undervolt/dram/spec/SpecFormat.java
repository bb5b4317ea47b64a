package org.undervolt.dram.spec;

/** The file format a DRAM spec was read from; it decides whose energy counting is followed by default. */
public enum SpecFormat {
    /** Legacy DRAMPower 4.x XML memspec ({@code <memspec>} with {@code <parameter id=... value=.../>}). */
    DRAMPOWER4_XML("DRAMPower 4 XML memspec"),
    /** DRAMPower 5.x JSON memspec ({@code {"memspec": {...}}}). */
    DRAMPOWER5_JSON("DRAMPower 5 JSON memspec"),
    /** Undervolt's own preset JSON. */
    UNDERVOLT_PRESET("built-in preset");

    private final String label;

    SpecFormat(String label) {
        this.label = label;
    }

    /** The format in words, for text output ({@code built-in preset}); JSON keeps {@link #name()}. */
    public String label() {
        return label;
    }
}
