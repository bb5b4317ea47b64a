package org.undervolt.nn.kernel;

/**
 * Single-precision matrix multiply {@code C (+)= A · B} on row-major arrays.
 *
 * <p>{@code A} is {@code m × k} at {@code a[aOff + i*k + p]}, {@code B} is {@code k × n} at
 * {@code b[bOff + p*n + j]}, {@code C} is {@code m × n} at {@code c[cOff + i*n + j]}.
 *
 * <p><b>Summation order is part of the contract.</b> Every implementation computes each output as
 * {@code s = (accumulate ? C[i][j] : 0); for p = 0..k-1: s = fma(A[i][p], B[p][j], s)}, so all
 * implementations, blockings and thread splits give bit-identical results. That is what lets the
 * vector kernel be tested for exact equality against the scalar one, and keeps training
 * deterministic for any thread count.
 */
public interface Gemm {

    /**
     * Computes the outputs in rows {@code [i0, i1)} and columns {@code [j0, j1)} of {@code C};
     * other outputs are untouched.
     */
    void block(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
               int m, int n, int k, boolean accumulate, int i0, int i1, int j0, int j1);

    /** Computes all of {@code C} on the calling thread. */
    default void multiply(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                          int m, int n, int k, boolean accumulate) {
        block(a, aOff, b, bOff, c, cOff, m, n, k, accumulate, 0, m, 0, n);
    }
}
