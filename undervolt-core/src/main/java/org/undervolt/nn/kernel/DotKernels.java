package org.undervolt.nn.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Products of the form {@code C (+)= A · Bᵀ} computed as row-by-row dot products, for weight
 * gradients where both operands are long rows ({@code A} is {@code m × k}, {@code B} is
 * {@code n × k}, {@code C} is {@code m × n}, all row-major and contiguous).
 *
 * <p>{@link #scalar} is the reference (one sequential sum per output). {@link #vector} keeps one
 * partial sum per lane and reduces the lanes at the end, so it rounds differently from the
 * reference (tests compare within a bound) but always in the same order on a given machine, so
 * results do not depend on the thread count.
 */
public final class DotKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private DotKernels() {
    }

    /** Reference: {@code C[i][j] (+)= Σ_p A[i][p]·B[j][p]}, p ascending. */
    public static void scalar(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                              int m, int n, int k, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[aOff + i * k + p], b[bOff + j * k + p], s);
                }
                int at = cOff + i * n + j;
                c[at] = accumulate ? c[at] + s : s;
            }
        }
    }

    /**
     * Vector API twin of {@link #scalar}: each output keeps one partial sum per lane over
     * {@code p} ascending ({@code p mod L} picks the lane), reduces the lanes, then adds the last
     * {@code k mod L} products in order. Two rows of {@code A} × four of {@code B} at a time (eight
     * independent chains); the tiling does not change any output's arithmetic.
     */
    public static void vector(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                              int m, int n, int k, boolean accumulate) {
        vector(a, aOff, b, bOff, null, c, cOff, m, n, k, accumulate);
    }

    /**
     * {@link #vector} where row {@code j} of {@code B} is the slice {@code b[rows[j] .. rows[j] + k)}
     * (e.g. the implicit column matrix of a convolution, see {@link ShiftedRowsGemm}); same arithmetic.
     */
    public static void vectorRows(float[] a, int aOff, float[] b, int[] rows, float[] c, int cOff,
                                  int m, int n, int k, boolean accumulate) {
        vector(a, aOff, b, 0, rows, c, cOff, m, n, k, accumulate);
    }

    private static void vector(float[] a, int aOff, float[] b, int bOff, int[] rows, float[] c, int cOff,
                               int m, int n, int k, boolean accumulate) {
        int i = 0;
        for (; i + 2 <= m; i += 2) {
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                dots2x4(a, aOff + i * k, b, start(rows, bOff, j, k), start(rows, bOff, j + 1, k),
                        start(rows, bOff, j + 2, k), start(rows, bOff, j + 3, k), c, cOff + i * n + j, n, k, accumulate);
            }
            for (; j < n; j++) {
                int bj = start(rows, bOff, j, k);
                store(c, cOff + i * n + j, dot(a, aOff + i * k, b, bj, k), accumulate);
                store(c, cOff + (i + 1) * n + j, dot(a, aOff + (i + 1) * k, b, bj, k), accumulate);
            }
        }
        if (i < m) {
            int ar = aOff + i * k;
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                dots1x4(a, ar, b, start(rows, bOff, j, k), start(rows, bOff, j + 1, k),
                        start(rows, bOff, j + 2, k), start(rows, bOff, j + 3, k), c, cOff + i * n + j, k, accumulate);
            }
            for (; j < n; j++) {
                store(c, cOff + i * n + j, dot(a, ar, b, start(rows, bOff, j, k), k), accumulate);
            }
        }
    }

    private static int start(int[] rows, int bOff, int j, int k) {
        return rows == null ? bOff + j * k : rows[j];
    }

    private static void dots2x4(float[] a, int a0, float[] b, int b0, int b1, int b2, int b3, float[] c, int c0,
                                int n, int k, boolean accumulate) {
        int kv = k - k % L;
        int a1 = a0 + k;
        FloatVector s00 = FloatVector.zero(S);
        FloatVector s01 = FloatVector.zero(S);
        FloatVector s02 = FloatVector.zero(S);
        FloatVector s03 = FloatVector.zero(S);
        FloatVector s10 = FloatVector.zero(S);
        FloatVector s11 = FloatVector.zero(S);
        FloatVector s12 = FloatVector.zero(S);
        FloatVector s13 = FloatVector.zero(S);
        for (int p = 0; p < kv; p += L) {
            FloatVector y0 = FloatVector.fromArray(S, b, b0 + p);
            FloatVector y1 = FloatVector.fromArray(S, b, b1 + p);
            FloatVector y2 = FloatVector.fromArray(S, b, b2 + p);
            FloatVector y3 = FloatVector.fromArray(S, b, b3 + p);
            FloatVector x = FloatVector.fromArray(S, a, a0 + p);
            s00 = x.fma(y0, s00);
            s01 = x.fma(y1, s01);
            s02 = x.fma(y2, s02);
            s03 = x.fma(y3, s03);
            x = FloatVector.fromArray(S, a, a1 + p);
            s10 = x.fma(y0, s10);
            s11 = x.fma(y1, s11);
            s12 = x.fma(y2, s12);
            s13 = x.fma(y3, s13);
        }
        store(c, c0, tail(s00, a, a0, b, b0, kv, k), accumulate);
        store(c, c0 + 1, tail(s01, a, a0, b, b1, kv, k), accumulate);
        store(c, c0 + 2, tail(s02, a, a0, b, b2, kv, k), accumulate);
        store(c, c0 + 3, tail(s03, a, a0, b, b3, kv, k), accumulate);
        store(c, c0 + n, tail(s10, a, a1, b, b0, kv, k), accumulate);
        store(c, c0 + n + 1, tail(s11, a, a1, b, b1, kv, k), accumulate);
        store(c, c0 + n + 2, tail(s12, a, a1, b, b2, kv, k), accumulate);
        store(c, c0 + n + 3, tail(s13, a, a1, b, b3, kv, k), accumulate);
    }

    private static void dots1x4(float[] a, int a0, float[] b, int b0, int b1, int b2, int b3, float[] c, int c0,
                                int k, boolean accumulate) {
        int kv = k - k % L;
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = FloatVector.zero(S);
        FloatVector s2 = FloatVector.zero(S);
        FloatVector s3 = FloatVector.zero(S);
        for (int p = 0; p < kv; p += L) {
            FloatVector x = FloatVector.fromArray(S, a, a0 + p);
            s0 = x.fma(FloatVector.fromArray(S, b, b0 + p), s0);
            s1 = x.fma(FloatVector.fromArray(S, b, b1 + p), s1);
            s2 = x.fma(FloatVector.fromArray(S, b, b2 + p), s2);
            s3 = x.fma(FloatVector.fromArray(S, b, b3 + p), s3);
        }
        store(c, c0, tail(s0, a, a0, b, b0, kv, k), accumulate);
        store(c, c0 + 1, tail(s1, a, a0, b, b1, kv, k), accumulate);
        store(c, c0 + 2, tail(s2, a, a0, b, b2, kv, k), accumulate);
        store(c, c0 + 3, tail(s3, a, a0, b, b3, kv, k), accumulate);
    }

    /** One output: lane partial sums, reduced, then the scalar tail. */
    private static float dot(float[] a, int a0, float[] b, int b0, int k) {
        int kv = k - k % L;
        FloatVector s = FloatVector.zero(S);
        for (int p = 0; p < kv; p += L) {
            s = FloatVector.fromArray(S, a, a0 + p).fma(FloatVector.fromArray(S, b, b0 + p), s);
        }
        return tail(s, a, a0, b, b0, kv, k);
    }

    /** Reduces the lane sums, then adds products {@code p = kv..k-1} in order. */
    private static float tail(FloatVector s, float[] a, int a0, float[] b, int b0, int kv, int k) {
        float t = s.reduceLanes(VectorOperators.ADD);
        for (int p = kv; p < k; p++) {
            t = Math.fma(a[a0 + p], b[b0 + p], t);
        }
        return t;
    }

    private static void store(float[] c, int at, float v, boolean accumulate) {
        c[at] = accumulate ? c[at] + v : v;
    }
}
