package org.undervolt.dram.device;

import java.util.Locale;

import org.undervolt.InvalidInputException;

/** The operating parameter a device's BER is measured against; for both, a lower value is more aggressive. */
public enum Knob {
    /** Core supply voltage, in volts. */
    VDD("vdd", "V"),
    /** Activation latency tRCD, in nanoseconds. */
    TRCD("trcd", "ns");

    private final String label;
    private final String unit;

    Knob(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** "vdd" or "trcd" (case-insensitive); {@code what} names the option or field in the error. */
    public static Knob parse(String what, String s) {
        for (Knob k : values()) {
            if (k.label.equalsIgnoreCase(s == null ? "" : s.trim())) {
                return k;
            }
        }
        throw new InvalidInputException(what + ": unknown knob '" + s + "', expected vdd or trcd");
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}
