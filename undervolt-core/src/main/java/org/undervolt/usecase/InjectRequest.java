package org.undervolt.usecase;

import java.util.Objects;

import org.undervolt.dram.error.ErrorModel;
import org.undervolt.fault.SyntheticImages;
import org.undervolt.storage.FormatSpec;

/**
 * One injection measurement: a synthetic tensor of Gaussian values stored in a number format, hit by one error model
 * over independent trials (what {@code undervolt errors inject} asks for).
 *
 * @param format storage format of the values
 * @param model  the error model, built at {@code ber}
 * @param ber    the BER the model was built at (for the record)
 * @param bits   bits of stored data to cover; must fit the geometry ({@link InjectUseCase#GEOMETRY}), else a
 *               {@link BadSetting} {@code bits: N bits do not fit: need 1 .. M bits}
 * @param trials independent trials, at least 1 (flips and seconds are totals over them), else a {@link BadSetting}
 * @param seed   the tensor's values and trial t's flips ({@code Seeds.stream(seed, t)}) come from it
 */
public record InjectRequest(FormatSpec format, ErrorModel model, double ber, long bits, int trials, long seed) {
    public InjectRequest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(model, "model");
        if (trials < 1) {
            throw BadSetting.about("trials", trials + "; expected a positive count");
        }
        try {
            SyntheticImages.requireFits(format, bits, InjectUseCase.GEOMETRY);
        } catch (IllegalArgumentException e) {
            throw BadSetting.about("bits", e.getMessage());
        }
    }
}
