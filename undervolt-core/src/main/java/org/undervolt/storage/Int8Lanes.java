package org.undervolt.storage;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link IntegerFormat}'s per-tensor 8-bit encode and decode, bit-identical to its general scalar
 * loops (the IFMs of a tolerance trial are encoded and decoded once per layer and batch: with the general
 * loops, a fifth of a LeNet-5 trial's time).
 *
 * <p>Both run in vector lanes, with a scalar loop for the tail.
 */
final class Int8Lanes {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Integer> IS = S.withLanes(int.class);
    /** Bytes of {@code L} lanes; null where {@code L} bytes are no vector shape (then the scalar loop runs). */
    private static final VectorSpecies<Byte> BS = L * 8 >= 64 ? VectorSpecies.of(byte.class, VectorShape.forBitSize(L * 8)) : null;

    private Int8Lanes() {
    }

    /** {@code 1.5 · 2^23}: a float {@code |v| <= 2^22} plus it is rounded to an integer, ties to even. */
    private static final float ROUNDER = 12_582_912f;
    /** The bits of {@link #ROUNDER}; those of {@code ROUNDER + k} are {@code ROUNDER_BITS + k} for {@code |k| <= 2^22}. */
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);

    /**
     * {@code dst[offset + i] = (byte) clamp(rint(values[i] / scale) + zeroPoint, qMin, qMax)}, NaN to the zero
     * point. In vector lanes where the scale is a positive finite float and the codes lie within {@code ±2^22} of the
     * zero point (always for 8 bits): the float quotient (the scalar loop's own {@code x / scale}) is clamped to
     * {@code [qMin - zeroPoint, qMax - zeroPoint]} (integers, so clamping before rounding gives what rounding then
     * clamping does: {@code rint} is monotone and leaves integers alone), then rounded by adding {@code 1.5 · 2^23},
     * which rounds to an integer, ties to even, exactly as {@link Math#rint} (the float's unit in the last place is 1
     * there), and its bits less those of {@code 1.5 · 2^23} are the integer: no float-to-int conversion, which JDK 17
     * does not compile in lanes. A NaN quotient (only where the value is NaN) becomes 0 before clamping, so it stores
     * the zero point (which must lie in {@code [qMin, qMax]}). About 0.2 ns a value against 2.5 for the loop (one
     * thread, CPU time, 300k values). The tail, and every other case, in the scalar loop.
     */
    static void encode(float[] values, byte[] dst, int offset, float scale, int zeroPoint, int qMin, int qMax) {
        int i = 0;
        if (BS != null && scale > 0 && scale < Float.POSITIVE_INFINITY && qMin <= zeroPoint && zeroPoint <= qMax
                && qMin - (long) zeroPoint >= -(1 << 22) && qMax - (long) zeroPoint <= 1 << 22) {
            FloatVector s = FloatVector.broadcast(S, scale);
            FloatVector lo = FloatVector.broadcast(S, qMin - zeroPoint);
            FloatVector hi = FloatVector.broadcast(S, qMax - zeroPoint);
            FloatVector rounder = FloatVector.broadcast(S, ROUNDER);
            FloatVector zero = FloatVector.zero(S);
            IntVector shift = IntVector.broadcast(IS, zeroPoint - ROUNDER_BITS);
            for (int end = S.loopBound(values.length); i < end; i += L) {
                FloatVector v = FloatVector.fromArray(S, values, i).div(s);
                v = v.blend(zero, v.compare(VectorOperators.NE, v)); // NaN (only where x is NaN) to the zero point
                IntVector q = v.max(lo).min(hi).add(rounder).reinterpretAsInts().add(shift);
                q.convertShape(VectorOperators.I2B, BS, 0).reinterpretAsBytes().intoArray(dst, offset + i);
            }
        }
        for (; i < values.length; i++) {
            float x = values[i];
            int q;
            if (Float.isNaN(x)) {
                q = zeroPoint;
            } else {
                q = (int) Math.max(qMin, Math.min(qMax, Math.rint(x / scale) + zeroPoint));
            }
            dst[offset + i] = (byte) q;
        }
    }

    /**
     * {@code values[i] = (q_i - zeroPoint) * scale} with {@code q_i} the signed ({@code symmetric}) or unsigned
     * byte {@code src[offset + i]}; returns the first index it left to the caller's scalar loop.
     */
    static int decode(byte[] src, int offset, float[] values, float scale, int zeroPoint, boolean symmetric) {
        if (BS == null) {
            return 0;
        }
        FloatVector s = FloatVector.broadcast(S, scale);
        IntVector zp = IntVector.broadcast(IS, zeroPoint);
        int i = 0;
        for (int end = S.loopBound(values.length); i < end; i += L) {
            IntVector q = (IntVector) ByteVector.fromArray(BS, src, offset + i).convertShape(VectorOperators.B2I, IS, 0);
            if (!symmetric) {
                q = q.and(0xFF);
            }
            ((FloatVector) q.sub(zp).convert(VectorOperators.I2F, 0)).mul(s).intoArray(values, i);
        }
        return i;
    }
}
