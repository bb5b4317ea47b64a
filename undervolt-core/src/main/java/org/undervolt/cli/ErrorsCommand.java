package org.undervolt.cli;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.dram.error.ErrorModelFamily;
import org.undervolt.dram.error.ErrorModelRegistry;
import org.undervolt.dram.error.ErrorModelSpec;
import org.undervolt.storage.FormatSpec;
import org.undervolt.storage.Formats;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code undervolt errors}: bit-error models and injection. */
@Command(name = "errors", mixinStandardHelpOptions = true,
        description = "DRAM bit-error models: list them, inject into a stored tensor, benchmark, generate and fit bitmaps.",
        subcommands = {ErrorsModelsCommand.class, ErrorsInjectCommand.class, ErrorsBenchCommand.class,
                ErrorsBitmapCommand.class, ErrorsFitCommand.class},
        footer = {"", "Examples:",
                "  undervolt errors models",
                "  undervolt errors inject --error-model bitline:0.5 --ber 1e-3 --bits 1000000"})
public final class ErrorsCommand extends CommandGroup {
    /** The options that choose an error model family (the BER is given separately). */
    public static final class ModelOptions {
        @Mixin ErrorModelOption model = new ErrorModelOption();

        @Option(names = "--sampler", paramLabel = "S",
                description = "uniform only: how gaps between flips are drawn, as --error-model uniform:sampler=S "
                        + "(blocked, the default, or sequential); errors bench also takes both, to time the two.")
        String sampler;

        @Mixin DeviceSeedOption device = new DeviceSeedOption();

        /** The spec of {@code --error-model} as given. */
        String errorModel() {
            return model.spec;
        }

        /** The spec chosen, {@code --sampler} folded in. */
        String spec() {
            if (sampler == null) {
                return errorModel();
            }
            if (!sampler.equals("blocked") && !sampler.equals("sequential")) {
                throw new InvalidInputException("--sampler " + sampler + ": expected blocked or sequential");
            }
            ErrorModelSpec parsed = parsed();
            if (!parsed.entry().name().equals("uniform")) {
                throw new InvalidInputException("--sampler: applies to --error-model uniform only, not " + errorModel());
            }
            if (parsed.gives("sampler")) {
                throw new InvalidInputException("--sampler: --error-model " + errorModel() + " already names the sampler");
            }
            return errorModel() + (errorModel().contains(":") ? "," : ":") + "sampler=" + sampler;
        }

        /** The spec of {@code --error-model}, parsed; a bad one is an input error naming the option. */
        ErrorModelSpec parsed() {
            try {
                return ErrorModelRegistry.parse(errorModel());
            } catch (InvalidInputException e) {
                throw ErrorModelOption.underOption(e);
            }
        }

        /** The family chosen; bad names and values are input errors. */
        ErrorModelFamily family() {
            return ErrorModelOption.family(spec(), device.weakCells());
        }

        /** The model at one BER, checking the BER is a probability. */
        ErrorModel at(double ber) {
            if (!(ber >= 0 && ber <= 1)) {
                throw new InvalidInputException("--ber: " + ber + " is not a bit error rate; expected a number in [0, 1]");
            }
            ErrorModelFamily family = family();
            try {
                return ErrorModelOption.at(family, ber);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--ber " + ber + " with --error-model " + errorModel() + ": " + e.getMessage());
            }
        }
    }

    /** An error model at one BER, which must be given ({@code errors inject}, {@code errors bitmap}). */
    public static final class ModelAtBer {
        @Option(names = "--ber", required = true, description = "Bit error rate in [0, 1].")
        double ber;

        @Mixin ModelOptions options;

        /** The model at --ber; bad names, values and BERs are input errors. */
        ErrorModel model() {
            return options.at(ber);
        }
    }

    /** The storage format of the synthetic tensor that {@code errors inject} and {@code errors bench} store. */
    public static final class TensorFormat {
        @Option(names = "--format", defaultValue = "int8",
                description = "Storage format, e.g. int8, int4-asym-channel, fp16, bf16, q7.8. Default: ${DEFAULT-VALUE}.")
        String format;

        /** The format named; an unknown name is an input error naming the option. */
        FormatSpec spec() {
            return OptionValues.parse("--format", format, Formats::byName);
        }
    }
}
