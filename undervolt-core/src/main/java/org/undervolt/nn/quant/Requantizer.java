package org.undervolt.nn.quant;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Scales an int32 accumulator to the next layer's int8 grid with integer arithmetic only, as
 * integer accelerators do (gemmlowp's quantised multiplier, Jacob et al., "Quantization and
 * training of neural networks for efficient integer-arithmetic-only inference", CVPR 2018, §2.2):
 * {@code q = clamp(round(acc · M), lo, 127)} with the real multiplier {@code M} held as a 31-bit
 * integer {@code m} and a right shift {@code s}, {@code M ≈ m · 2^-s}; ties round toward +∞
 * ({@code (acc·m + 2^(s−1)) >> s}).
 */
public final class Requantizer {
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final int LANES = LS.length();
    private static final VectorSpecies<Integer> IS = VectorSpecies.of(int.class,
            jdk.incubator.vector.VectorShape.forBitSize(LANES * 32));
    private static final VectorSpecies<Byte> BS = VectorSpecies.of(byte.class,
            jdk.incubator.vector.VectorShape.forBitSize(LANES * 8));

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

    /**
     * Requantises {@code n} accumulators at once: {@code y[yOff + i] = apply(acc[accOff + i] + bias)} for
     * {@code i < n}, the int32 sum wrapping as in {@link #apply}'s caller. Bit-identical to the scalar loop
     * (the same 64-bit products, rounding and clamps, eight lanes at a time); the scalar {@link #apply} finishes
     * the tail.
     */
    public void applyAll(int[] acc, int accOff, int bias, byte[] y, int yOff, int n) {
        int i = 0;
        if (n >= LANES) {
            LongVector m = LongVector.broadcast(LS, multiplier);
            LongVector half = LongVector.broadcast(LS, shift == 0 ? 0 : 1L << (shift - 1));
            LongVector low = LongVector.broadcast(LS, lo);
            LongVector high = LongVector.broadcast(LS, 127);
            for (; i + LANES <= n; i += LANES) {
                IntVector a = IntVector.fromArray(IS, acc, accOff + i).add(bias);
                LongVector v = ((LongVector) a.convertShape(VectorOperators.I2L, LS, 0)).mul(m).add(half)
                        .lanewise(VectorOperators.ASHR, shift).max(low).min(high);
                ((ByteVector) v.convertShape(VectorOperators.L2B, BS, 0)).intoArray(y, yOff + i);
            }
        }
        for (; i < n; i++) {
            y[yOff + i] = (byte) apply(acc[accOff + i] + bias);
        }
    }

    /** The real multiplier this requantizer applies, {@code m · 2^-s}. */
    public double multiplier() {
        return multiplier * Math.pow(2, -shift);
    }
}
