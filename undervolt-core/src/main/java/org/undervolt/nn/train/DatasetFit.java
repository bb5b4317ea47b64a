package org.undervolt.nn.train;

import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;

/**
 * Whether a DNN can run on a data set: it reads images of the data set's size and has an output per class. Every
 * command that trains or evaluates a network on images checks this before any work, so a mismatch is one line of
 * bad input rather than a failure deep in a forward pass or the loss (after an epoch of training).
 */
public final class DatasetFit {
    private DatasetFit() {
    }

    /**
     * @param model  the network
     * @param data   images it is to run on
     * @param source the network's name in the message (its file, or the architecture being trained)
     * @throws InvalidInputException naming {@code source} unless the model reads images of this size and has at
     *                               least as many outputs as the data set has classes
     */
    public static void require(Sequential model, ImageDataset data, String source) {
        long in = Tensor.size(model.inputShape());
        if (in != data.imageSize()) {
            throw new InvalidInputException(source + ": model reads " + in + " values per image, data set "
                    + data.name() + " has " + data.rows() + "x" + data.cols() + " images");
        }
        long out = Tensor.size(model.outputShape());
        if (out < data.numClasses()) {
            throw new InvalidInputException(source + ": model has " + out + " outputs, data set "
                    + data.name() + " has " + data.numClasses() + " classes");
        }
    }
}
