package org.undervolt.usecase;

import org.undervolt.InvalidInputException;

/**
 * A request's setting out of its range: the key (snake_case), the value given and what is expected. Bad
 * input (exit 2); {@link #named} says it in the caller's words.
 */
public final class BadSetting extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /** Keys (even indices, snake_case) and the words between them (odd indices), in the order of the message. */
    private final String[] pieces;

    public BadSetting(String key, Object value, String expected) {
        this(key, " " + value + ": expected " + expected);
    }

    private BadSetting(String... pieces) {
        super(String.join("", pieces));
        this.pieces = pieces.clone();
    }

    /** A complaint worded {@code KEY: DETAIL}, e.g. {@code trials: -1; expected a positive count}. */
    public static BadSetting about(String key, String detail) {
        return new BadSetting(key, ": " + detail);
    }

    /**
     * Two settings that do not go together, worded {@code KEY VALUE with OTHER: DETAIL}, e.g.
     * {@code datapath int8 with ber: bit errors on the integer datapath are not offered yet}.
     */
    public static BadSetting combination(String key, Object value, String other, String detail) {
        return new BadSetting(key, " " + value + " with ", other, ": " + detail);
    }

    /**
     * A complaint naming several settings: keys and words alternate, a key first, e.g. {@code ("devices",
     * " voltron: its devices are measured against vdd, not ", "knob", " trcd")}.
     */
    public static BadSetting worded(String key, String words, String... moreKeysAndWords) {
        String[] all = new String[2 + moreKeysAndWords.length];
        all[0] = key;
        all[1] = words;
        System.arraycopy(moreKeysAndWords, 0, all, 2, moreKeysAndWords.length);
        return new BadSetting(all);
    }

    /** The (first) setting the complaint is about. */
    public String key() {
        return pieces[0];
    }

    /** The same complaint with the keys as {@code names} calls them, e.g. {@code --vdd-step 0.0: expected ...}. */
    public InvalidInputException named(SettingNames names) {
        StringBuilder m = new StringBuilder();
        for (int k = 0; k < pieces.length; k++) {
            m.append(k % 2 == 0 ? names.of(pieces[k]) : pieces[k]);
        }
        return new InvalidInputException(m.toString(), this);
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
