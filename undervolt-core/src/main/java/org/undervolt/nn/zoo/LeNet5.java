package org.undervolt.nn.zoo;

import java.util.List;

import org.undervolt.nn.layer.Conv2d;
import org.undervolt.nn.layer.Dense;
import org.undervolt.nn.layer.Flatten;
import org.undervolt.nn.layer.MaxPool2d;
import org.undervolt.nn.layer.Relu;
import org.undervolt.nn.model.Sequential;

/**
 * LeNet-5 (LeCun et al., Proc. IEEE 1998) in its common modern form for 28×28 inputs:
 * conv 6@5×5 (pad 2) – ReLU – max-pool 2 – conv 16@5×5 – ReLU – max-pool 2 – 400-120-84-10 with
 * ReLU. 61,470 weights and 236 biases, the network of EDEN's and our PyTorch comparison
 * ({@code scripts/bench/lenet-vs-pytorch.sh}).
 */
public final class LeNet5 {
    private LeNet5() {
    }

    /** An initialised LeNet-5 for {@code [channels, 28, 28]} inputs and {@code classes} outputs. */
    public static Sequential create(int channels, int classes, long seed) {
        Sequential m = new Sequential(new int[] {channels, 28, 28}, List.of(
                new Conv2d("conv1", channels, 6, 5, 1, 2),
                new Relu("relu1"),
                new MaxPool2d("pool1", 2, 2),
                new Conv2d("conv2", 6, 16, 5, 1, 0),
                new Relu("relu2"),
                new MaxPool2d("pool2", 2, 2),
                new Flatten("flatten"),
                new Dense("fc1", 16 * 5 * 5, 120),
                new Relu("relu3"),
                new Dense("fc2", 120, 84),
                new Relu("relu4"),
                new Dense("fc3", 84, classes)));
        m.initialize(seed);
        return m;
    }

    /** LeNet-5 for MNIST / Fashion-MNIST: one channel, ten classes. */
    public static Sequential mnist(long seed) {
        return create(1, 10, seed);
    }
}
