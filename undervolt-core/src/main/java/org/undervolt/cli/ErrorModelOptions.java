package org.undervolt.cli;

import org.undervolt.dram.error.ErrorModelFamily;

import picocli.CommandLine.Mixin;

/** {@code --error-model SPEC} and {@code --device-seed S} together, for the commands that draw bit errors. */
final class ErrorModelOptions {
    @Mixin ErrorModelOption model = new ErrorModelOption();
    @Mixin DeviceSeedOption device = new DeviceSeedOption();

    /** The spec as given. */
    String spec() {
        return model.spec;
    }

    /** The family the spec names, its weak cells from the device seed; a bad spec is one line naming the option. */
    ErrorModelFamily family() {
        return model.family(device);
    }
}
