package org.undervolt.bench;

import org.undervolt.nn.kernel.DotKernels;
import org.undervolt.nn.kernel.ShiftedRowsGemm;
import org.undervolt.nn.kernel.VectorGemm;

/**
 * Gets the float kernels' register tiles compiled by C2 before a benchmark's own warm-up. A large product
 * calls each tile only a few times per operation, and until C2 compiles it a tile runs in C1 code where
 * every Vector API value is an object (hundreds of times slower), so JMH's warm-up iterations alone can end
 * with the kernel still in C1 on a loaded machine. Here every tile runs tens of thousands of times on small
 * shapes that reach all of them (4, 2 and 1 rows; 4, 2 and 1 vectors; the packed column tail).
 */
final class KernelWarmup {
    private static boolean done;

    private KernelWarmup() {
    }

    static synchronized void run() {
        if (done) {
            return;
        }
        int lanes = ShiftedRowsGemm.LANES;
        int m = 7;
        int n = 7 * lanes + 3;
        int k = 6;
        float[] a = new float[m * k];
        float[] b = new float[k * n + n];
        float[] c = new float[m * n];
        float[] dots = new float[3 * 5];
        java.util.Arrays.fill(a, 0.5f);
        java.util.Arrays.fill(b, 0.25f);
        int[] rows = new int[k];
        int[] dotRows = new int[n];
        for (int p = 0; p < k; p++) {
            rows[p] = p * 3;
        }
        VectorGemm g = new VectorGemm();
        for (int rep = 0; rep < 30_000; rep++) {
            g.multiply(a, 0, b, 0, c, 0, m, n, k, (rep & 1) == 0);
            ShiftedRowsGemm.multiply(a, 0, b, rows, c, 0, m, 5 * lanes, k, (rep & 1) == 0);
            DotKernels.vector(a, 0, b, 0, dots, 0, 3, 5, k, false);
            DotKernels.vectorRows(b, 0, b, dotRows, dots, 0, 3, 5, lanes + 2, false);
        }
        done = true;
    }
}
