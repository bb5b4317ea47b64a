package org.undervolt.mapping;

import org.undervolt.EnumWords;

/**
 * The unit a DRAM module is divided into partitions by (EDEN, Koppula et al., MICRO 2019, §6: chip, rank,
 * bank or subarray granularity; docs/PAPERS.md §2.6). A partition is a set of such units.
 */
public enum Granularity {
    RANK, BANK, SUBARRAY;

    public static Granularity parse(String s) {
        return EnumWords.parseSetting(values(), "granularity", s);
    }

    public String label() {
        return EnumWords.word(this);
    }
}
