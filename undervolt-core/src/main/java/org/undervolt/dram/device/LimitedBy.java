package org.undervolt.dram.device;

/** What stopped an operating point from going lower. */
public enum LimitedBy {
    /** The tolerable BER: one step lower would exceed it. The network decided. */
    TOLERANCE("tolerance"),
    /** The device has no measurement lower (its lowest measured point, or the last one below its saturated points). */
    DATA_FLOOR("data-floor"),
    /** The fitted law is not followed further than one measurement step below the data (or to BER 0.5). */
    EXTRAPOLATION_LIMIT("extrapolation-limit"),
    /** Timing: a lower voltage would cost more energy through its longer timings, or lies below the timing table. */
    TIMING("timing");

    private final String label;

    LimitedBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
