package org.undervolt.cli;

import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --part NAME}: the DRAM part, a preset name or alias of {@code undervolt dram presets}, shared by
 * {@code demo}, {@code eval} and {@code operating-point} (each with its default, {@link OptionDefaults}), with the
 * hidden {@code --preset} that once named it.
 */
final class PartOption {
    @Option(names = "--part", paramLabel = "NAME",
            description = "DRAM part, a preset name or alias of 'undervolt dram presets' (default: ${DEFAULT-VALUE}).")
    String name;

    @Mixin PartWasPresetOption partWasPreset = new PartWasPresetOption();

    /** The part named, checked against the presets. */
    DramSpec spec() {
        return OptionValues.parse("--part", name, DramPresets::get);
    }
}
