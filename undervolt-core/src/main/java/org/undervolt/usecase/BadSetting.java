package org.undervolt.usecase;

import org.undervolt.InvalidInputException;

/**
 * A request's setting out of its range: the key (snake_case), the value given and what is expected. Bad
 * input (exit 2); {@link #named} says it in the caller's words.
 */
public final class BadSetting extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object value;
    private final String expected;

    public BadSetting(String key, Object value, String expected) {
        super(key + " " + value + ": expected " + expected);
        this.key = key;
        this.value = value;
        this.expected = expected;
    }

    public String key() {
        return key;
    }

    /** The same complaint with the key as {@code names} calls it, e.g. {@code --vdd-step 0.0: expected ...}. */
    public InvalidInputException named(SettingNames names) {
        return new InvalidInputException(names.of(key) + " " + value + ": expected " + expected, this);
    }

    /** {@code value} if it lies in [lo, hi] (NaN never does), else a BadSetting saying {@code form in [lo, hi]}. */
    public static double within(String key, double value, double lo, double hi, String form) {
        if (!(value >= lo && value <= hi)) {
            throw new BadSetting(key, value, form + " in [" + plain(lo) + ", " + plain(hi) + "]");
        }
        return value;
    }

    /** {@code value} if it lies in (0, hi], else a BadSetting saying {@code form in (0, hi]}. */
    public static double aboveZero(String key, double value, double hi, String form) {
        if (!(value > 0 && value <= hi)) {
            throw new BadSetting(key, value, form + " in (0, " + plain(hi) + "]");
        }
        return value;
    }

    /** {@code value} if it lies in lo..hi, else a BadSetting saying {@code an integer in lo..hi} (or {@code >= lo}). */
    public static long range(String key, long value, long lo, long hi) {
        if (value < lo || value > hi) {
            throw new BadSetting(key, value, hi == Long.MAX_VALUE || hi == Integer.MAX_VALUE ? "an integer >= " + lo
                    : "an integer in " + lo + ".." + hi);
        }
        return value;
    }

    /** 1 for 1.0, 0.0001 for 1e-4: a bound as people write it. */
    public static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
