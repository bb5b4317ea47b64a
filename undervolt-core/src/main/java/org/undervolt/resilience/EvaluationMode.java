package org.undervolt.resilience;

import org.undervolt.EnumWords;

/** How the trials of a tolerance point use the test images. */
public enum EvaluationMode {
    /**
     * Every trial on every test image; where a trial's draws depend on the image order (IFM errors), in the order
     * and batches a sequential search of the same seed uses, so both modes meet the same errors on every image.
     */
    FULL,
    /** Paired with the error-free predictions, images in chunks, stopped when the decision is settled ({@link SequentialRule}). */
    SEQUENTIAL;

    public static EvaluationMode parse(String s) {
        return EnumWords.parseSetting(values(), "evaluation", s);
    }

    /** The name as options and configuration files spell it. */
    public String id() {
        return EnumWords.word(this);
    }
}
