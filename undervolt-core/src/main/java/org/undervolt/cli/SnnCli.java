package org.undervolt.cli;

import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;

/** Option checks shared by the {@code snn} commands. */
final class SnnCli {
    private SnnCli() {
    }

    static int threads(Integer value) {
        if (value == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (value < 1) {
            throw new InvalidInputException("--threads " + value + ": expected a positive count");
        }
        return value;
    }

    static void requireMnistShape(ImageDataset d) {
        if (d.imageSize() != 784) {
            throw new InvalidInputException(d.name() + ": images are " + d.rows() + "x" + d.cols()
                    + ", the SNN expects 28x28");
        }
    }
}
