package org.undervolt.nn.zoo;

import java.util.ArrayList;
import java.util.List;

import org.undervolt.nn.layer.BatchNorm;
import org.undervolt.nn.layer.Conv2d;
import org.undervolt.nn.layer.Dense;
import org.undervolt.nn.layer.GlobalAvgPool;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.Relu;
import org.undervolt.nn.layer.Residual;
import org.undervolt.nn.model.Sequential;

/**
 * CIFAR-style ResNets (He et al., "Deep residual learning for image recognition", CVPR 2016, §4.2):
 * a 3×3 convolution with 16 filters, three stages of {@code n} basic blocks with 16, 32 and 64
 * filters (the first block of stages 2 and 3 has stride 2), global average pooling, a dense
 * classifier; depth {@code 6n + 2}. Where a block changes shape its shortcut is a 1×1 convolution
 * with batch norm (the paper's option B; its CIFAR runs used option A, zero-padding).
 */
public final class ResNet {
    private ResNet() {
    }

    /** ResNet-20 ({@code n = 3}, about 0.27 M parameters). */
    public static Sequential resnet20(int channels, int size, int classes, long seed) {
        return cifar(3, channels, size, classes, seed);
    }

    /** ResNet-{@code (6n+2)} for {@code [channels, size, size]} inputs. */
    public static Sequential cifar(int n, int channels, int size, int classes, long seed) {
        List<Layer> layers = new ArrayList<>();
        layers.add(new Conv2d("conv1", channels, 16, 3, 1, 1));
        layers.add(new BatchNorm("bn1", 16));
        layers.add(new Relu("relu1"));
        int in = 16;
        int[] widths = {16, 32, 64};
        for (int stage = 0; stage < 3; stage++) {
            for (int b = 0; b < n; b++) {
                int out = widths[stage];
                int stride = stage > 0 && b == 0 ? 2 : 1;
                String p = "layer" + (stage + 1) + "." + b;
                List<Layer> main = List.of(
                        new Conv2d(p + ".conv1", in, out, 3, stride, 1),
                        new BatchNorm(p + ".bn1", out),
                        new Relu(p + ".relu1"),
                        new Conv2d(p + ".conv2", out, out, 3, 1, 1),
                        new BatchNorm(p + ".bn2", out));
                List<Layer> shortcut = stride == 1 && in == out ? List.of() : List.of(
                        new Conv2d(p + ".shortcut.conv", in, out, 1, stride, 0),
                        new BatchNorm(p + ".shortcut.bn", out));
                layers.add(new Residual(p, main, shortcut));
                layers.add(new Relu(p + ".relu"));
                in = out;
            }
        }
        layers.add(new GlobalAvgPool("avgpool"));
        layers.add(new Dense("fc", 64, classes));
        Sequential m = new Sequential(new int[] {channels, size, size}, layers);
        m.initialize(seed);
        return m;
    }
}
