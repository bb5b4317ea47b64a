package org.undervolt.dram.device;

import org.undervolt.EnumWords;
import org.undervolt.InvalidInputException;

/** The operating parameter a device's BER is measured against; for both, a lower value is more aggressive. */
public enum Knob {
    /** Core supply voltage, in volts. */
    VDD("V"),
    /** Activation latency tRCD, in nanoseconds. */
    TRCD("ns");

    private final String unit;

    Knob(String unit) {
        this.unit = unit;
    }

    /** {@code vdd} or {@code trcd} ({@link EnumWords#word}). */
    public String label() {
        return EnumWords.word(this);
    }

    public String unit() {
        return unit;
    }

    /** "vdd" or "trcd" (case-insensitive); {@code what} names the option or field in the error. */
    public static Knob parse(String what, String s) {
        for (Knob k : values()) {
            if (k.label().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return k;
            }
        }
        throw new InvalidInputException(what + ": unknown knob '" + s + "', expected vdd or trcd");
    }

    @Override
    public String toString() {
        return label();
    }
}
