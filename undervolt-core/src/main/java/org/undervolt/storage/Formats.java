package org.undervolt.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.undervolt.InvalidInputException;

/** The format recipes by name, as the CLI and configuration files spell them. */
public final class Formats {
    /** INT8, symmetric, one scale per tensor ({@code scale = max|w| / 127}). */
    public static final FormatSpec INT8 = new IntegerSpec(8, true, false);

    private static final Pattern FIXED = Pattern.compile("q(\\d{1,2})\\.(\\d{1,2})");
    private static final Map<String, FormatSpec> BY_NAME = new LinkedHashMap<>();

    static {
        for (FloatFormat f : FloatFormat.values()) {
            register(f);
        }
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

    /**
     * The recipe of that name: one of {@link #all()}, or fixed point {@code qM.N} (e.g. {@code q3.4},
     * {@code q7.8}, {@code q15.16}). Bad names are user input errors.
     */
    public static FormatSpec byName(String name) {
        FormatSpec spec = BY_NAME.get(name);
        if (spec != null) {
            return spec;
        }
        Matcher m = FIXED.matcher(name);
        if (m.matches()) {
            try {
                return new FixedPointFormat(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("format '" + name + "': " + e.getMessage());
            }
        }
        throw new InvalidInputException("unknown format '" + name + "'; expected one of " + BY_NAME.keySet()
                + " or qM.N with 1+M+N in {4, 8, 16, 32}");
    }
}
