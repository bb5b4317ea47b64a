package org.undervolt.usecase;

import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;

import org.undervolt.dram.error.ErrorModel;
import org.undervolt.fault.SyntheticImages;
import org.undervolt.storage.FormatSpec;

/**
 * A benchmark of error injection against a plain copy of the same stored tensor, over sizes and bit error rates (what
 * {@code undervolt errors bench} asks for).
 *
 * @param format          storage format of the synthetic Gaussian values
 * @param formatName      the format as the caller named it (for the record)
 * @param model           the error model as the caller named it (for the record)
 * @param modelsAt        the models timed, interleaved, at one BER (e.g. both samplers of the uniform model)
 * @param sizes           image sizes in bits; each must fit {@link InjectUseCase#GEOMETRY}, else a {@link BadSetting}
 *                        {@code bits: N bits do not fit: need 1 .. M bits}
 * @param bers            bit error rates, each a probability
 * @param repeats         timed repetitions per point, at least 1; the medians are reported
 * @param warmup          untimed repetitions first, at least 0
 * @param warmupMs        least warm-up time per point, in ms, at least 0
 * @param firstWarmupMs   warm-up of the blocked sampler before the first point that times it, in ms, at least 0
 * @param seed            the tensor's values and the trials' flips come from it
 */
public record InjectionBenchRequest(FormatSpec format, String formatName, String model,
        DoubleFunction<List<ErrorModel>> modelsAt, List<Long> sizes, List<Double> bers, int repeats, int warmup, long warmupMs,
        long firstWarmupMs, long seed) {
    public InjectionBenchRequest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(modelsAt, "modelsAt");
        BadSetting.range("repeats", repeats, 1, Integer.MAX_VALUE);
        BadSetting.range("warmup", warmup, 0, Integer.MAX_VALUE);
        BadSetting.range("warmup_ms", warmupMs, 0, Long.MAX_VALUE);
        BadSetting.range("first_warmup_ms", firstWarmupMs, 0, Long.MAX_VALUE);
        for (double ber : bers) {
            BadSetting.within("ber", ber, 0, 1, "a bit error rate");
        }
        for (long bits : sizes) {
            try {
                SyntheticImages.requireFits(format, bits, InjectUseCase.GEOMETRY);
            } catch (IllegalArgumentException e) {
                throw BadSetting.about("bits", e.getMessage());
            }
        }
        sizes = List.copyOf(sizes);
        bers = List.copyOf(bers);
    }
}
