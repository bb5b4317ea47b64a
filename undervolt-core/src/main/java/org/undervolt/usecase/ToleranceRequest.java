package org.undervolt.usecase;

import java.util.Objects;

import org.undervolt.data.ImageDataset;
import org.undervolt.resilience.SnnToleranceRun;
import org.undervolt.resilience.ToleranceRun;

/**
 * One tolerance search: the largest BER at which a network's accuracy stays within delta of its reference, at a
 * stated confidence. Either a DNN ({@code dnn}: coarse, optionally per layer x data type) or an SNN ({@code snn}:
 * coarse), exactly one of them.
 *
 * @param dnn   the DNN search's settings (model file, what is stored how, grid, acceptance, images, folder), or null
 * @param snn   the SNN search's settings, or null
 * @param train training images (the DNN's value bounds are profiled on them); may be null for an SNN
 * @param test  test images the accuracies are measured on
 */
public record ToleranceRequest(ToleranceRun.Options dnn, SnnToleranceRun.Options snn, ImageDataset train, ImageDataset test) {
    public ToleranceRequest {
        if ((dnn == null) == (snn == null)) {
            throw new IllegalArgumentException("a tolerance search is of a DNN or of an SNN: give exactly one");
        }
        Objects.requireNonNull(test, "test");
        if (dnn != null) {
            Objects.requireNonNull(train, "a DNN's search profiles value bounds on training images");
        }
    }

    /** A DNN's search. */
    public static ToleranceRequest of(ToleranceRun.Options dnn, ImageDataset train, ImageDataset test) {
        return new ToleranceRequest(dnn, null, train, test);
    }

    /** An SNN's search. */
    public static ToleranceRequest of(SnnToleranceRun.Options snn, ImageDataset test) {
        return new ToleranceRequest(null, snn, null, test);
    }
}
