package org.undervolt.cli;

import java.util.function.Function;

import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;

/**
 * Checks of option values with one message form for the whole CLI (issue 11, "errors for people"):
 * {@code <option> <value>: expected <form>}, so the line names the option, what was given and what
 * would be accepted. Commands call these before loading data or doing any work.
 */
final class OptionValues {
    private OptionValues() {
    }

    /**
     * {@code parser.apply(value)}; a rejection ({@link InvalidInputException}) is re-thrown with the option
     * and the value in front, unless its message already starts with the option.
     */
    static <T> T parse(String option, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (InvalidInputException e) {
            String m = e.getMessage();
            if (m != null && m.startsWith(option)) {
                throw e;
            }
            throw new InvalidInputException(option + " " + value + ": " + m, e);
        }
    }

    /** A count in {@code lo..hi}. */
    static long range(String option, long value, long lo, long hi) {
        if (value < lo || value > hi) {
            throw new InvalidInputException(option + " " + value + ": expected " + (hi == Long.MAX_VALUE
                    ? "an integer >= " + lo : "an integer in " + lo + ".." + hi));
        }
        return value;
    }

    /** A count in {@code lo..hi}. */
    static int range(String option, int value, int lo, int hi) {
        return (int) range(option, (long) value, lo, hi == Integer.MAX_VALUE ? Long.MAX_VALUE : hi);
    }

    /** A count in {@code 1..max}, or {@code max} when not given (null). */
    static int count(String option, Integer value, int max) {
        if (value == null) {
            return max;
        }
        if (value < 1 || value > max) {
            throw new InvalidInputException(option + " " + value + ": expected 1.." + max);
        }
        return value;
    }

    /** The first {@code value} images of {@code data}, {@code value} in 1..its size; all of them when not given (null). */
    static ImageDataset first(String option, Integer value, ImageDataset data) {
        return value == null ? data : data.slice(0, count(option, value, data.size()));
    }

    /** A bit error rate in [0, 1]. */
    static double ber(String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidInputException(option + " " + value + ": expected a bit error rate in [0, 1]");
        }
        return value;
    }

    /**
     * The ends of a BER range: {@code min} in (0, 1], {@code max} in [{@code min}, 1] (a log grid or a
     * schedule runs from one to the other).
     */
    static void berRange(String minOption, double min, String maxOption, double max) {
        if (!(min > 0 && min <= 1)) {
            throw new InvalidInputException(minOption + " " + min + ": expected a bit error rate in (0, 1]");
        }
        if (!(max > 0 && max <= 1)) {
            throw new InvalidInputException(maxOption + " " + max + ": expected a bit error rate in (0, 1]");
        }
        if (max < min) {
            throw new InvalidInputException(maxOption + " " + max + ": expected a bit error rate in [" + min + ", 1] (at least "
                    + minOption + ")");
        }
    }

    /** A number in [lo, hi] (NaN is refused); {@code form} says what it is, e.g. "a fraction". */
    static double within(String option, double value, double lo, double hi, String form) {
        if (!(value >= lo && value <= hi)) {
            throw new InvalidInputException(option + " " + value + ": expected " + form + " in [" + lo + ", " + hi + "]");
        }
        return value;
    }

    /** A finite number above 0; {@code form} says what it is, e.g. "a voltage". */
    static double positive(String option, double value, String form) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new InvalidInputException(option + " " + value + ": expected " + form + " > 0");
        }
        return value;
    }
}
