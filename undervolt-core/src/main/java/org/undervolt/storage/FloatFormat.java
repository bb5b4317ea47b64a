package org.undervolt.storage;

/**
 * The floating-point formats: FP32 (IEEE 754 binary32), FP16 (binary16) and BF16 (bfloat16). They
 * need no fitted parameters, so each is its own {@link FormatSpec}.
 *
 * <p>NaN/Inf policy: encoding keeps ±Inf and turns any NaN into a quiet NaN; values beyond the
 * largest finite FP16/BF16 round to ±Inf (IEEE round-to-nearest-even). Decoding is exact for every
 * bit pattern, so a flipped exponent bit can yield a huge value, Inf or NaN; value correction
 * (bounding to the profiled range) is what removes them.
 */
public final class FloatFormat implements NumberFormat, FormatSpec {
    public static final FloatFormat FP32 = new FloatFormat("fp32", 32, 23, -126);
    public static final FloatFormat FP16 = new FloatFormat("fp16", 16, 10, -14);
    public static final FloatFormat BF16 = new FloatFormat("bf16", 16, 7, -126);

    /** The three formats. */
    public static java.util.List<FloatFormat> values() {
        return java.util.List.of(FP32, FP16, BF16);
    }

    private final String name;
    private final int bits;
    private final int fractionBits;
    private final int minExponent;

    private FloatFormat(String name, int bits, int fractionBits, int minExponent) {
        this.name = name;
        this.bits = bits;
        this.fractionBits = fractionBits;
        this.minExponent = minExponent;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int bitsPerValue() {
        return bits;
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public NumberFormat fit(float[] values, int[] shape) {
        return this;
    }

    /** The bit pattern of one value. */
    public int toBits(float v) {
        if (this == FP16) {
            return HalfFloats.toHalf(v);
        }
        if (this == BF16) {
            return HalfFloats.toBfloat16(v);
        }
        return Float.floatToRawIntBits(Float.isNaN(v) ? Float.NaN : v);
    }

    /** The value of one bit pattern (low {@link #bitsPerValue()} bits). */
    public float fromBits(int pattern) {
        if (this == FP16) {
            return HalfFloats.fromHalf(pattern);
        }
        if (this == BF16) {
            return HalfFloats.fromBfloat16(pattern);
        }
        return Float.intBitsToFloat(pattern);
    }

    @Override
    public void encode(float[] values, byte[] dst, int offset) {
        for (int i = 0; i < values.length; i++) {
            Packing.put(dst, offset, i, bits, toBits(values[i]));
        }
    }

    @Override
    public void decode(byte[] src, int offset, float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = fromBits(Packing.get(src, offset, i, bits));
        }
    }

    /** The spacing of representable values at {@code value}'s magnitude (subnormal spacing below the normal range). */
    @Override
    public double step(int index, float value) {
        int e = Math.max(Math.getExponent(value), minExponent);
        return Math.scalb(1.0, e - fractionBits);
    }
}
