package org.undervolt.dram.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Timing parameters in clock cycles under their JEDEC names (RCD, RP, RAS, RC, RFC, REFI, CCD, RRD,
 * FAW, WTR, RTP, WR, RL, WL, ...), plus the clock period.
 *
 * <p>Names follow the JEDEC standards without the leading "t" (as DRAMPower's memspecs do), e.g.
 * {@code RCD} is tRCD. Standards with split variants use the JEDEC suffixes (CCD_S/CCD_L, RRD_S/RRD_L,
 * RFC1, RFCab/RFCpb, RPab/RPpb). {@link #rfc()} and {@link #rp()} resolve the all-bank variant.
 *
 * @param tckSeconds clock period tCK in seconds
 * @param cycles     parameter name → cycles (unmodifiable, insertion-ordered)
 */
public record Timings(double tckSeconds, Map<String, Integer> cycles) {

    public Timings {
        if (!(tckSeconds > 0) || Double.isInfinite(tckSeconds)) {
            throw new IllegalArgumentException("tCK must be positive, got " + tckSeconds);
        }
        cycles = Collections.unmodifiableMap(new LinkedHashMap<>(cycles));
    }

    /** Clock frequency in MHz. */
    public double clockMhz() {
        return 1e-6 / tckSeconds;
    }

    public boolean has(String name) {
        return cycles.containsKey(name);
    }

    /** Cycles of parameter {@code name}; throws if the spec has no such parameter. */
    public int get(String name) {
        Integer v = cycles.get(name);
        if (v == null) {
            throw new IllegalArgumentException("timing parameter " + name + " not in spec " + cycles.keySet());
        }
        return v;
    }

    /** The first present parameter among {@code names} (e.g. "RFC", "RFC1", "RFCab"), else 0. */
    public int firstOf(String... names) {
        for (String n : names) {
            Integer v = cycles.get(n);
            if (v != null) {
                return v;
            }
        }
        return 0;
    }

    public int ras() {
        return firstOf("RAS");
    }

    /** Row precharge time; all-bank/per-bank variants resolved to the per-bank value DRAMPower uses for PRE. */
    public int rp() {
        return firstOf("RP", "RPpb", "RPab");
    }

    public int rc() {
        int rc = firstOf("RC", "RCpb", "RCab");
        return rc > 0 ? rc : ras() + rp();
    }

    public int rcd() {
        return firstOf("RCD");
    }

    /** All-bank refresh cycle time (RFC, RFC1 in DDR4/DDR5 normal mode, RFCab in LPDDR4/5). */
    public int rfc() {
        return firstOf("RFC", "RFC1", "RFCab");
    }

    public int refi() {
        return firstOf("REFI");
    }

    /**
     * Cycles of the first present parameter among {@code names} (a JEDEC name and its variants, e.g. "CCD_S",
     * "CCD"); an {@link org.undervolt.InvalidInputException} naming the field and {@code part} if none is present.
     */
    public int require(String part, String... names) {
        for (String n : names) {
            Integer v = cycles.get(n);
            if (v != null) {
                return v;
            }
        }
        throw new org.undervolt.InvalidInputException("DRAM part " + part + ": timing parameter "
                + String.join(" / ", names) + " is not defined, expected it among the part's timings " + cycles.keySet());
    }
}
