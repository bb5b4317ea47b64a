package org.undervolt.resilience;

import java.util.Locale;

import org.undervolt.InvalidInputException;
import org.undervolt.snn.DiehlCook;

/**
 * What the compute engine does with a Diehl and Cook input weight as it is read from approximate DRAM.
 * Trained weights live in {@code [0, wmax]} (STDP clips them there, {@link DiehlCook#W_MAX}), so a value
 * read outside that range, or NaN, or an infinity, can only come from a bit error, and a check of the
 * range on read costs two comparisons per weight (the same kind of value correction EDEN applies to DNN
 * weights, Koppula et al., MICRO 2019, §4.3; docs/PAPERS.md).
 *
 * <ul>
 *   <li>{@link #NONE}: the value as read (the evaluator still reads NaN and infinities as 0, as a
 *       synapse that conducts nothing);</li>
 *   <li>{@link #CLAMP}: to the nearest end of the range: above {@code wmax} (+∞ included) becomes
 *       {@code wmax}, below 0 (−∞ included) becomes 0, NaN becomes 0;</li>
 *   <li>{@link #ZERO}: any value outside the range, NaN or infinite becomes 0.</li>
 * </ul>
 *
 * <p>For FP32 the two differ in one place that matters: a flipped high exponent bit turns a small weight into
 * a huge one; {@code clamp} makes it {@code wmax} (the strongest synapse the network can have), {@code zero}
 * removes it. Which is better is measured (evidence/issue-18).
 */
public enum ReadCorrection {
    NONE, CLAMP, ZERO;

    /** {@code none}, {@code clamp} or {@code zero} (case-insensitive). */
    public static ReadCorrection parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ReadCorrection c : values()) {
            if (c.id().equals(t)) {
                return c;
            }
        }
        throw new InvalidInputException("read correction '" + text + "': expected none, clamp or zero");
    }

    /** The name used in configs and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Corrects {@code w} in place; returns how many values it changed. */
    public int apply(float[] w) {
        if (this == NONE) {
            return 0;
        }
        float max = (float) DiehlCook.W_MAX;
        int changed = 0;
        for (int i = 0; i < w.length; i++) {
            float v = w[i];
            if (v >= 0 && v <= max) {
                continue; // NaN fails both tests
            }
            w[i] = this == CLAMP && v > max ? max : 0f;
            changed++;
        }
        return changed;
    }
}
