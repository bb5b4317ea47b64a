package org.undervolt.mapping;

import java.util.Locale;

import org.undervolt.InvalidInputException;

/**
 * The unit a DRAM module is divided into partitions by (EDEN, Koppula et al., MICRO 2019, §6: chip, rank,
 * bank or subarray granularity; docs/PAPERS.md §2.6). A partition is a set of such units.
 */
public enum Granularity {
    RANK, BANK, SUBARRAY;

    public static Granularity parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("granularity '" + s + "' is unknown; expected rank, bank or subarray");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
