package org.undervolt.dram.device;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.undervolt.InvalidInputException;

/** Options whose values are an enum's constants written in lower case ({@link BerBound}, {@link FloorPolicy}). */
final class LowerCaseNames {
    private LowerCaseNames() {
    }

    /** The constant named {@code s} (any case, surrounding blanks ignored); else an error naming {@code option} and the choices. */
    static <E extends Enum<E>> E parse(E[] values, String option, String s) {
        String word = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (E e : values) {
            if (lowerCase(e).equals(word)) {
                return e;
            }
        }
        String[] names = Arrays.stream(values).map(LowerCaseNames::lowerCase).toArray(String[]::new);
        String choices = Arrays.stream(names, 0, names.length - 1).collect(Collectors.joining(", "))
                + " or " + names[names.length - 1];
        throw new InvalidInputException(option + ": expected " + choices + ", got '" + s + "'");
    }

    static String lowerCase(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
