package org.undervolt.snn;

import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;

/**
 * Whether a data set's images can be shown to a Diehl and Cook network: one input neuron per pixel of a 28x28
 * greyscale image ({@link DiehlCook#INPUTS}). Every command that trains or evaluates an SNN on images checks this
 * before any work.
 */
public final class SnnImages {
    private SnnImages() {
    }

    /** @throws InvalidInputException naming the data set unless its images have {@link DiehlCook#INPUTS} pixels */
    public static void require(ImageDataset d) {
        if (d.imageSize() != DiehlCook.INPUTS) {
            throw new InvalidInputException(d.name() + ": images are " + d.rows() + "x" + d.cols()
                    + ", the SNN expects 28x28");
        }
    }
}
