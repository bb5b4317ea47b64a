package org.undervolt.dram.trace;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * DRAM commands of a command trace, under DRAMPower 5's names with DRAMPower 4's names as aliases
 * (REF = REFA, SREN = SREFEN, PDN_F_ACT/PDN_S_ACT = PDEA, PDN_F_PRE/PDN_S_PRE = PDEP, PUP_ACT = PDXA,
 * PUP_PRE = PDXP). Fast- and slow-exit power-down are told apart by {@link #slowExit} in the trace.
 */
public enum Command {
    ACT, PRE, PREA, RD, WR, RDA, WRA, REFA,
    /** Per-bank refresh (LPDDR4/5 REFpb, DRAMPower 4 REFB). */
    REFB,
    /** Same-bank refresh (DDR5), per-two-bank refresh (LPDDR5), same-bank precharge (DDR5). */
    REFSB, REFP2B, PRESB,
    PDEA, PDXA, PDEP, PDXP, SREFEN, SREFEX, DSMEN, DSMEX, NOP, END;

    private static final Map<String, Command> BY_NAME = new HashMap<>();

    static {
        for (Command c : values()) {
            BY_NAME.put(c.name(), c);
        }
        BY_NAME.put("REF", REFA);
        BY_NAME.put("SREN", SREFEN);
        BY_NAME.put("SREX", SREFEX);
        BY_NAME.put("PDN_F_ACT", PDEA);
        BY_NAME.put("PDN_S_ACT", PDEA);
        BY_NAME.put("PDN_F_PRE", PDEP);
        BY_NAME.put("PDN_S_PRE", PDEP);
        BY_NAME.put("PUP_ACT", PDXA);
        BY_NAME.put("PUP_PRE", PDXP);
    }

    /** The command called {@code name} (either DRAMPower version's spelling, case-insensitive), or null. */
    public static Command byName(String name) {
        return BY_NAME.get(name.trim().toUpperCase(Locale.ROOT));
    }

    /** Whether {@code name} is a DRAMPower 4 slow-exit power-down entry (PDN_S_ACT, PDN_S_PRE). */
    public static boolean isSlowExit(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        return n.equals("PDN_S_ACT") || n.equals("PDN_S_PRE");
    }

    /** Whether the command addresses one bank (and so carries a bank index that must be in range). */
    public boolean targetsBank() {
        return switch (this) {
            case ACT, PRE, RD, WR, RDA, WRA, REFB -> true;
            default -> false;
        };
    }
}
