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
 * @param datapath    {@link Datapath#INT8}: also the accuracy of the INT8 integer datapath (not with a BER yet)
 * @param calibration with the INT8 datapath: the images whose first {@value #CALIBRATION_IMAGES} calibrate its
 *                    activation scales (the training images); else unused, may be null
 */
public record EvalRequest(Sequential model, ImageDataset test, FormatSpec format, DramSpec part, ErrorModelFamily errors,
        String errorModel, Double ber, int trials, long seed, Datapath datapath, ImageDataset calibration) {

    /** Images the INT8 datapath's activation scales are calibrated on (the first of {@link #calibration}). */
    public static final int CALIBRATION_IMAGES = 1000;

    public EvalRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(test, "test");
        if (ber != null) {
            BadSetting.within("ber", ber, 0, 1, "a bit error rate");
            Objects.requireNonNull(format, "a BER needs a storage format");
        }
        BadSetting.range("trials", trials, 1, 1_000_000);
        requireOffered(Objects.requireNonNull(datapath, "datapath"), ber);
        if (datapath == Datapath.INT8) {
            Objects.requireNonNull(calibration, "the INT8 datapath calibrates on images");
        }
    }

    /** On the float datapath only, as evaluated before the INT8 datapath was offered. */
    public EvalRequest(Sequential model, ImageDataset test, FormatSpec format, DramSpec part, ErrorModelFamily errors,
            String errorModel, Double ber, int trials, long seed) {
        this(model, test, format, part, errors, errorModel, ber, trials, seed, Datapath.FLOAT, null);
    }

    /**
     * Checks that {@code datapath} is offered with {@code ber} (the INT8 datapath without bit errors, for now), so a
     * caller can check it before loading anything.
     *
     * @throws BadSetting {@code datapath int8 with ber: ...}
     */
    public static void requireOffered(Datapath datapath, Double ber) {
        if (datapath == Datapath.INT8 && ber != null) {
            throw BadSetting.combination("datapath", "int8", "ber", "bit errors on the integer datapath are not offered yet");
        }
    }

    /** Which arithmetic evaluates the network besides float. */
    public enum Datapath {
        /** Float only: the network as trained (and as stored). */
        FLOAT,
        /**
         * Also the INT8 integer datapath ({@code nn.quant.Int8Network}: int8 weights and feature maps, int32
         * accumulation, integer requantisation).
         */
        INT8;

        /** {@code float} or {@code int8}, any case. */
        public static Datapath parse(String text) {
            return switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "float" -> FLOAT;
                case "int8" -> INT8;
                default -> throw new BadSetting("datapath", text, "float or int8");
            };
        }
    }
}
