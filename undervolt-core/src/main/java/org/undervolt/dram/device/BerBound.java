package org.undervolt.dram.device;

import org.undervolt.EnumWords;

/**
 * Which per-bit BER a device table's row gives. For Voltron's failing-cache-line fraction f, {@link #LOWER} is
 * f / 512 (one flipped bit per failing 512-bit line) and {@link #UPPER} is f (every bit of it); DIVA's counts are of
 * bits, so both are the same. LOWER is the default: it assumes nothing beyond the measurement (a failing line has at
 * least one flipped bit), and it is the rate Undervolt's independent-flip injection (EDEN's model 0) implies from f to
 * within 1.4x at every measured fraction (1 − (1 − f)^(1/512) over f / 512 is 1.001 at f = 0.2 %, 1.39 at f = 50 %);
 * UPPER would need all 512 bits of a line to fail together, which no characterisation reports. It is shown as the
 * range's other end ({@code --ber-bound upper}).
 */
public enum BerBound {
    LOWER,
    UPPER;

    public static BerBound parse(String s) {
        return EnumWords.parse(values(), "--ber-bound", s);
    }

    @Override
    public String toString() {
        return EnumWords.word(this);
    }
}
