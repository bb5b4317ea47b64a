package org.undervolt.store;

/**
 * Text keys of sweep points. A BER is written with {@link Double#toString}, which reads back as the
 * same double, so a key names its point exactly.
 */
public final class PointKeys {
    private static final java.util.regex.Pattern BER_VALUE = java.util.regex.Pattern.compile("ber=([0-9][0-9.eE+-]*)");

    private PointKeys() {
    }

    /** The key of a whole-network BER point: {@code ber=<value>}. */
    public static String ber(double ber) {
        return "ber=" + ber;
    }

    /**
     * A point key as a person reads it: each {@code ber=} value with at most four significant digits
     * ({@code ber=1e-4}, not {@code ber=1.0E-4}); the key itself keeps every digit.
     */
    public static String human(String key) {
        java.util.regex.Matcher m = BER_VALUE.matcher(key);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "ber=" + org.undervolt.io.HumanNumbers.text(Double.parseDouble(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    /** The key of a per-layer, per-data-type BER point: {@code layer=<l>;type=<t>;ber=<value>}. */
    public static String layerType(String layer, String dataType, double ber) {
        return "layer=" + layer + ";type=" + dataType + ";ber=" + ber;
    }
}
