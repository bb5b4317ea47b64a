package org.undervolt.cli;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.dram.error.ErrorModelFamily;
import org.undervolt.dram.error.LocationAwareErrorModel.Granularity;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.dram.error.WeakCells;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code undervolt errors}: bit-error models and injection. */
@Command(name = "errors",
        description = "DRAM bit-error models: inject into a stored tensor, benchmark, generate and fit bitmaps.",
        subcommands = {ErrorsInjectCommand.class, ErrorsBenchCommand.class, ErrorsBitmapCommand.class,
                ErrorsFitCommand.class},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:",
                "  undervolt errors inject --ber 1e-3",
                "  undervolt errors bitmap --ber 1e-3 --out bitmap.txt",
                "  undervolt errors fit bitmap.txt"})
public final class ErrorsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options that choose an error model family (the BER is given separately). */
    public static final class ModelOptions {
        @Option(names = "--model", defaultValue = "uniform",
                description = "uniform (EDEN 0), bitline (1), wordline (2), data (3, data-dependent), "
                        + "location (SparkXD weak subarrays/banks). Default: ${DEFAULT-VALUE}.")
        String model;

        @Option(names = "--weak-fraction",
                description = "bitline/wordline: fraction of weak lines (default 0.01); location: fraction of "
                        + "weak subarrays or banks (default 0.25).")
        Double weakFraction;

        @Option(names = "--ratio", defaultValue = "1",
                description = "data: p(0->1) / p(1->0). Default: ${DEFAULT-VALUE}.")
        double ratio;

        @Option(names = "--granularity", defaultValue = "subarray",
                description = "location: weak subarray or bank. Default: ${DEFAULT-VALUE}.")
        String granularity;

        @Option(names = "--sampler",
                description = "uniform: how gaps between flips are drawn: blocked (the default; vectorized, about 2x "
                        + "faster per flip once compiled) or sequential (the stream of results recorded before blocked "
                        + "became the default); errors bench also takes both.")
        String sampler;

        @Option(names = "--device-seed",
                description = "Fix the weak cells of one device (drawn from this seed); without it they are "
                        + "redrawn every trial.")
        Long deviceSeed;

        /** The family chosen; bad names and values are input errors. */
        ErrorModelFamily family() {
            WeakCells weak = deviceSeed == null ? WeakCells.perTrial() : WeakCells.fixed(deviceSeed);
            UniformErrorModel.Sampler uniformSampler = sampler();
            try {
                return switch (model) {
                    case "uniform" -> ErrorModelFamily.uniform(uniformSampler);
                    case "bitline" -> ErrorModelFamily.bitlines(fraction(0.01), weak);
                    case "wordline" -> ErrorModelFamily.wordlines(fraction(0.01), weak);
                    case "data" -> ErrorModelFamily.dataDependent(ratio);
                    case "location" -> ErrorModelFamily.location(fraction(0.25), granularity(), weak);
                    default -> throw new InvalidInputException("--model: unknown model '" + model
                            + "'; expected uniform, bitline, wordline, data or location");
                };
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--model " + model + ": " + e.getMessage());
            }
        }

        /** The model at one BER, checking the BER is a probability. */
        ErrorModel at(double ber) {
            if (!(ber >= 0 && ber <= 1)) {
                throw new InvalidInputException("--ber: " + ber + " is not a bit error rate; expected a number in [0, 1]");
            }
            ErrorModelFamily family = family();
            try {
                return family.atBer(ber);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--ber " + ber + " with --model " + model + ": " + e.getMessage());
            }
        }

        /** The uniform model's sampler; {@code --sampler} with another model is an input error. */
        UniformErrorModel.Sampler sampler() {
            if (sampler == null) {
                return UniformErrorModel.Sampler.DEFAULT;
            }
            if (!model.equals("uniform")) {
                throw new InvalidInputException("--sampler: applies to --model uniform only, not " + model);
            }
            return switch (sampler) {
                case "sequential" -> UniformErrorModel.Sampler.SEQUENTIAL;
                case "blocked" -> UniformErrorModel.Sampler.BLOCKED;
                default -> throw new InvalidInputException("--sampler: '" + sampler + "'; expected sequential or blocked");
            };
        }

        private double fraction(double fallback) {
            double f = weakFraction == null ? fallback : weakFraction;
            if (!(f > 0 && f <= 1)) {
                throw new InvalidInputException("--weak-fraction: " + f + "; expected a number in (0, 1]");
            }
            return f;
        }

        private Granularity granularity() {
            return switch (granularity) {
                case "subarray" -> Granularity.SUBARRAY;
                case "bank" -> Granularity.BANK;
                default -> throw new InvalidInputException("--granularity: '" + granularity
                        + "'; expected subarray or bank");
            };
        }
    }
}
