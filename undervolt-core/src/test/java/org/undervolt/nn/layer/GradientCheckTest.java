package org.undervolt.nn.layer;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.testing.GradientCheck;

/** Finite-difference gradient checks for every layer type (Dense and ReLU are in DenseTest). */
class GradientCheckTest {

    private static <L extends Layer> L init(L layer, long seed) {
        layer.initialize(new SplittableRandom(seed));
        return layer;
    }

    /** Distinct values spaced 0.05 apart, shuffled: no pooling window has near-ties. */
    private static Tensor distinct(long seed, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < d.length; i++) {
            d[i] = (i - d.length / 2) * 0.05f;
        }
        for (int i = d.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            float tmp = d[i];
            d[i] = d[j];
            d[j] = tmp;
        }
        return t;
    }

    @Test
    void conv2dStride1NoPadding() {
        GradientCheck.check(init(new Conv2d("c", 3, 4, 3, 1, 0), 1), GradientCheck.input(2, 2, 3, 6, 5), 3, 1e-2, 2e-3);
    }

    @Test
    void conv2dStride2WithPadding() {
        GradientCheck.check(init(new Conv2d("c", 2, 3, 3, 2, 1), 4), GradientCheck.input(5, 3, 2, 7, 8), 6, 1e-2, 2e-3);
    }

    @Test
    void conv2dPointwise() {
        GradientCheck.check(init(new Conv2d("c", 5, 2, 1, 2, 0), 7), GradientCheck.input(8, 2, 5, 4, 4), 9, 1e-2, 2e-3);
    }

    @Test
    void maxPool() {
        GradientCheck.check(new MaxPool2d("p", 2, 2), distinct(10, 2, 3, 6, 6), 11, 1e-2, 1e-3);
        GradientCheck.check(new MaxPool2d("p", 3, 2), distinct(12, 2, 2, 7, 7), 13, 1e-2, 1e-3);
    }

    @Test
    void avgPool() {
        GradientCheck.check(new AvgPool2d("p", 2, 2), GradientCheck.input(14, 2, 3, 6, 6), 15, 1e-2, 1e-3);
        GradientCheck.check(new AvgPool2d("p", 3, 1), GradientCheck.input(16, 1, 2, 5, 5), 17, 1e-2, 1e-3);
    }

    @Test
    void globalAvgPoolAndFlatten() {
        GradientCheck.check(new GlobalAvgPool("g"), GradientCheck.input(18, 3, 4, 3, 5), 19, 1e-2, 1e-3);
        GradientCheck.check(new Flatten("f"), GradientCheck.input(20, 2, 3, 2, 2), 21, 1e-2, 1e-3);
    }

    @Test
    void batchNormOverChannelsAndFeatures() {
        BatchNorm bn4 = new BatchNorm("bn", 3);
        SplittableRandom r = new SplittableRandom(22);
        for (int c = 0; c < 3; c++) {
            bn4.parameters().get(0).data()[c] = (float) (0.5 + r.nextDouble());
            bn4.parameters().get(1).data()[c] = (float) (r.nextDouble() - 0.5);
        }
        GradientCheck.check(bn4, GradientCheck.input(23, 4, 3, 3, 3), 24, 1e-2, 5e-3);
        GradientCheck.check(new BatchNorm("bn", 5), GradientCheck.input(25, 6, 5), 26, 1e-2, 5e-3);
    }

    @Test
    void dropoutWithAFixedMask() {
        GradientCheck.check(new Dropout("d", 0.3f), GradientCheck.input(27, 4, 20), 28, 1e-2, 1e-3);
    }

    @Test
    void residualWithProjectionShortcut() {
        Residual block = new Residual("b",
                List.of(new Conv2d("b.c1", 2, 3, 3, 2, 1), new BatchNorm("b.bn", 3),
                        new Conv2d("b.c2", 3, 3, 3, 1, 1)),
                List.of(new Conv2d("b.sc", 2, 3, 1, 2, 0)));
        init(block, 29);
        GradientCheck.check(block, GradientCheck.input(30, 3, 2, 6, 6), 31, 1e-2, 1e-2);
    }

    @Test
    void residualWithIdentityShortcut() {
        Residual block = init(new Residual("b", List.of(new Dense("b.d", 6, 6)), List.of()), 32);
        GradientCheck.check(block, GradientCheck.input(33, 3, 6), 34, 1e-2, 2e-3);
    }
}
