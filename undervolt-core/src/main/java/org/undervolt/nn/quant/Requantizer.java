package org.undervolt.nn.quant;

/**
 * Scales an int32 accumulator to the next layer's int8 grid with integer arithmetic only, as
 * integer accelerators do (gemmlowp's quantised multiplier, Jacob et al., "Quantization and
 * training of neural networks for efficient integer-arithmetic-only inference", CVPR 2018, §2.2):
 * {@code q = clamp(round(acc · M), lo, 127)} with the real multiplier {@code M} held as a 31-bit
 * integer {@code m} and a right shift {@code s}, {@code M ≈ m · 2^-s}; ties round toward +∞
 * ({@code (acc·m + 2^(s−1)) >> s}).
 */
public final class Requantizer {
    private final long multiplier;
    private final int shift;
    private final int lo;

    /**
     * @param m    the real multiplier, {@code 0 < m < 2^31}
     * @param relu whether to clamp at 0 (a fused ReLU) instead of -128
     */
    public Requantizer(double m, boolean relu) {
        if (!(m > 0) || m >= 0x1p31) {
            throw new IllegalArgumentException("requantisation multiplier out of range: " + m);
        }
        int s = 0;
        double scaled = m;
        while (scaled < 0x1p30 && s < 62) {
            scaled *= 2;
            s++;
        }
        this.multiplier = Math.round(scaled);
        this.shift = s;
        this.lo = relu ? 0 : -128;
    }

    /** The int8 value of accumulator {@code acc}. */
    public int apply(int acc) {
        long v = shift == 0 ? acc * multiplier : (acc * multiplier + (1L << (shift - 1))) >> shift;
        return (int) Math.max(lo, Math.min(127, v));
    }

    /** The real multiplier this requantizer applies, {@code m · 2^-s}. */
    public double multiplier() {
        return multiplier * Math.pow(2, -shift);
    }
}
