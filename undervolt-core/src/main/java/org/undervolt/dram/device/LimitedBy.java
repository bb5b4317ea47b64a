package org.undervolt.dram.device;

import org.undervolt.EnumWords;

/** What stopped an operating point from going lower. */
public enum LimitedBy {
    /** The tolerable BER: one step lower would exceed it. The network decided. */
    TOLERANCE,
    /** The device has no measurement lower (its lowest measured point, or the last one below its saturated points). */
    DATA_FLOOR,
    /** The fitted law is not followed further than one measurement step below the data (or to BER 0.5). */
    EXTRAPOLATION_LIMIT,
    /** Timing: a lower voltage would cost more energy through its longer timings, or lies below the timing table. */
    TIMING;

    /** The word in JSON and text output: {@code tolerance}, {@code data-floor}, ... ({@link EnumWords#word}). */
    public String label() {
        return EnumWords.word(this);
    }

    @Override
    public String toString() {
        return label();
    }
}
