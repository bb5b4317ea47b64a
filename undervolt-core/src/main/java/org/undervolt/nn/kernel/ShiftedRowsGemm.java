package org.undervolt.nn.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code C (+)= A · B} where row {@code p} of {@code B} is the slice {@code b[rows[p] .. rows[p] + n)}
 * of one array: an implicit column matrix. For a stride-1 convolution on a zero-padded image
 * ({@code hp × wp}), row {@code (c, i, j)} of the column matrix on a grid as wide as the padded
 * image is the slice starting at {@code (c·hp + i)·wp + j}, so the product reads the image in
 * place instead of copying it into columns first.
 *
 * <p>{@code A} is {@code m × k} row-major at {@code a[aOff]}, {@code C} is {@code m × n} with row
 * stride {@code n} at {@code c[cOff]}, and {@code n} must be a multiple of {@link #LANES} (callers
 * round the grid up and leave readable slack after the image). Each output is
 * {@code s = (accumulate ? C : 0); for p = 0..k-1: s = fma(A[i][p], B[p][j], s)}, the {@link Gemm}
 * contract's order, so it equals {@link ScalarGemm} on the materialised column matrix bit for bit.
 */
public final class ShiftedRowsGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Vector length in floats; {@code n} must be a multiple of it. */
    public static final int LANES = S.length();
    private static final int L = LANES;

    private ShiftedRowsGemm() {
    }

    /** See the class comment. */
    public static void multiply(float[] a, int aOff, float[] b, int[] rows, float[] c, int cOff,
                                int m, int n, int k, boolean accumulate) {
        if (n % L != 0) {
            throw new IllegalArgumentException("n = " + n + " is not a multiple of " + L);
        }
        if (!accumulate) {
            // onto +0.0, the value the tiles would start from: the same bits, and the tiles run one way only
            // (starting some from a register zero and some from memory made the JIT box the vectors: 5x slower)
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(c, cOff + i * n, cOff + (i + 1) * n, 0f);
            }
            accumulate = true;
        }
        int j = 0;
        for (; j + 4 * L <= n; j += 4 * L) {
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                tile4x4(a, aOff + i * k, k, b, rows, j, c, cOff + i * n + j, n, accumulate);
            }
            for (; i < m; i++) {
                tile1x4(a, aOff + i * k, k, b, rows, j, c, cOff + i * n + j, accumulate);
            }
        }
        for (; j < n; j += L) {
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                tile4x1(a, aOff + i * k, k, b, rows, j, c, cOff + i * n + j, n, accumulate);
            }
            for (; i < m; i++) {
                tile1x1(a, aOff + i * k, k, b, rows, j, c, cOff + i * n + j, accumulate);
            }
        }
    }

    private static FloatVector init(float[] c, int at, boolean accumulate) {
        return accumulate ? FloatVector.fromArray(S, c, at) : FloatVector.zero(S);
    }

    private static void tile4x4(float[] a, int a0, int k, float[] b, int[] rows, int j, float[] c, int c0, int n,
                                boolean accumulate) {
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        FloatVector s00 = init(c, c0, accumulate);
        FloatVector s01 = init(c, c0 + L, accumulate);
        FloatVector s02 = init(c, c0 + 2 * L, accumulate);
        FloatVector s03 = init(c, c0 + 3 * L, accumulate);
        FloatVector s10 = init(c, c1, accumulate);
        FloatVector s11 = init(c, c1 + L, accumulate);
        FloatVector s12 = init(c, c1 + 2 * L, accumulate);
        FloatVector s13 = init(c, c1 + 3 * L, accumulate);
        FloatVector s20 = init(c, c2, accumulate);
        FloatVector s21 = init(c, c2 + L, accumulate);
        FloatVector s22 = init(c, c2 + 2 * L, accumulate);
        FloatVector s23 = init(c, c2 + 3 * L, accumulate);
        FloatVector s30 = init(c, c3, accumulate);
        FloatVector s31 = init(c, c3 + L, accumulate);
        FloatVector s32 = init(c, c3 + 2 * L, accumulate);
        FloatVector s33 = init(c, c3 + 3 * L, accumulate);
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        for (int p = 0; p < k; p++) {
            int bp = rows[p] + j;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            s02 = x.fma(b2, s02);
            s03 = x.fma(b3, s03);
            x = FloatVector.broadcast(S, a[a1 + p]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            s12 = x.fma(b2, s12);
            s13 = x.fma(b3, s13);
            x = FloatVector.broadcast(S, a[a2 + p]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            s22 = x.fma(b2, s22);
            s23 = x.fma(b3, s23);
            x = FloatVector.broadcast(S, a[a3 + p]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
            s32 = x.fma(b2, s32);
            s33 = x.fma(b3, s33);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s02.intoArray(c, c0 + 2 * L);
        s03.intoArray(c, c0 + 3 * L);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + L);
        s12.intoArray(c, c1 + 2 * L);
        s13.intoArray(c, c1 + 3 * L);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + L);
        s22.intoArray(c, c2 + 2 * L);
        s23.intoArray(c, c2 + 3 * L);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + L);
        s32.intoArray(c, c3 + 2 * L);
        s33.intoArray(c, c3 + 3 * L);
    }

    private static void tile1x4(float[] a, int a0, int k, float[] b, int[] rows, int j, float[] c, int c0,
                                boolean accumulate) {
        FloatVector s0 = init(c, c0, accumulate);
        FloatVector s1 = init(c, c0 + L, accumulate);
        FloatVector s2 = init(c, c0 + 2 * L, accumulate);
        FloatVector s3 = init(c, c0 + 3 * L, accumulate);
        for (int p = 0; p < k; p++) {
            int bp = rows[p] + j;
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            s0 = x.fma(FloatVector.fromArray(S, b, bp), s0);
            s1 = x.fma(FloatVector.fromArray(S, b, bp + L), s1);
            s2 = x.fma(FloatVector.fromArray(S, b, bp + 2 * L), s2);
            s3 = x.fma(FloatVector.fromArray(S, b, bp + 3 * L), s3);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + L);
        s2.intoArray(c, c0 + 2 * L);
        s3.intoArray(c, c0 + 3 * L);
    }

    private static void tile4x1(float[] a, int a0, int k, float[] b, int[] rows, int j, float[] c, int c0, int n,
                                boolean accumulate) {
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        FloatVector s0 = init(c, c0, accumulate);
        FloatVector s1 = init(c, c1, accumulate);
        FloatVector s2 = init(c, c2, accumulate);
        FloatVector s3 = init(c, c3, accumulate);
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        for (int p = 0; p < k; p++) {
            FloatVector v = FloatVector.fromArray(S, b, rows[p] + j);
            s0 = FloatVector.broadcast(S, a[a0 + p]).fma(v, s0);
            s1 = FloatVector.broadcast(S, a[a1 + p]).fma(v, s1);
            s2 = FloatVector.broadcast(S, a[a2 + p]).fma(v, s2);
            s3 = FloatVector.broadcast(S, a[a3 + p]).fma(v, s3);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c1);
        s2.intoArray(c, c2);
        s3.intoArray(c, c3);
    }

    private static void tile1x1(float[] a, int a0, int k, float[] b, int[] rows, int j, float[] c, int c0,
                                boolean accumulate) {
        FloatVector s0 = init(c, c0, accumulate);
        for (int p = 0; p < k; p++) {
            s0 = FloatVector.broadcast(S, a[a0 + p]).fma(FloatVector.fromArray(S, b, rows[p] + j), s0);
        }
        s0.intoArray(c, c0);
    }
}
