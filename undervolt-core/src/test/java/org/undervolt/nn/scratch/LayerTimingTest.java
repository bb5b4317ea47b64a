package org.undervolt.nn.scratch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.junit.jupiter.api.Test;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.layer.*;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.testing.GradientCheck;
import org.undervolt.nn.zoo.LeNet5;
import org.undervolt.nn.zoo.Mlp;

class LayerTimingTest {
    @Test
    void time() {
        if (System.getProperty("timing") == null) return;
        Parallel.setThreads(1);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Sequential m = System.getProperty("timing").equals("mlp") ? Mlp.mnist(1) : LeNet5.mnist(1);
        int batch = Integer.getInteger("batch", 256);
        boolean train = Boolean.getBoolean("train");
        int[] in = m.inputShape();
        int[] shape = new int[in.length + 1]; shape[0] = batch; System.arraycopy(in, 0, shape, 1, in.length);
        Tensor x0 = GradientCheck.input(1, shape);
        long[] ns = new long[m.layers().size()];
        long[] bns = new long[m.layers().size()];
        int reps = Integer.getInteger("reps", 60);
        for (int rep = 0; rep < reps; rep++) {
            Tensor h = x0;
            ForwardContext ctx = new ForwardContext(train, 1, rep, LayerHooks.NONE);
            for (int i = 0; i < ns.length; i++) {
                long t = mx.getCurrentThreadCpuTime();
                h = m.layers().get(i).forward(h, ctx, ctx.site(i, m.layers().get(i)));
                if (rep >= reps / 2) ns[i] += mx.getCurrentThreadCpuTime() - t;
            }
            if (train) {
                Tensor g = h;
                for (int i = ns.length - 1; i >= 0; i--) {
                    long t = mx.getCurrentThreadCpuTime();
                    g = m.layers().get(i).backward(g);
                    if (rep >= reps / 2) bns[i] += mx.getCurrentThreadCpuTime() - t;
                }
            }
        }
        double tf = 0, tb = 0;
        for (int i = 0; i < ns.length; i++) {
            double f = ns[i] / 1e6 / (reps / 2), b = bns[i] / 1e6 / (reps / 2);
            tf += f; tb += b;
            System.out.printf("%-8s fwd %8.3f ms  bwd %8.3f ms%n", m.layers().get(i).name(), f, b);
        }
        System.out.printf("total fwd %.3f bwd %.3f ms per batch of %d: %.0f img/cpu-s fwd%n", tf, tb, batch, batch / tf * 1000);
    }
}
