package org.undervolt.usecase;

import java.util.Objects;

import org.undervolt.data.ImageDataset;
import org.undervolt.dram.error.ErrorModelFamily;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.nn.model.Sequential;
import org.undervolt.storage.FormatSpec;

/**
 * One evaluation of a DNN: its accuracy as trained, optionally with its weights stored in a number format in a
 * DRAM part, and optionally hit by bit errors at one BER over Monte-Carlo trials.
 *
 * @param model       the network
 * @param test        the images it is evaluated on
 * @param format      storage format of the weights; null: the float weights as trained (then {@code ber} must be null)
 * @param part        the DRAM part whose geometry places the stored weights
 * @param errors      the error model family
 * @param errorModel  its spec as the user wrote it (for the record)
 * @param ber         BER of the stored weight bits in [0, 1], or null for none
 * @param trials      error draws, 1..1000000
 * @param seed        master seed: trial t at BER b draws from {@code Seeds.stream(seed, bits(b), t)}, as the demo's sweep
 */
public record EvalRequest(Sequential model, ImageDataset test, FormatSpec format, DramSpec part, ErrorModelFamily errors,
        String errorModel, Double ber, int trials, long seed) {
    public EvalRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(test, "test");
        if (ber != null) {
            BadSetting.within("ber", ber, 0, 1, "a bit error rate");
            Objects.requireNonNull(format, "a BER needs a storage format");
        }
        BadSetting.range("trials", trials, 1, 1_000_000);
    }
}
