package org.undervolt.usecase;

import java.util.Objects;

import org.undervolt.data.ImageDataset;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.snn.SnnModel;
import org.undervolt.storage.FormatSpec;
import org.undervolt.storage.Formats;

/**
 * One evaluation of a Diehl &amp; Cook SNN ({@code undervolt snn eval}): on its first {@code testImages} test
 * images, error-free in the model's own floats, or with its input weights stored in a format and bit errors of an
 * error model injected into those bytes.
 *
 * @param model      the labelled network
 * @param test       the test set
 * @param testImages how many of its first images
 * @param format     the storage format of the input weights, or null: FP32 when a BER is given, else none
 * @param ber        the bit error rate, or null: none (0 when only a format is given)
 * @param errors     the error model at {@code ber} (ignored without a format or a BER)
 * @param trials     independent error draws, at least 1
 * @param seed       the master seed of the draws
 * @param threads    worker threads (the same results on any count)
 */
public record SnnEvalRequest(SnnModel model, ImageDataset test, int testImages, FormatSpec format, Double ber,
        ErrorModel errors, int trials, long seed, int threads) {
    public SnnEvalRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(test, "test");
        if (ber != null) {
            BadSetting.within("ber", ber, 0, 1, "a bit error rate");
        }
        if (trials < 1) {
            throw new BadSetting("trials", trials, "a positive count");
        }
    }

    /** Whether the weights are stored (a format or a BER given): else the model's floats are evaluated as they are. */
    public boolean stored() {
        return format != null || ber != null;
    }

    /** The format the weights are stored in: the one given, else FP32 (SparkXD's precision). */
    public FormatSpec storedFormat() {
        return format != null ? format : Formats.byName("fp32");
    }
}
