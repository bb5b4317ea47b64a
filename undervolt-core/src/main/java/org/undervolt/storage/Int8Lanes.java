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
 * <p>Decoding runs in vector lanes; encoding is a plain loop specialised to one scale and 8 bits.
 */
final class Int8Lanes {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Integer> IS = S.withLanes(int.class);
    /** Bytes of {@code L} lanes; null where {@code L} bytes are no vector shape (then the scalar loop runs). */
    private static final VectorSpecies<Byte> BS = L * 8 >= 64 ? VectorSpecies.of(byte.class, VectorShape.forBitSize(L * 8)) : null;

    private Int8Lanes() {
    }

    /**
     * {@code dst[offset + i] = (byte) clamp(rint(values[i] / scale) + zeroPoint, qMin, qMax)}, NaN to the zero
     * point: a plain loop (C2 compiles it to about 2 ns a value; JDK 17's Vector API has no compiled float-to-int
     * conversion, so a lane version is slower).
     */
    static void encode(float[] values, byte[] dst, int offset, float scale, int zeroPoint, int qMin, int qMax) {
        for (int i = 0; i < values.length; i++) {
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
