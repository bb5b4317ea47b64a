package org.undervolt.nn.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Gemm} with the JDK Vector API: register tiles of 4 rows × 2 vectors of {@code C}, each
 * lane accumulating its own output over {@code p = 0..k-1} with fused multiply-adds, exactly the
 * order of {@link ScalarGemm} (so results are bit-identical to it).
 *
 * <p>Loop order: a strip of {@code 2·L} columns of {@code B} ({@code k × 2L} floats, 100 KiB for
 * {@code k = 784} with 512-bit vectors) stays in L2 while every row group of {@code A} streams past it.
 * Leftover rows use 1-row tiles, leftover columns a single vector, then a zero-padded copy of
 * the last few columns.
 */
public final class VectorGemm implements Gemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** Columns covered by one register tile; parallel splits align to it. */
    public static final int TILE_COLS = 2 * L;
    /** Rows covered by one register tile; parallel splits align to it. */
    public static final int TILE_ROWS = 4;

    @Override
    public void block(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                      int m, int n, int k, boolean accumulate, int i0, int i1, int j0, int j1) {
        int j = j0;
        for (; j + 2 * L <= j1; j += 2 * L) {
            int i = i0;
            for (; i + 4 <= i1; i += 4) {
                tile4x2(a, aOff, b, bOff, c, cOff, n, k, accumulate, i, j);
            }
            for (; i < i1; i++) {
                tile1x2(a, aOff, b, bOff, c, cOff, n, k, accumulate, i, j);
            }
        }
        for (; j + L <= j1; j += L) {
            for (int i = i0; i < i1; i++) {
                tile1x1(a, aOff, b, bOff, c, cOff, n, k, accumulate, i, j);
            }
        }
        if (j < j1) {
            packedTail(a, aOff, b, bOff, c, cOff, n, k, accumulate, i0, i1, j, j1);
        }
    }

    /**
     * The last {@code j1 - j < L} columns: copies them into a zero-padded {@code k × L} panel so
     * full vectors apply; each lane still sums its own output in order {@code p = 0..k-1}.
     */
    private static void packedTail(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                   int n, int k, boolean accumulate, int i0, int i1, int j, int j1) {
        int t = j1 - j;
        float[] panel = new float[k * L];
        for (int p = 0; p < k; p++) {
            System.arraycopy(b, bOff + p * n + j, panel, p * L, t);
        }
        float[] row = new float[L];
        for (int i = i0; i < i1; i++) {
            int ci = cOff + i * n + j;
            FloatVector s0;
            if (accumulate) {
                System.arraycopy(c, ci, row, 0, t);
                s0 = FloatVector.fromArray(S, row, 0);
            } else {
                s0 = FloatVector.zero(S);
            }
            int a0 = aOff + i * k;
            for (int p = 0; p < k; p++) {
                s0 = FloatVector.broadcast(S, a[a0 + p]).fma(FloatVector.fromArray(S, panel, p * L), s0);
            }
            s0.intoArray(row, 0);
            System.arraycopy(row, 0, c, ci, t);
        }
    }

    private static FloatVector init(float[] c, int at, boolean accumulate) {
        return accumulate ? FloatVector.fromArray(S, c, at) : FloatVector.zero(S);
    }

    private static void tile4x2(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                int n, int k, boolean accumulate, int i, int j) {
        int c0 = cOff + i * n + j;
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        FloatVector s00 = init(c, c0, accumulate);
        FloatVector s01 = init(c, c0 + L, accumulate);
        FloatVector s10 = init(c, c1, accumulate);
        FloatVector s11 = init(c, c1 + L, accumulate);
        FloatVector s20 = init(c, c2, accumulate);
        FloatVector s21 = init(c, c2 + L, accumulate);
        FloatVector s30 = init(c, c3, accumulate);
        FloatVector s31 = init(c, c3 + L, accumulate);
        int a0 = aOff + i * k;
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        int bp = bOff + j;
        for (int p = 0; p < k; p++, bp += n) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = FloatVector.broadcast(S, a[a1 + p]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = FloatVector.broadcast(S, a[a2 + p]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = FloatVector.broadcast(S, a[a3 + p]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + L);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + L);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + L);
    }

    private static void tile1x2(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                int n, int k, boolean accumulate, int i, int j) {
        int c0 = cOff + i * n + j;
        FloatVector s0 = init(c, c0, accumulate);
        FloatVector s1 = init(c, c0 + L, accumulate);
        int a0 = aOff + i * k;
        int bp = bOff + j;
        for (int p = 0; p < k; p++, bp += n) {
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            s0 = x.fma(FloatVector.fromArray(S, b, bp), s0);
            s1 = x.fma(FloatVector.fromArray(S, b, bp + L), s1);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + L);
    }

    private static void tile1x1(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                int n, int k, boolean accumulate, int i, int j) {
        int c0 = cOff + i * n + j;
        FloatVector s0 = init(c, c0, accumulate);
        int a0 = aOff + i * k;
        int bp = bOff + j;
        for (int p = 0; p < k; p++, bp += n) {
            s0 = FloatVector.broadcast(S, a[a0 + p]).fma(FloatVector.fromArray(S, b, bp), s0);
        }
        s0.intoArray(c, c0);
    }
}
