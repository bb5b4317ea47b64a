package org.undervolt.nn.kernel;

/**
 * The matrix products the layers use, multi-threaded over tiles of the output.
 *
 * <p>Each task owns a rectangle of {@code C} and computes it completely with the {@link Gemm}
 * contract's fixed summation order, so the result does not depend on the thread count or on how
 * the output is split. Small products run on the calling thread.
 */
public final class Matmul {
    /** Multiply-adds below which a product is not worth splitting. */
    private static final long PARALLEL_MIN_WORK = 1L << 17;
    private static final Gemm KERNEL = new VectorGemm();

    private Matmul() {
    }

    /** The kernel every product here uses. */
    public static Gemm kernel() {
        return KERNEL;
    }

    /** {@code C (+)= A · B}; see {@link Gemm} for the layout. */
    public static void multiply(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                int m, int n, int k, boolean accumulate) {
        multiply(KERNEL, a, aOff, b, bOff, c, cOff, m, n, k, accumulate);
    }

    /** {@code C (+)= A · B} with the given kernel, split over the worker threads. */
    public static void multiply(Gemm g, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                int m, int n, int k, boolean accumulate) {
        long work = (long) m * n * k;
        int threads = Parallel.threads();
        if (work < PARALLEL_MIN_WORK || threads == 1) {
            g.block(a, aOff, b, bOff, c, cOff, m, n, k, accumulate, 0, m, 0, n);
            return;
        }
        int target = threads * 4;
        if (m >= n) {
            int chunk = align(ceilDiv(m, target), VectorGemm.TILE_ROWS);
            int tasks = ceilDiv(m, chunk);
            Parallel.forEach(tasks, t -> g.block(a, aOff, b, bOff, c, cOff, m, n, k, accumulate,
                    t * chunk, Math.min(m, (t + 1) * chunk), 0, n));
        } else {
            int chunk = align(ceilDiv(n, target), VectorGemm.TILE_COLS);
            int tasks = ceilDiv(n, chunk);
            Parallel.forEach(tasks, t -> g.block(a, aOff, b, bOff, c, cOff, m, n, k, accumulate,
                    0, m, t * chunk, Math.min(n, (t + 1) * chunk)));
        }
    }

    /** {@code C (+)= A · Bᵀ} where {@code B} is {@code n × k}. */
    public static void multiplyBt(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                  int m, int n, int k, boolean accumulate) {
        float[] bt = new float[k * n];
        transpose(b, bOff, n, k, bt, 0);
        multiply(a, aOff, bt, 0, c, cOff, m, n, k, accumulate);
    }

    /** {@code C (+)= Aᵀ · B} where {@code A} is {@code k × m}. */
    public static void multiplyAt(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                  int m, int n, int k, boolean accumulate) {
        float[] at = new float[m * k];
        transpose(a, aOff, k, m, at, 0);
        multiply(at, 0, b, bOff, c, cOff, m, n, k, accumulate);
    }

    /** Writes the transpose of the {@code rows × cols} matrix at {@code src[off]} to {@code dst[dOff]}. */
    public static void transpose(float[] src, int off, int rows, int cols, float[] dst, int dOff) {
        final int blk = 32;
        for (int r0 = 0; r0 < rows; r0 += blk) {
            int r1 = Math.min(rows, r0 + blk);
            for (int c0 = 0; c0 < cols; c0 += blk) {
                int c1 = Math.min(cols, c0 + blk);
                for (int r = r0; r < r1; r++) {
                    for (int col = c0; col < c1; col++) {
                        dst[dOff + col * rows + r] = src[off + r * cols + col];
                    }
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static int align(int x, int unit) {
        return ceilDiv(x, unit) * unit;
    }
}
