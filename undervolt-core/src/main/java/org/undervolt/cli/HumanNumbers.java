package org.undervolt.cli;

import java.math.BigDecimal;
import java.math.MathContext;

import org.undervolt.dram.device.OperatingPoints;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Numbers as a person reads them in text output: at most four significant digits, no trailing zeros
 * ({@code 0.001}, {@code 0.9925}, {@code 1.692E-7}, not {@code 1.6916400000000002E-7}); whole numbers as they are.
 * JSON output keeps every digit.
 */
final class HumanNumbers {
    private static final MathContext FOUR = new MathContext(4);

    private HumanNumbers() {
    }

    /** {@code v} as text: a float or double to at most four significant digits, anything else as it prints. */
    static String text(Object v) {
        if (!(v instanceof Double || v instanceof Float)) {
            return String.valueOf(v);
        }
        double d = ((Number) v).doubleValue();
        if (!Double.isFinite(d)) {
            return String.valueOf(d);
        }
        BigDecimal b = new BigDecimal(d).round(FOUR).stripTrailingZeros();
        double a = Math.abs(d);
        return a == 0 || (a >= 1e-3 && a < 1e7) ? b.toPlainString() : b.toString();
    }

    /**
     * A map as text, {@code key=value} in the map's order, comma-separated, each value as {@link #text(Object)}
     * ({@code VDD=1.35, VPP=2.5}, not Java's {@code {VDD=1.35, VPP=2.5}}); {@code -} when it is empty.
     */
    static String pairs(java.util.Map<?, ?> m) {
        if (m.isEmpty()) {
            return "-";
        }
        java.util.StringJoiner j = new java.util.StringJoiner(", ");
        m.forEach((k, v) -> j.add(k + "=" + text(v)));
        return j.toString();
    }

    /**
     * Counts as words, {@code name count} in the map's order, comma-separated ({@code ACT 30, RD 3173}, not Java's
     * {@code {ACT=30, RD=3173}}); {@code -} when it is empty.
     */
    static String counts(java.util.Map<?, ?> m) {
        return m.isEmpty() ? "-" : OperatingPoints.countsText(m);
    }

    /** A JSON value as text: a fractional number as {@link #text(Object)}, text without quotes, the rest as JSON. */
    static String text(JsonNode v) {
        return v.isFloatingPointNumber() ? text(v.doubleValue()) : v.isValueNode() ? v.asText() : v.toString();
    }
}
