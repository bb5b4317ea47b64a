package org.undervolt.storage;

/**
 * Bit-exact conversions between FP32 and the two 16-bit floating-point formats, IEEE 754 binary16
 * (FP16: 1 sign, 5 exponent, 10 fraction bits, bias 15) and bfloat16 (BF16: the upper half of an
 * FP32, 1 sign, 8 exponent, 7 fraction bits).
 *
 * <p>Narrowing rounds to nearest, ties to even, with gradual underflow to FP16 subnormals and
 * overflow to infinity, as IEEE 754-2008 §4.3.1 prescribes. NaN stays NaN: the payload's upper bits
 * are kept and the quiet bit set, so a NaN never narrows into an infinity. Widening is exact.
 */
public final class HalfFloats {
    private HalfFloats() {
    }

    /** FP32 to FP16 bits (in the low 16 bits of the result). */
    public static int toHalf(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = (bits >>> 23) & 0xFF;
        int mant = bits & 0x7F_FFFF;
        if (exp == 0xFF) {
            return mant == 0 ? sign | 0x7C00 : sign | 0x7E00 | (mant >>> 13);
        }
        int e = exp - 127 + 15;
        if (e >= 0x1F) {
            return sign | 0x7C00;
        }
        if (e <= 0) {
            if (e < -10) {
                return sign; // below half the smallest subnormal (2^-25): rounds to zero
            }
            // value = m * 2^(exp - 150); in units of the smallest subnormal 2^-24 that is m >> (14 - e)
            return sign | roundShift(mant | 0x80_0000, 14 - e);
        }
        // Rounding may carry into the exponent, and from the largest finite value into infinity.
        return sign | roundShift((e << 23) | mant, 13);
    }

    /** FP16 bits (low 16 bits of {@code h}) to FP32, exactly. */
    public static float fromHalf(int h) {
        int sign = (h & 0x8000) << 16;
        int e = (h >>> 10) & 0x1F;
        int m = h & 0x3FF;
        if (e == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F80_0000 | (m << 13));
        }
        if (e == 0) {
            float v = m * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((e - 15 + 127) << 23) | (m << 13));
    }

    /** FP32 to BF16 bits (in the low 16 bits of the result). */
    public static int toBfloat16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if ((bits & 0x7F80_0000) == 0x7F80_0000 && (bits & 0x7F_FFFF) != 0) {
            return (bits >>> 16) | 0x0040; // NaN: keep sign and upper payload, set the quiet bit
        }
        return roundShift(bits, 16) & 0xFFFF;
    }

    /** BF16 bits (low 16 bits of {@code b}) to FP32, exactly. */
    public static float fromBfloat16(int b) {
        return Float.intBitsToFloat((b & 0xFFFF) << 16);
    }

    /** {@code v >>> shift} rounded to nearest, ties to even (v non-negative as unsigned). */
    private static int roundShift(int v, int shift) {
        int q = v >>> shift;
        int rem = v & ((1 << shift) - 1);
        int half = 1 << (shift - 1);
        if (rem > half || (rem == half && (q & 1) == 1)) {
            q++;
        }
        return q;
    }
}
