package org.undervolt.storage;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector twins of {@link IntegerFormat}'s per-tensor 8-bit encode and decode, bit-identical to its scalar
 * loops (the IFMs of a tolerance trial are encoded and decoded once per layer and batch, so these loops are
 * a fifth of a LeNet-5 trial's time when scalar).
 *
 * <p>Encoding divides in {@code float} as the scalar code does, clamps the quotient to {@code [-512, 512]}
 * (every code beyond that saturates anyway), rounds half to even by adding and subtracting
 * {@code 1.5 * 2^23} (exact for magnitudes below {@code 2^22}, in the default rounding mode that Java fixes),
 * adds the zero point, clamps to {@code [qMin, qMax]} and keeps the low byte; NaN lanes take the zero point.
 */
final class Int8Lanes {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Integer> IS = S.withLanes(int.class);
    /** Bytes of {@code L} lanes; null where {@code L} bytes are no vector shape (then the scalar loops run). */
    private static final VectorSpecies<Byte> BS = L * 8 >= 64 ? VectorSpecies.of(byte.class, VectorShape.forBitSize(L * 8)) : null;
    private static final float ROUND = 12_582_912f; // 1.5 * 2^23
    private static final float LIMIT = 512f;

    private Int8Lanes() {
    }

    /** Whether the vector loops run on this machine. */
    static boolean available() {
        return BS != null;
    }

    /**
     * {@code dst[offset + i] = (byte) clamp(rint(values[i] / scale) + zeroPoint, qMin, qMax)}, NaN to the zero
     * point; returns the first index it left to the caller's scalar loop.
     */
    static int encode(float[] values, byte[] dst, int offset, float scale, int zeroPoint, int qMin, int qMax) {
        if (BS == null) {
            return 0;
        }
        FloatVector s = FloatVector.broadcast(S, scale);
        IntVector zp = IntVector.broadcast(IS, zeroPoint);
        IntVector lo = IntVector.broadcast(IS, qMin);
        IntVector hi = IntVector.broadcast(IS, qMax);
        int i = 0;
        for (int end = S.loopBound(values.length); i < end; i += L) {
            FloatVector x = FloatVector.fromArray(S, values, i);
            VectorMask<Float> nan = x.test(VectorOperators.IS_NAN);
            FloatVector q = x.div(s).max(-LIMIT).min(LIMIT).add(ROUND).sub(ROUND);
            IntVector code = ((IntVector) q.convert(VectorOperators.F2I, 0)).add(zp).max(lo).min(hi);
            code = code.blend(zp, nan.cast(IS));
            ((ByteVector) code.convertShape(VectorOperators.I2B, BS, 0)).intoArray(dst, offset + i);
        }
        return i;
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
