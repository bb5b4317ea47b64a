package org.undervolt.mapping;

import java.nio.file.Path;
import java.util.List;

import org.undervolt.InvalidInputException;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.zoo.ImageShape;
import org.undervolt.nn.zoo.ZooModel;
import org.undervolt.snn.DiehlCook;
import org.undervolt.storage.FormatSpec;
import org.undervolt.storage.Formats;

/**
 * The networks {@code undervolt map} knows by name, as the shapes of their weighted layers (MNIST-sized
 * inputs, 1×28×28, 10 classes): the zoo's names as {@code train --network} takes them ({@code mlp}
 * 784-256-128-10, {@code lenet5}, {@code vgg-small}, {@code resnet20}; see {@link ZooModel#parse}) and
 * {@code snn}, Diehl & Cook's network, whose DRAM data is the 784 × N input-to-excitatory weight matrix read
 * once per image (a dense 784 → N layer; spikes are generated on chip from the pixels).
 */
public final class NetworkShapes {
    private static final ImageShape MNIST_SHAPE = new ImageShape(1, 28, 28);

    private NetworkShapes() {
    }

    public static NetworkData resolve(String network, Path checkpoint, int neurons, String format) {
        FormatSpec f = Formats.byName(format);
        if (f.bitsPerValue() % 8 != 0) {
            throw new InvalidInputException("--format " + format + ": mapping needs whole bytes per value, this one has "
                    + f.bitsPerValue() + " bits");
        }
        int bytes = f.bitsPerValue() / 8;
        if (checkpoint != null) {
            return new NetworkData(LayerShape.of(Checkpoint.load(checkpoint).model()), bytes);
        }
        if (network.trim().equalsIgnoreCase("snn")) {
            if (neurons < 1) {
                throw new InvalidInputException("--neurons: expected at least 1, got " + neurons);
            }
            return new NetworkData(List.of(LayerShape.dense("exc", DiehlCook.INPUTS, neurons)), bytes);
        }
        ZooModel zoo;
        try {
            zoo = ZooModel.parse(network);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--network: " + e.getMessage() + " or snn");
        }
        Sequential m = zoo.create(MNIST_SHAPE, 10, 1);
        return new NetworkData(LayerShape.of(m), bytes);
    }
}
