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

    /**
     * Vector twin: tiles of 4 rows × 2 vectors of int32 accumulators, each {@code B} slice widened once per
     * {@code p} and used by the 4 rows; leftover rows one at a time, leftover columns scalar.
     */
    public static void vector(byte[] a, int aOff, byte[] b, int bOff, int[] c, int cOff, int m, int n, int k) {
        int nv = n - n % L;
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int j = 0;
            for (; j + 2 * L <= nv; j += 2 * L) {
                tile4x2(a, aOff + i * k, b, bOff + j, c, cOff + i * n + j, n, k);
            }
            for (; j < nv; j += L) {
                for (int r = i; r < i + 4; r++) {
                    row1(a, aOff + r * k, b, bOff + j, c, cOff + r * n + j, n, k);
                }
            }
            for (int r = i; r < i + 4; r++) {
                scalarTail(a, aOff + r * k, b, bOff, c, cOff + r * n, n, k, nv);
            }
        }
        for (; i < m; i++) {
            int ar = aOff + i * k;
            int j = 0;
            for (; j + 2 * L <= nv; j += 2 * L) {
                IntVector s0 = IntVector.zero(IS);
                IntVector s1 = IntVector.zero(IS);
                for (int p = 0; p < k; p++) {
                    int x = a[ar + p];
                    int bp = bOff + p * n + j;
                    s0 = widen(b, bp).mul(x).add(s0);
                    s1 = widen(b, bp + L).mul(x).add(s1);
                }
                s0.intoArray(c, cOff + i * n + j);
                s1.intoArray(c, cOff + i * n + j + L);
            }
            for (; j < nv; j += L) {
                row1(a, ar, b, bOff + j, c, cOff + i * n + j, n, k);
            }
            scalarTail(a, ar, b, bOff, c, cOff + i * n, n, k, nv);
        }
    }

    private static IntVector widen(byte[] b, int at) {
        return (IntVector) ByteVector.fromArray(BS, b, at).convertShape(VectorOperators.B2I, IS, 0);
    }

    private static void tile4x2(byte[] a, int a0, byte[] b, int bp, int[] c, int c0, int n, int k) {
        IntVector s00 = IntVector.zero(IS);
        IntVector s01 = IntVector.zero(IS);
        IntVector s10 = IntVector.zero(IS);
        IntVector s11 = IntVector.zero(IS);
        IntVector s20 = IntVector.zero(IS);
        IntVector s21 = IntVector.zero(IS);
        IntVector s30 = IntVector.zero(IS);
        IntVector s31 = IntVector.zero(IS);
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        for (int p = 0; p < k; p++, bp += n) {
            IntVector b0 = widen(b, bp);
            IntVector b1 = widen(b, bp + L);
            int x = a[a0 + p];
            s00 = b0.mul(x).add(s00);
            s01 = b1.mul(x).add(s01);
            x = a[a1 + p];
            s10 = b0.mul(x).add(s10);
            s11 = b1.mul(x).add(s11);
            x = a[a2 + p];
            s20 = b0.mul(x).add(s20);
            s21 = b1.mul(x).add(s21);
            x = a[a3 + p];
            s30 = b0.mul(x).add(s30);
            s31 = b1.mul(x).add(s31);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s10.intoArray(c, c0 + n);
        s11.intoArray(c, c0 + n + L);
        s20.intoArray(c, c0 + 2 * n);
        s21.intoArray(c, c0 + 2 * n + L);
        s30.intoArray(c, c0 + 3 * n);
        s31.intoArray(c, c0 + 3 * n + L);
    }

    private static void row1(byte[] a, int ar, byte[] b, int bp, int[] c, int c0, int n, int k) {
        IntVector s0 = IntVector.zero(IS);
        for (int p = 0; p < k; p++, bp += n) {
            s0 = widen(b, bp).mul(a[ar + p]).add(s0);
        }
        s0.intoArray(c, c0);
    }

    /** Columns {@code [nv, n)} of one row, scalar. */
    private static void scalarTail(byte[] a, int ar, byte[] b, int bOff, int[] c, int cr, int n, int k, int nv) {
        for (int j = nv; j < n; j++) {
            int s = 0;
            for (int p = 0; p < k; p++) {
                s += a[ar + p] * b[bOff + p * n + j];
            }
            c[cr + j] = s;
        }
    }
}
