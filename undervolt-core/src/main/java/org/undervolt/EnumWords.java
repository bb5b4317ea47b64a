package org.undervolt;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Option values that name an enum's constants by their words: the constant's name in lower case with {@code '_'}
 * written {@code '-'} ({@code BANK_SEQUENTIAL} is {@code bank-sequential}). A value is read in any case, blanks
 * around it ignored; a value that names no constant is an {@link InvalidInputException} naming the option, every
 * word and what was given.
 */
public final class EnumWords {
    private EnumWords() {
    }

    /** The constant whose word is {@code s}; else an error naming {@code option} and the choices. */
    public static <E extends Enum<E>> E parse(E[] values, String option, String s) {
        return parse(values, option, s, Map.of());
    }

    /** {@link #parse(Enum[], String, String)} that also accepts the other words of {@code aliases} (lower case). */
    public static <E extends Enum<E>> E parse(E[] values, String option, String s, Map<String, E> aliases) {
        E e = find(values, s, aliases);
        if (e == null) {
            throw new InvalidInputException(option + ": expected " + choices(values) + ", got '" + s + "'");
        }
        return e;
    }

    /**
     * The constant whose word is {@code s}; else an error in the words of a setting, e.g. {@code granularity 'chip'
     * is unknown; expected rank, bank or subarray} for {@code what} = {@code granularity}.
     */
    public static <E extends Enum<E>> E parseSetting(E[] values, String what, String s) {
        E e = find(values, s, Map.of());
        if (e == null) {
            throw new InvalidInputException(what + " '" + s + "' is unknown; expected " + choices(values));
        }
        return e;
    }

    private static <E extends Enum<E>> E find(E[] values, String s, Map<String, E> aliases) {
        String word = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (E e : values) {
            if (word(e).equals(word)) {
                return e;
            }
        }
        return aliases.get(word);
    }

    /** The words of {@code values}, as {@code a, b or c}. */
    private static String choices(Enum<?>[] values) {
        String[] words = Arrays.stream(values).map(EnumWords::word).toArray(String[]::new);
        return Arrays.stream(words, 0, words.length - 1).collect(Collectors.joining(", "))
                + " or " + words[words.length - 1];
    }

    /** The word of {@code e}: its name in lower case, {@code '_'} as {@code '-'}. */
    public static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
