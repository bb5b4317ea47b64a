package org.undervolt.storage;

import java.util.LinkedHashMap;
import java.util.Map;

import org.undervolt.InvalidInputException;

/** The format recipes by name, as the CLI and configuration files spell them. */
public final class Formats {
    /** INT8, symmetric, one scale per tensor ({@code scale = max|w| / 127}). */
    public static final FormatSpec INT8 = new IntegerSpec(8, true, false);

    private static final Map<String, FormatSpec> BY_NAME = new LinkedHashMap<>();

    static {
        for (int bits : new int[] {4, 8, 16}) {
            for (boolean sym : new boolean[] {true, false}) {
                for (boolean channel : new boolean[] {false, true}) {
                    register(new IntegerSpec(bits, sym, channel));
                }
            }
        }
    }

    private Formats() {
    }

    private static void register(FormatSpec spec) {
        BY_NAME.put(spec.name(), spec);
    }

    /** All registered recipes, by name. */
    public static Map<String, FormatSpec> all() {
        return java.util.Collections.unmodifiableMap(BY_NAME);
    }

    /** The recipe of that name; bad names are user input errors. */
    public static FormatSpec byName(String name) {
        FormatSpec spec = BY_NAME.get(name);
        if (spec == null) {
            throw new InvalidInputException("unknown format '" + name + "'; expected one of " + BY_NAME.keySet());
        }
        return spec;
    }
}
