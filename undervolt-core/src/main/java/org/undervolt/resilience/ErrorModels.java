package org.undervolt.resilience;

import java.util.function.DoubleFunction;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.error.BitlineErrorModel;
import org.undervolt.dram.error.DataDependentErrorModel;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.dram.error.LocationAwareErrorModel;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.dram.error.WeakCells;
import org.undervolt.dram.error.WordlineErrorModel;

/**
 * Error models by name, each as a family parameterised by its expected bit error rate, as the
 * retraining and tolerance commands take them ({@code --error-model}):
 * <ul>
 *   <li>{@code uniform[:S]}: EDEN model 0; S names the sampler, {@code blocked} (default) or
 *       {@code sequential} (the stream of results recorded before blocked became the default);</li>
 *   <li>{@code bitline[:F]}: model 1, a weak bitline's cells fail with probability F (default 0.5),
 *       bitlines weak with probability BER/F;</li>
 *   <li>{@code wordline[:F]}: model 2, likewise for rows;</li>
 *   <li>{@code data-dependent[:R]}: model 3, 1→0 flips R times as likely as 0→1 (default 4), mean
 *       over both values equal to the BER;</li>
 *   <li>{@code location[:W]}: SparkXD/EnforceSNN location-aware, a fraction W (default 0.25) of the
 *       subarrays is weak and errs uniformly at BER/W, the rest is error-free.</li>
 * </ul>
 * Weak bitlines, rows and subarrays belong to one device, named by {@code deviceSeed}.
 * When the rate a model needs exceeds 1 (BER above F or W) the weak fraction saturates at 1 and the
 * per-cell rate becomes the BER.
 */
public final class ErrorModels {
    private ErrorModels() {
    }

    /** The family named by {@code spec}. */
    public static DoubleFunction<ErrorModel> parse(String spec, long deviceSeed) {
        String[] parts = spec.trim().toLowerCase(java.util.Locale.ROOT).split(":", 2);
        String name = parts[0];
        WeakCells device = WeakCells.fixed(deviceSeed);
        switch (name) {
            case "uniform": {
                if (parts.length == 1) {
                    return UniformErrorModel::new;
                }
                UniformErrorModel.Sampler sampler = switch (parts[1]) {
                    case "blocked" -> UniformErrorModel.Sampler.BLOCKED;
                    case "sequential" -> UniformErrorModel.Sampler.SEQUENTIAL;
                    default -> throw new InvalidInputException("error model '" + spec
                            + "': expected uniform, uniform:blocked or uniform:sequential");
                };
                return ber -> new UniformErrorModel(ber, sampler);
            }
            case "bitline": {
                double f = parameter(spec, parts, 0.5);
                return ber -> ber > f ? new BitlineErrorModel(1, ber, device) : new BitlineErrorModel(ber / f, f, device);
            }
            case "wordline": {
                double f = parameter(spec, parts, 0.5);
                return ber -> ber > f ? new WordlineErrorModel(1, ber, device) : new WordlineErrorModel(ber / f, f, device);
            }
            case "data-dependent": {
                double r = parameter(spec, parts, 4);
                return ber -> new DataDependentErrorModel(Math.min(1, 2 * ber / (1 + r)), Math.min(1, 2 * ber * r / (1 + r)));
            }
            case "location": {
                double w = parameter(spec, parts, 0.25);
                return ber -> LocationAwareErrorModel.random(Math.min(1, w), Math.min(1, ber / w),
                        LocationAwareErrorModel.Granularity.SUBARRAY, device);
            }
            default:
                throw new InvalidInputException("error model '" + spec + "' is unknown; expected uniform[:blocked|sequential], bitline[:F], "
                        + "wordline[:F], data-dependent[:R] or location[:W]");
        }
    }

    private static double parameter(String spec, String[] parts, double dflt) {
        if (parts.length == 1) {
            return dflt;
        }
        try {
            double v = Double.parseDouble(parts[1]);
            if (v > 0 && v <= 1e6) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidInputException("error model '" + spec + "': parameter must be a positive number");
    }
}
