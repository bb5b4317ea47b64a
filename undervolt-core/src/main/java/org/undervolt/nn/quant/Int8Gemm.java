package org.undervolt.nn.quant;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Integer matrix product {@code C = A · B} with int8 operands and int32 accumulators, as an
 * accelerator's MAC array computes it: {@code A} is {@code m × k}, {@code B} is {@code k × n},
 * {@code C} is {@code m × n}, all row-major and contiguous. Integer addition is exact, so the
 * vector twin equals the scalar reference bit for bit whatever the order (as long as no int32
 * overflow occurs: {@code k < 2^31 / 127²} ≈ 133,000 terms).
 */
public final class Int8Gemm {
    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    private static final int L = IS.length();
    private static final VectorSpecies<Byte> BS = VectorSpecies.of(byte.class, jdk.incubator.vector.VectorShape.forBitSize(L * 8));

    private Int8Gemm() {
    }

    /** Reference: three loops. */
    public static void scalar(byte[] a, int aOff, byte[] b, int bOff, int[] c, int cOff, int m, int n, int k) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[aOff + i * k + p] * b[bOff + p * n + j];
                }
                c[cOff + i * n + j] = s;
            }
        }
    }

    /** Vector twin: {@code L} int32 accumulators per row of {@code C}, bytes of {@code B} widened on load. */
    public static void vector(byte[] a, int aOff, byte[] b, int bOff, int[] c, int cOff, int m, int n, int k) {
        int nv = n - n % L;
        for (int i = 0; i < m; i++) {
            int ar = aOff + i * k;
            int j = 0;
            for (; j + 2 * L <= nv; j += 2 * L) {
                IntVector s0 = IntVector.zero(IS);
                IntVector s1 = IntVector.zero(IS);
                for (int p = 0; p < k; p++) {
                    int x = a[ar + p];
                    int bp = bOff + p * n + j;
                    IntVector b0 = (IntVector) ByteVector.fromArray(BS, b, bp).convertShape(VectorOperators.B2I, IS, 0);
                    IntVector b1 = (IntVector) ByteVector.fromArray(BS, b, bp + L).convertShape(VectorOperators.B2I, IS, 0);
                    s0 = b0.mul(x).add(s0);
                    s1 = b1.mul(x).add(s1);
                }
                s0.intoArray(c, cOff + i * n + j);
                s1.intoArray(c, cOff + i * n + j + L);
            }
            for (; j < nv; j += L) {
                IntVector s0 = IntVector.zero(IS);
                for (int p = 0; p < k; p++) {
                    s0 = ((IntVector) ByteVector.fromArray(BS, b, bOff + p * n + j)
                            .convertShape(VectorOperators.B2I, IS, 0)).mul(a[ar + p]).add(s0);
                }
                s0.intoArray(c, cOff + i * n + j);
            }
            for (; j < n; j++) {
                int s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[ar + p] * b[bOff + p * n + j];
                }
                c[cOff + i * n + j] = s;
            }
        }
    }
}
