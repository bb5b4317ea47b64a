package org.undervolt.cli;

import org.undervolt.dram.error.ErrorModelFamily;
import org.undervolt.dram.error.WeakCells;

import picocli.CommandLine.Option;

/** {@code --error-model SPEC} and {@code --device-seed S}, as a mixin for the commands that draw bit errors. */
final class ErrorModelOptions {
    @Option(names = ErrorModelOption.NAME, defaultValue = "uniform", paramLabel = "SPEC",
            description = ErrorModelOption.DESCRIPTION)
    String errorModel;

    @Option(names = "--device-seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the device's weak cells (bitlines, rows, subarrays) for the clustered error models "
                    + "(default: ${DEFAULT-VALUE}).")
    long deviceSeed;

    /** The family the spec names, its weak cells from the device seed; a bad spec is one line naming the option. */
    ErrorModelFamily family() {
        return ErrorModelOption.family(errorModel, WeakCells.fixed(deviceSeed));
    }
}
