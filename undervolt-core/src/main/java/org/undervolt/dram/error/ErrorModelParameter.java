package org.undervolt.dram.error;

import java.util.List;
import java.util.Locale;

/**
 * One shape parameter of a registered error model ({@link ErrorModelRegistry}): its name in a spec,
 * what it means, its default and the values it takes.
 *
 * @param name         the name in a spec, e.g. {@code cell-rate} in {@code bitline:cell-rate=0.5}
 * @param meaning      one sentence: what the value is, with the symbol of the paper it comes from
 * @param defaultValue the value used when the spec does not give it, or null when it is derived from
 *                     the BER (the meaning says how)
 * @param domain       the values it takes
 */
public record ErrorModelParameter(String name, String meaning, String defaultValue, Domain domain) {
    /** A parameter value as a spec and a model's name carry it: four significant digits, plain ({@code 0.0002}). */
    static String shortest(double x) {
        return Double.isFinite(x)
                ? new java.math.BigDecimal(x).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString()
                : Double.toString(x);
    }


    public ErrorModelParameter {
        if (defaultValue != null && !domain.readsData()) { // data read when a spec uses it (and by the contract test)
            domain.check(defaultValue);
        }
    }

    /** The values a parameter takes, with the form a message names. */
    public interface Domain {
        /** The form of a value, e.g. {@code a number in (0, 1]} or {@code blocked|sequential}. */
        String form();

        /** The short placeholder of a value in a spec's form, e.g. {@code F} or {@code blocked|sequential}. */
        String placeholder();

        /**
         * The canonical text of {@code value}.
         *
         * @throws IllegalArgumentException naming the value and {@link #form()}
         */
        String check(String value);

        /** Whether checking a value reads data (a device table, a part): then a default is checked when used. */
        default boolean readsData() {
            return false;
        }

        /** A probability above 0: {@code (0, 1]}. */
        static Domain fraction() {
            return new Numbers(0, false, 1, "F");
        }

        /** A finite number {@code >= 0}. */
        static Domain nonNegative() {
            return new Numbers(0, true, Double.POSITIVE_INFINITY, "R");
        }

        /** One of the given words. */
        static Domain choice(String... words) {
            return new Words(List.of(words));
        }

        /**
         * Values another layer reads (a device, a DRAM part): {@code canonical} returns the value's canonical text, or
         * throws ({@link IllegalArgumentException} or an input error) with a message naming what is wrong.
         */
        static Domain of(String form, String placeholder, java.util.function.UnaryOperator<String> canonical) {
            return new Named(form, placeholder, canonical);
        }
    }

    /** A domain whose values another layer reads and checks. */
    private record Named(String form, String placeholder, java.util.function.UnaryOperator<String> canonical)
            implements Domain {
        @Override
        public boolean readsData() {
            return true;
        }

        @Override
        public String check(String value) {
            try {
                return canonical.apply(value.trim());
            } catch (RuntimeException e) { // the reader's one-line complaint, said of this parameter by the registry
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    /** One of a list of words, any case. */
    private record Words(List<String> words) implements Domain {
        @Override
        public String form() {
            return String.join("|", words);
        }

        @Override
        public String placeholder() {
            return form();
        }

        @Override
        public String check(String value) {
            String v = value.toLowerCase(Locale.ROOT);
            if (!words.contains(v)) {
                throw new IllegalArgumentException("'" + value + "' is not one of " + form());
            }
            return v;
        }
    }

    /** Numbers between two ends; the upper end is always included. */
    private record Numbers(double lo, boolean loIncluded, double hi, String placeholder) implements Domain {
        @Override
        public String form() {
            return Double.isInfinite(hi) ? "a finite number " + (loIncluded ? ">= " : "> ") + format(lo)
                    : "a number in " + (loIncluded ? "[" : "(") + format(lo) + ", " + format(hi) + "]";
        }

        @Override
        public String check(String value) {
            double v;
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not " + form());
            }
            if (!(loIncluded ? v >= lo : v > lo) || !(v <= hi) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(value + " is not " + form());
            }
            return value.toLowerCase(Locale.ROOT); // 1E-3 as 1e-3: one text per value
        }

        private static String format(double x) {
            return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
        }
    }
}
