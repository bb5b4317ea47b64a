package org.undervolt.nn.scratch;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.layer.*;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.testing.GradientCheck;

class PoolTimingTest {
    @Test
    void time() {
        if (System.getProperty("pt") == null) return;
        Parallel.setThreads(1);
        var mx = ManagementFactory.getThreadMXBean();
        Tensor x = GradientCheck.input(1, 64, 6, 28, 28);
        Layer[] ls = {new MaxPool2d("m", 2, 2), new AvgPool2d("a", 2, 2), new Relu("r")};
        ForwardContext ctx = ForwardContext.inference(0);
        for (int round = 0; round < 3; round++) {
            for (Layer l : ls) {
                long t = mx.getCurrentThreadCpuTime();
                long w = System.nanoTime();
                for (int r = 0; r < 200; r++) l.forward(x, ctx, null);
                System.out.printf("%s cpu %.3f ms wall %.3f ms%n", l.name(), (mx.getCurrentThreadCpuTime() - t) / 1e6 / 200, (System.nanoTime() - w) / 1e6 / 200);
            }
        }
    }
}
