package org.undervolt.nn.scratch;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;
import org.undervolt.nn.kernel.*;
import org.undervolt.nn.testing.GradientCheck;

class ConvPartsTest {
    @Test
    void time() {
        if (System.getProperty("cp") == null) return;
        var mx = ManagementFactory.getThreadMXBean();
        for (int[] c : new int[][] {{1, 28, 28, 6, 5, 2}, {6, 14, 14, 16, 5, 0}}) {
            int in = c[0], h = c[1], w = c[2], out = c[3], k = c[4], pad = c[5];
            int oh = h + 2 * pad - k + 1, plane = oh * oh, kk = in * k * k;
            float[] x = GradientCheck.input(1, 64, in, h, w).data();
            float[] wt = GradientCheck.input(2, out, kk).data();
            float[] cols = new float[kk * plane];
            float[] y = new float[out * plane];
            Gemm g = Matmul.kernel();
            for (int round = 0; round < 4; round++) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (int r = 0; r < 20; r++) for (int b = 0; b < 64; b++) Im2col.im2col(x, b * in * h * w, in, h, w, k, k, 1, pad, cols, plane, 0);
                long t1 = mx.getCurrentThreadCpuTime();
                for (int r = 0; r < 20; r++) for (int b = 0; b < 64; b++) g.multiply(wt, 0, cols, 0, y, 0, out, plane, kk, true);
                long t2 = mx.getCurrentThreadCpuTime();
                double macs = 20.0 * 64 * out * plane * kk;
                System.out.printf("conv %dx%d: im2col %.3f ms, gemm %.3f ms per 64 imgs (%.1f GMAC/s)%n", in, out, (t1 - t0) / 20e6, (t2 - t1) / 20e6, macs / (t2 - t1));
            }
        }
    }
}
