package org.undervolt.cli;

import java.util.Locale;

import org.undervolt.InvalidInputException;
import org.undervolt.nn.zoo.ZooModel;

import picocli.CommandLine.Option;

/**
 * {@code --network NAME}, declared here only: an architecture by name, one of the zoo's ({@link ZooModel}, the same
 * names in {@code train}, {@code retrain}, {@code map}, {@code nn-bench} and the pipelines' {@code network}), or
 * {@code snn} where a command also takes the spiking network. A model file is {@code --model FILE}.
 */
final class NetworkOption {
    @Option(names = "--network", defaultValue = "lenet5", paramLabel = "NAME",
            description = "Network: mlp (pixels-256-128-classes), mlp-256 (pixels-256-classes, the demo's), lenet5 "
                    + "(28x28 images), vgg-small or resnet20 (CIFAR-10); map and retrain also take snn (Diehl & Cook) "
                    + "(default: ${DEFAULT-VALUE}).")
    String name;

    /** Whether the name is {@code snn}, the spiking network (only the commands that take one ask). */
    boolean snn() {
        return name.trim().toLowerCase(Locale.ROOT).equals("snn");
    }

    /** The zoo network named; a bad name is one line naming the option and the choices. */
    ZooModel zoo() {
        try {
            return ZooModel.parse(name);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--network " + name + ": " + e.getMessage(), e);
        }
    }
}
