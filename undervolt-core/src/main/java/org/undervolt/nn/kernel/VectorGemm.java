package org.undervolt.nn.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Gemm} with the JDK Vector API: register tiles of up to 4 rows × 4 vectors of {@code C},
 * each lane accumulating its own output over {@code p = 0..k-1} with fused multiply-adds, exactly
 * the order of {@link ScalarGemm} (so results are bit-identical to it, whatever the tiling).
 *
 * <p>Tiles: 4 rows × 4 vectors (16 independent accumulator chains, enough to keep two FMA units
 * with a 4-cycle latency busy, and 8 loads per 16 FMAs), then 4 × 2 and 4 × 1 for the remaining
 * columns; rows left over below a multiple of 4 use 2-row and 1-row tiles. The last
 * {@code n mod L} columns are copied into a zero-padded {@code k × L} panel so whole vectors
 * apply, again 4 rows at a time.
 *
 * <p>Loop order: a strip of {@code 4·L} columns of {@code B} ({@code k × 4L} floats, 38 KiB for
 * {@code k = 150} with 512-bit vectors) stays in cache while every row group of {@code A} streams
 * past it.
 */
public final class VectorGemm implements Gemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** Columns covered by the widest register tile; parallel splits align to it. */
    public static final int TILE_COLS = 4 * L;
    /** Rows covered by one register tile; parallel splits align to it. */
    public static final int TILE_ROWS = 4;

    @Override
    public void block(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                      int m, int n, int k, boolean accumulate, int i0, int i1, int j0, int j1) {
        int j = j0;
        for (; j + 4 * L <= j1; j += 4 * L) {
            int i = i0;
            for (; i + 4 <= i1; i += 4) {
                tile4x4(a, aOff + i * k, b, bOff + j, c, cOff + i * n + j, n, k, accumulate);
            }
            for (; i + 2 <= i1; i += 2) {
                tile2x4(a, aOff + i * k, b, bOff + j, c, cOff + i * n + j, n, k, accumulate);
            }
            if (i < i1) {
                tile1x4(a, aOff + i * k, b, bOff + j, c, cOff + i * n + j, n, k, accumulate);
            }
        }
        for (; j + 2 * L <= j1; j += 2 * L) {
            int i = i0;
            for (; i + 4 <= i1; i += 4) {
                tile4x2(a, aOff + i * k, b, bOff + j, c, cOff + i * n + j, n, k, accumulate);
            }
            for (; i < i1; i++) {
                tile1x2(a, aOff + i * k, b, bOff + j, c, cOff + i * n + j, n, k, accumulate);
            }
        }
        for (; j + L <= j1; j += L) {
            int i = i0;
            for (; i + 4 <= i1; i += 4) {
                tile4x1(a, aOff + i * k, k, b, bOff + j, n, c, cOff + i * n + j, n, k, accumulate);
            }
            for (; i < i1; i++) {
                tile1x1(a, aOff + i * k, b, bOff + j, n, c, cOff + i * n + j, k, accumulate);
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
        float[] rows = new float[4 * L];
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            int ci = cOff + i * n + j;
            if (accumulate) {
                for (int r = 0; r < 4; r++) {
                    System.arraycopy(c, ci + r * n, rows, r * L, t);
                }
            }
            tile4x1(a, aOff + i * k, k, panel, 0, L, rows, 0, L, k, accumulate);
            for (int r = 0; r < 4; r++) {
                System.arraycopy(rows, r * L, c, ci + r * n, t);
            }
        }
        for (; i < i1; i++) {
            int ci = cOff + i * n + j;
            if (accumulate) {
                System.arraycopy(c, ci, rows, 0, t);
            }
            tile1x1(a, aOff + i * k, panel, 0, L, rows, 0, k, accumulate);
            System.arraycopy(rows, 0, c, ci, t);
        }
    }

    private static FloatVector init(float[] c, int at, boolean accumulate) {
        return accumulate ? FloatVector.fromArray(S, c, at) : FloatVector.zero(S);
    }

    /** Rows {@code a0 + r·k}, columns {@code [bp, bp + 4L)} of {@code B}, into {@code c0 + r·n}. */
    private static void tile4x4(float[] a, int a0, float[] b, int bp, float[] c, int c0,
                                int n, int k, boolean accumulate) {
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
        for (int p = 0; p < k; p++, bp += n) {
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

    private static void tile2x4(float[] a, int a0, float[] b, int bp, float[] c, int c0,
                                int n, int k, boolean accumulate) {
        int c1 = c0 + n;
        FloatVector s00 = init(c, c0, accumulate);
        FloatVector s01 = init(c, c0 + L, accumulate);
        FloatVector s02 = init(c, c0 + 2 * L, accumulate);
        FloatVector s03 = init(c, c0 + 3 * L, accumulate);
        FloatVector s10 = init(c, c1, accumulate);
        FloatVector s11 = init(c, c1 + L, accumulate);
        FloatVector s12 = init(c, c1 + 2 * L, accumulate);
        FloatVector s13 = init(c, c1 + 3 * L, accumulate);
        int a1 = a0 + k;
        for (int p = 0; p < k; p++, bp += n) {
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
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s02.intoArray(c, c0 + 2 * L);
        s03.intoArray(c, c0 + 3 * L);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + L);
        s12.intoArray(c, c1 + 2 * L);
        s13.intoArray(c, c1 + 3 * L);
    }

    private static void tile1x4(float[] a, int a0, float[] b, int bp, float[] c, int c0,
                                int n, int k, boolean accumulate) {
        FloatVector s0 = init(c, c0, accumulate);
        FloatVector s1 = init(c, c0 + L, accumulate);
        FloatVector s2 = init(c, c0 + 2 * L, accumulate);
        FloatVector s3 = init(c, c0 + 3 * L, accumulate);
        for (int p = 0; p < k; p++, bp += n) {
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

    private static void tile4x2(float[] a, int a0, float[] b, int bp, float[] c, int c0,
                                int n, int k, boolean accumulate) {
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
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
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

    private static void tile1x2(float[] a, int a0, float[] b, int bp, float[] c, int c0,
                                int n, int k, boolean accumulate) {
        FloatVector s0 = init(c, c0, accumulate);
        FloatVector s1 = init(c, c0 + L, accumulate);
        for (int p = 0; p < k; p++, bp += n) {
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            s0 = x.fma(FloatVector.fromArray(S, b, bp), s0);
            s1 = x.fma(FloatVector.fromArray(S, b, bp + L), s1);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + L);
    }

    /**
     * Rows {@code a0 + r·lda} of {@code A}, one vector of {@code B} with row stride {@code ldb},
     * into rows {@code c0 + r·ldc} of {@code C}.
     */
    private static void tile4x1(float[] a, int a0, int lda, float[] b, int bp, int ldb, float[] c, int c0, int ldc,
                                int k, boolean accumulate) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector s0 = init(c, c0, accumulate);
        FloatVector s1 = init(c, c1, accumulate);
        FloatVector s2 = init(c, c2, accumulate);
        FloatVector s3 = init(c, c3, accumulate);
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        for (int p = 0; p < k; p++, bp += ldb) {
            FloatVector v = FloatVector.fromArray(S, b, bp);
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

    private static void tile1x1(float[] a, int a0, float[] b, int bp, int ldb, float[] c, int c0,
                                int k, boolean accumulate) {
        FloatVector s0 = init(c, c0, accumulate);
        for (int p = 0; p < k; p++, bp += ldb) {
            s0 = FloatVector.broadcast(S, a[a0 + p]).fma(FloatVector.fromArray(S, b, bp), s0);
        }
        s0.intoArray(c, c0);
    }
}
