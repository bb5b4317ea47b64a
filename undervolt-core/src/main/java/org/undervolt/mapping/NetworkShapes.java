package org.undervolt.mapping;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.undervolt.InvalidInputException;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.zoo.LeNet5;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.nn.zoo.Vgg;
import org.undervolt.snn.DiehlCook;
import org.undervolt.storage.FormatSpec;
import org.undervolt.storage.Formats;

/**
 * The networks {@code undervolt map} knows by name, as the shapes of their weighted layers (MNIST-sized
 * inputs): {@code lenet5}, {@code vgg} (the zoo's small VGG on 1×28×28), {@code mlp} (784-256-128-10) and
 * {@code snn}, Diehl & Cook's network, whose DRAM data is the 784 × N input-to-excitatory weight matrix read
 * once per image (a dense 784 → N layer; spikes are generated on chip from the pixels).
 */
public final class NetworkShapes {
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
        Sequential m;
        switch (network.trim().toLowerCase(Locale.ROOT)) {
            case "lenet5" -> m = LeNet5.mnist(1);
            case "vgg" -> m = Vgg.small(1, 28, 10, 1);
            case "mlp" -> m = Mlp.create(new int[] {784, 256, 128, 10}, 1);
            case "snn" -> {
                if (neurons < 1) {
                    throw new InvalidInputException("--neurons: expected at least 1, got " + neurons);
                }
                return new NetworkData(List.of(LayerShape.dense("exc", DiehlCook.INPUTS, neurons)), bytes);
            }
            default -> throw new InvalidInputException("--network: unknown network '" + network
                    + "', expected lenet5, vgg, mlp or snn");
        }
        return new NetworkData(LayerShape.of(m), bytes);
    }
}
