package org.undervolt.resilience;

import java.util.Locale;

import org.undervolt.InvalidInputException;

/** How the trials of a tolerance point use the test images. */
public enum EvaluationMode {
    /** Every trial on every test image. */
    FULL,
    /** Paired with the error-free predictions, images in chunks, stopped when the decision is settled ({@link SequentialRule}). */
    SEQUENTIAL;

    public static EvaluationMode parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("evaluation '" + s + "' is unknown; expected full or sequential");
        }
    }

    /** The name as options and configuration files spell it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
