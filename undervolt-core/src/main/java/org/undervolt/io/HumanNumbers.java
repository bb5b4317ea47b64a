package org.undervolt.io;

import java.math.BigDecimal;
import java.math.MathContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Numbers as a person reads them in text output: at most four significant digits, no trailing zeros
 * ({@code 0.001}, {@code 0.9925}, {@code 1.692e-7}, {@code 8.106e-6}, {@code 1.5e7}, not {@code 1.6916400000000002E-7}
 * or {@code 0.000008106}); whole numbers as they are. The exponent is a small {@code e}, as the command lines
 * take it ({@code --ber 1e-4}) and the tables print it ({@code %.3e}); a capital {@code E} is Java's raw form.
 * JSON output keeps every digit. Every human line prints its fractional numbers through here (the CLI, the HTML report).
 */
public final class HumanNumbers {
    private static final MathContext FOUR = new MathContext(4);

    private HumanNumbers() {
    }

    /** {@code v} as text: a float or double to at most four significant digits, anything else as it prints. */
    public static String text(Object v) {
        if (!(v instanceof Double || v instanceof Float)) {
            return String.valueOf(v);
        }
        double d = ((Number) v).doubleValue();
        if (!Double.isFinite(d)) {
            return String.valueOf(d);
        }
        BigDecimal b = new BigDecimal(d).round(FOUR).stripTrailingZeros();
        double a = Math.abs(d);
        if (a == 0 || (a >= 1e-3 && a < 1e7)) {
            return b.toPlainString();
        }
        // scientific below 1e-3 and from 1e7 on (BigDecimal's own toString keeps 8.106e-6 plain, 0.000008106)
        int exponent = b.precision() - b.scale() - 1;
        return b.movePointLeft(exponent).stripTrailingZeros().toPlainString() + "e" + exponent;
    }

    /**
     * A map as text, {@code key=value} in the map's order, comma-separated, each value as {@link #text(Object)}
     * ({@code VDD=1.35, VPP=2.5}, not Java's {@code {VDD=1.35, VPP=2.5}}); {@code -} when it is empty.
     */
    public static String pairs(java.util.Map<?, ?> m) {
        if (m.isEmpty()) {
            return "-";
        }
        java.util.StringJoiner j = new java.util.StringJoiner(", ");
        m.forEach((k, v) -> j.add(k + "=" + text(v)));
        return j.toString();
    }

    /**
     * A JSON value as text: a fractional number as {@link #text(Object)}, text without quotes, a list element by element
     * ({@code [1e-4, 0.001]}), an object as JSON.
     */
    public static String text(JsonNode v) {
        if (v.isArray()) {
            java.util.StringJoiner j = new java.util.StringJoiner(", ", "[", "]");
            v.forEach(e -> j.add(text(e)));
            return j.toString();
        }
        return v.isFloatingPointNumber() ? text(v.doubleValue()) : v.isValueNode() ? v.asText() : v.toString();
    }
}
