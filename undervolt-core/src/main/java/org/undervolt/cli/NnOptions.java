package org.undervolt.cli;

import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;

/** Small helpers shared by {@code undervolt train} and {@code undervolt eval}. */
final class NnOptions {
    private NnOptions() {
    }

    /** Applies {@code --threads} (null: all cores); returns the thread count in use. */
    static int threads(Integer threads) {
        if (threads != null) {
            if (threads < 1 || threads > 4096) {
                throw new InvalidInputException("--threads " + threads + ": expected 1..4096");
            }
            Parallel.setThreads(threads);
        }
        return Parallel.threads();
    }

    /** InvalidInputException unless the model reads images of this data set and has an output per class. */
    static void requireCompatible(Sequential model, ImageDataset data, String modelSource) {
        long in = Tensor.size(model.inputShape());
        if (in != data.imageSize()) {
            throw new InvalidInputException(modelSource + ": model reads " + in + " values per image, data set "
                    + data.name() + " has " + data.rows() + "x" + data.cols() + " images");
        }
        long out = Tensor.size(model.outputShape());
        if (out < data.numClasses()) {
            throw new InvalidInputException(modelSource + ": model has " + out + " outputs, data set "
                    + data.name() + " has " + data.numClasses() + " classes");
        }
    }
}
