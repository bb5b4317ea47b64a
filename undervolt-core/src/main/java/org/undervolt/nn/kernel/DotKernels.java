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

    /** Vector API twin of {@link #scalar}: four outputs of a row at a time. */
    public static void vector(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                              int m, int n, int k, boolean accumulate) {
        int kv = k - k % L;
        for (int i = 0; i < m; i++) {
            int ar = aOff + i * k;
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                int b0 = bOff + j * k;
                int b1 = b0 + k;
                int b2 = b1 + k;
                int b3 = b2 + k;
                FloatVector s0 = FloatVector.zero(S);
                FloatVector s1 = FloatVector.zero(S);
                FloatVector s2 = FloatVector.zero(S);
                FloatVector s3 = FloatVector.zero(S);
                for (int p = 0; p < kv; p += L) {
                    FloatVector x = FloatVector.fromArray(S, a, ar + p);
                    s0 = x.fma(FloatVector.fromArray(S, b, b0 + p), s0);
                    s1 = x.fma(FloatVector.fromArray(S, b, b1 + p), s1);
                    s2 = x.fma(FloatVector.fromArray(S, b, b2 + p), s2);
                    s3 = x.fma(FloatVector.fromArray(S, b, b3 + p), s3);
                }
                float t0 = s0.reduceLanes(VectorOperators.ADD);
                float t1 = s1.reduceLanes(VectorOperators.ADD);
                float t2 = s2.reduceLanes(VectorOperators.ADD);
                float t3 = s3.reduceLanes(VectorOperators.ADD);
                for (int p = kv; p < k; p++) {
                    float x = a[ar + p];
                    t0 = Math.fma(x, b[b0 + p], t0);
                    t1 = Math.fma(x, b[b1 + p], t1);
                    t2 = Math.fma(x, b[b2 + p], t2);
                    t3 = Math.fma(x, b[b3 + p], t3);
                }
                int at = cOff + i * n + j;
                store(c, at, t0, accumulate);
                store(c, at + 1, t1, accumulate);
                store(c, at + 2, t2, accumulate);
                store(c, at + 3, t3, accumulate);
            }
            for (; j < n; j++) {
                int b0 = bOff + j * k;
                FloatVector s0 = FloatVector.zero(S);
                for (int p = 0; p < kv; p += L) {
                    s0 = FloatVector.fromArray(S, a, ar + p).fma(FloatVector.fromArray(S, b, b0 + p), s0);
                }
                float t0 = s0.reduceLanes(VectorOperators.ADD);
                for (int p = kv; p < k; p++) {
                    t0 = Math.fma(a[ar + p], b[b0 + p], t0);
                }
                store(c, cOff + i * n + j, t0, accumulate);
            }
        }
    }

    private static void store(float[] c, int at, float v, boolean accumulate) {
        c[at] = accumulate ? c[at] + v : v;
    }
}
