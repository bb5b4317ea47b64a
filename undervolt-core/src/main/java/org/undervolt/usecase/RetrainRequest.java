package org.undervolt.usecase;

import java.util.Objects;

import org.undervolt.data.ImageDataset;
import org.undervolt.resilience.RetrainRun;
import org.undervolt.resilience.SnnFatRun;

/**
 * One retraining of a network to tolerate approximate DRAM: a DNN's ({@code dnn}: EDEN curricular retraining or
 * RandBET, errors in the stored weights and IFMs of every forward pass) or an SNN's ({@code snn}: SparkXD's
 * fault-aware STDP training, errors in the stored weights), exactly one of them.
 *
 * @param dnn   the DNN's settings (network or baseline file, schedule, setup, folder), or null
 * @param snn   the SNN's settings (base model, BER steps, evaluation, folder), or null
 * @param train training images
 * @param test  test images the SNN is evaluated on; may be null for a DNN (it holds out the end of {@code train})
 */
public record RetrainRequest(RetrainRun.Options dnn, SnnFatRun.Options snn, ImageDataset train, ImageDataset test) {
    public RetrainRequest {
        if ((dnn == null) == (snn == null)) {
            throw new IllegalArgumentException("a retraining is of a DNN or of an SNN: give exactly one");
        }
        Objects.requireNonNull(train, "train");
        if (snn != null) {
            Objects.requireNonNull(test, "an SNN's retraining is evaluated on test images");
        }
    }

    /** A DNN's retraining. */
    public static RetrainRequest of(RetrainRun.Options dnn, ImageDataset train) {
        return new RetrainRequest(dnn, null, train, null);
    }

    /** An SNN's fault-aware training. */
    public static RetrainRequest of(SnnFatRun.Options snn, ImageDataset train, ImageDataset test) {
        return new RetrainRequest(null, snn, train, test);
    }
}
