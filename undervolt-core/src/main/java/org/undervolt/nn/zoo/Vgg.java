package org.undervolt.nn.zoo;

import java.util.ArrayList;
import java.util.List;

import org.undervolt.nn.layer.BatchNorm;
import org.undervolt.nn.layer.Conv2d;
import org.undervolt.nn.layer.Dense;
import org.undervolt.nn.layer.Dropout;
import org.undervolt.nn.layer.Flatten;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.MaxPool2d;
import org.undervolt.nn.layer.Relu;
import org.undervolt.nn.model.Sequential;

/**
 * A small VGG-style network (Simonyan and Zisserman, ICLR 2015: stacks of 3×3 convolutions with
 * max-pooling), with batch norm: {@code [32, 32, M, 64, 64, M, 128, 128, M]}, then 256 hidden units
 * with dropout 0.5, then the classes.
 */
public final class Vgg {
    private static final int[] PLAN = {32, 32, 0, 64, 64, 0, 128, 128, 0};

    private Vgg() {
    }

    /** An initialised small VGG for {@code [channels, size, size]} inputs. */
    public static Sequential small(int channels, int size, int classes, long seed) {
        List<Layer> layers = new ArrayList<>();
        int c = channels;
        int s = size;
        int conv = 0;
        int pool = 0;
        for (int width : PLAN) {
            if (width == 0) {
                layers.add(new MaxPool2d("pool" + ++pool, 2, 2));
                s /= 2;
                continue;
            }
            conv++;
            layers.add(new Conv2d("conv" + conv, c, width, 3, 1, 1));
            layers.add(new BatchNorm("bn" + conv, width));
            layers.add(new Relu("relu" + conv));
            c = width;
        }
        layers.add(new Flatten("flatten"));
        layers.add(new Dense("fc1", c * s * s, 256));
        layers.add(new Relu("relu_fc1"));
        layers.add(new Dropout("dropout", 0.5f));
        layers.add(new Dense("fc2", 256, classes));
        Sequential m = new Sequential(new int[] {channels, size, size}, layers);
        m.initialize(seed);
        return m;
    }
}
