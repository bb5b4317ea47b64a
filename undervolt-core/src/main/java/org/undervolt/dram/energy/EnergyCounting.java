package org.undervolt.dram.energy;

import java.util.Locale;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.SpecFormat;

/**
 * Whose counting rules the trace energy follows. The two DRAMPower versions differ (golden README,
 * "Cross-check"): 4.1 extends the trace by tRP − 1 precharged cycles after END and counts tRP of every
 * refresh as precharged time, its PRE energy uses tRC − tRAS and it has no bank-wise terms; 5.1 integrates
 * up to END, counts the whole tRFC of a refresh as active time, and uses the bank-wise model
 * (rho, I_beta) with PRE over tRP.
 */
public enum EnergyCounting {
    DRAMPOWER_4_1("DRAMPower 4.1 (legacy model)"),
    DRAMPOWER_5_1("DRAMPower 5.1 (bank-wise model)");

    private final String description;

    EnergyCounting(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The counting of the DRAMPower version whose memspec format was given (presets: 4.1). */
    public static EnergyCounting forFormat(SpecFormat f) {
        return f == SpecFormat.DRAMPOWER5_JSON ? DRAMPOWER_5_1 : DRAMPOWER_4_1;
    }

    /** Parses "drampower4", "4.1", "drampower5", "5.1" (case-insensitive). */
    public static EnergyCounting parse(String s) {
        String n = s.trim().toLowerCase(Locale.ROOT).replace("drampower", "").replace("-", "").replace("_", "");
        return switch (n) {
            case "4", "4.1", "41", "legacy" -> DRAMPOWER_4_1;
            case "5", "5.1", "51", "bankwise" -> DRAMPOWER_5_1;
            default -> throw new InvalidInputException("unknown energy counting '" + s + "', expected drampower4 or drampower5");
        };
    }
}
