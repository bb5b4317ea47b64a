package org.undervolt.storage;

/**
 * Signed fixed point Qm.n: two's complement with {@code m} integer bits, {@code n} fraction bits
 * and a sign bit, {@code value = q / 2^n}, stored in {@code 1 + m + n} = 4, 8, 16 or 32 bits (the
 * ARM/TI "Qm.n" convention, where m excludes the sign bit). SparkXD-style fixed-point weights are
 * stored this way (docs/PAPERS.md §1.3).
 *
 * <p>Encoding rounds to nearest, ties to even, and saturates to {@code [-2^m, 2^m - 2^-n]}; NaN
 * encodes as 0, ±Inf saturate. Every pattern decodes to a finite value in that range; 32-bit
 * codes wider than a float's 24-bit significand decode to the nearest float.
 */
public record FixedPointFormat(int integerBits, int fractionBits) implements NumberFormat, FormatSpec {

    public FixedPointFormat {
        int total = 1 + integerBits + fractionBits;
        if (integerBits < 0 || fractionBits < 0 || (total != 4 && total != 8 && total != 16 && total != 32)) {
            throw new IllegalArgumentException("Q" + integerBits + "." + fractionBits
                    + ": need m, n >= 0 and 1 + m + n in {4, 8, 16, 32}");
        }
    }

    @Override
    public String name() {
        return "q" + integerBits + "." + fractionBits;
    }

    @Override
    public int bitsPerValue() {
        return 1 + integerBits + fractionBits;
    }

    @Override
    public NumberFormat fit(float[] values, int[] shape) {
        return this;
    }

    /** The largest and smallest codes. */
    private long maxCode() {
        return (1L << (bitsPerValue() - 1)) - 1;
    }

    @Override
    public void encode(float[] values, byte[] dst, int offset) {
        int bits = bitsPerValue();
        long max = maxCode();
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            long q = 0;
            if (!Float.isNaN(v)) {
                double scaled = Math.rint(Math.scalb((double) v, fractionBits));
                q = (long) Math.max(-max - 1, Math.min(max, scaled));
            }
            Packing.put(dst, offset, i, bits, (int) q);
        }
    }

    @Override
    public void decode(byte[] src, int offset, float[] values) {
        int bits = bitsPerValue();
        for (int i = 0; i < values.length; i++) {
            int q = Packing.signExtend(Packing.get(src, offset, i, bits), bits);
            values[i] = (float) Math.scalb((double) q, -fractionBits);
        }
    }

    @Override
    public double step(int index, float value) {
        return Math.scalb(1.0, -fractionBits);
    }

    /** The largest representable value. */
    public double max() {
        return Math.scalb((double) maxCode(), -fractionBits);
    }

    /** The smallest (most negative) representable value. */
    public double min() {
        return -Math.scalb(1.0, integerBits);
    }
}
