package org.undervolt.cli;

import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;

import picocli.CommandLine.Mixin;

/**
 * {@code --part NAME} ({@link PartFileOption}) as a preset of {@code undervolt dram presets}, for {@code demo},
 * {@code eval} and {@code operating-point} (each with its default, {@link OptionDefaults}), with the hidden
 * {@code --preset} that once named it.
 */
final class PartOption {
    @Mixin PartFileOption part = new PartFileOption();

    @Mixin PartWasPresetOption partWasPreset = new PartWasPresetOption();

    /** The part's name as given (or the command's default). */
    String name() {
        return part.name();
    }

    /** The part named, checked against the presets. */
    DramSpec spec() {
        return OptionValues.parse("--part", name(), DramPresets::get);
    }
}
