package org.undervolt.cli;

import org.undervolt.storage.FormatSpec;
import org.undervolt.storage.Formats;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Bit errors in a network's stored weights, as {@code eval} and {@code snn eval} draw them: the storage format, the
 * error model and its device, the BER and the number of draws. Each command's default {@code --trials} is its
 * {@link OptionDefaults}'.
 */
final class WeightErrorOptions {
    @Option(names = "--format", paramLabel = "NAME",
            description = "Storage format of the weights, e.g. int8, fp32, fp16, q3.4 (default: fp32 with --ber, none without).")
    String format;

    @Mixin ErrorModelOptions errors = new ErrorModelOptions();

    @Option(names = "--ber", paramLabel = "X", description = "Bit error rate in [0, 1] of the stored weight bits.")
    Double ber;

    @Option(names = "--trials", paramLabel = "T", description = "Error draws (default: ${DEFAULT-VALUE}).")
    int trials;

    /** --ber, checked to be a bit error rate; null when not given. */
    Double ber() {
        if (ber != null) {
            OptionValues.ber("--ber", ber);
        }
        return ber;
    }

    /** --format parsed; null when not given. */
    FormatSpec format() {
        return format == null ? null : OptionValues.parse("--format", format, Formats::byName);
    }
}
