package org.undervolt.dram.spec;

/** The file format a DRAM spec was read from; it decides whose energy counting is followed by default. */
public enum SpecFormat {
    /** Legacy DRAMPower 4.x XML memspec ({@code <memspec>} with {@code <parameter id=... value=.../>}). */
    DRAMPOWER4_XML("DRAMPower 4 XML memspec"),
    /** DRAMPower 5.x JSON memspec ({@code {"memspec": {...}}}). */
    DRAMPOWER5_JSON("DRAMPower 5 JSON memspec"),
    /** Undervolt's own preset JSON. */
    UNDERVOLT_PRESET("built-in preset"),
    /** A pair of Ramulator 2.0a's organisation and speed-bin presets, {@code ORG+BIN}: timing only, no currents. */
    RAMULATOR_PAIR("Ramulator organisation + speed-bin presets (timing only)");

    private final String label;

    SpecFormat(String label) {
        this.label = label;
    }

    /** The format in words, for text output ({@code built-in preset}); JSON keeps {@link #name()}. */
    public String label() {
        return label;
    }
}
