package org.undervolt.bench;

import java.util.SplittableRandom;

import org.undervolt.nn.kernel.Im2col;
import org.undervolt.nn.layer.Conv2d;
import org.undervolt.random.Seeds;

/**
 * LeNet-5's two convolutions on a batch of 64 MNIST-sized inputs, shared by {@link ConvForwardBench} and
 * {@link ConvBackwardBench}: conv1 1→6 channels, 5×5, pad 2 on 28×28; conv2 6→16, 5×5, no pad, on 14×14.
 */
final class ConvShapes {
    static final int BATCH = 64;

    /** {in, out, k, pad, h}: stride 1, square inputs. */
    static int[] dims(String layer) {
        return switch (layer) {
            case "lenet-conv1" -> new int[] {1, 6, 5, 2, 28};
            case "lenet-conv2" -> new int[] {6, 16, 5, 0, 14};
            default -> throw new IllegalArgumentException("unknown layer " + layer);
        };
    }

    /** Floating-point operations of one forward pass over the batch: 2 per multiply-add. */
    static double forwardFlops(String layer) {
        int[] d = dims(layer);
        int o = Im2col.outSize(d[4], d[2], 1, d[3]);
        return 2.0 * BATCH * d[1] * o * o * d[0] * d[2] * d[2];
    }

    static Conv2d layer(String layer) {
        int[] d = dims(layer);
        Conv2d c = new Conv2d(layer, d[0], d[1], d[2], 1, d[3]);
        c.initialize(Seeds.stream(BenchSeeds.MASTER, BenchSeeds.CONV));
        return c;
    }

    static float[] input(String layer) {
        int[] d = dims(layer);
        SplittableRandom r = Seeds.stream(BenchSeeds.MASTER, BenchSeeds.CONV, 1);
        return BenchSeeds.uniform(r, BATCH * d[0] * d[4] * d[4]);
    }

    private ConvShapes() {
    }
}
