package org.undervolt.cli;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.dram.error.ErrorModelFamily;
import org.undervolt.dram.error.ErrorModelRegistry;
import org.undervolt.dram.error.WeakCells;

import picocli.CommandLine.Option;

/**
 * The {@code --error-model} option of every command that draws bit errors, declared here only: a spec of the
 * {@link ErrorModelRegistry}, its rejections reported under the option's name. The device whose weak cells the
 * clustered models draw from is {@link DeviceSeedOption}.
 */
final class ErrorModelOption {
    /** The option's name, the same in every command. */
    static final String NAME = "--error-model";
    /** The option's description, the same in every command. */
    static final String DESCRIPTION = "Error model, NAME[:PARAM=VALUE,...]: uniform, bitline, wordline, data-dependent, "
            + "location or weak-subarray, e.g. uniform:sequential, bitline:cell-rate=0.5, location:weak-fraction=0.1, "
            + "weak-subarray:device=voltron:A4 ('undervolt errors models' lists every parameter). Default: ${DEFAULT-VALUE}.";

    @Option(names = NAME, defaultValue = "uniform", paramLabel = "SPEC", description = DESCRIPTION)
    String spec;

    /** The family the spec names on the device of {@code device}; a bad spec is one line naming the option. */
    ErrorModelFamily family(DeviceSeedOption device) {
        return family(spec, device.weakCells());
    }

    /** The family {@code spec} names; a bad spec is one line starting with the option. */
    static ErrorModelFamily family(String spec, WeakCells weakCells) {
        try {
            return ErrorModelRegistry.family(spec, weakCells);
        } catch (InvalidInputException e) {
            throw underOption(e);
        }
    }

    /** The model of {@code family} at {@code ber}; a BER the spec cannot reach is one line starting with the option. */
    static ErrorModel at(ErrorModelFamily family, double ber) {
        try {
            return family.atBer(ber);
        } catch (InvalidInputException e) {
            throw underOption(e);
        }
    }

    /** {@code e}, a rejection of a spec by the registry, with the option's name in front. */
    static InvalidInputException underOption(InvalidInputException e) {
        String m = e.getMessage();
        return new InvalidInputException(NAME + " " + (m.startsWith(ErrorModelRegistry.PREFIX)
                ? m.substring(ErrorModelRegistry.PREFIX.length()) : m), e);
    }
}
