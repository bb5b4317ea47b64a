package org.undervolt.dram.device;

import org.undervolt.EnumWords;

/**
 * What happens below a device's lowest usable measured point. {@link #STOP} (the default: no invented data) stops
 * there and says so ({@link LimitedBy#DATA_FLOOR}); {@link #EXTRAPOLATE} follows a fitted log-linear law
 * (ln BER linear in the knob: the slope of the device's two lowest nonzero points, else the median slope of its
 * table's devices) for at most one measurement step further ({@link LimitedBy#EXTRAPOLATION_LIMIT}).
 */
public enum FloorPolicy {
    STOP,
    EXTRAPOLATE;

    public static FloorPolicy parse(String s) {
        return EnumWords.parse(values(), "--floor", s);
    }

    @Override
    public String toString() {
        return EnumWords.word(this);
    }
}
