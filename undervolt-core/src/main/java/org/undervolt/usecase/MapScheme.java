package org.undervolt.usecase;

import java.util.Locale;

import org.undervolt.InvalidInputException;

/** How a network's data is mapped to approximate DRAM. */
public enum MapScheme {
    /** EDEN's partitions at their own VDD/tRCD, each item to one whose BER it tolerates, greedy (Koppula et al., MICRO 2019). */
    EDEN,
    /** As {@link #EDEN}, the assignment solved exactly (branch and bound). */
    EDEN_EXACT,
    /** SparkXD: the whole module at the lowest VDD where every item fits in locations it tolerates (Putra et al., DAC 2021). */
    SPARKXD;

    /** eden, eden-exact or sparkxd. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static MapScheme parse(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (MapScheme m : values()) {
            if (m.label().equals(t)) {
                return m;
            }
        }
        throw new InvalidInputException("unknown scheme '" + s + "', expected eden, eden-exact or sparkxd");
    }
}
