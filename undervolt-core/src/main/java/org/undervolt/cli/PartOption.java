package org.undervolt.cli;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.LoadedSpec;
import org.undervolt.dram.spec.MemspecLoader;

import picocli.CommandLine.Mixin;

/**
 * {@code --part NAME|FILE} ({@link PartFileOption}) of {@code demo}, {@code eval} and {@code operating-point} (each with
 * its default, {@link OptionDefaults}), with the hidden {@code --preset} that once named it: a preset of {@code undervolt
 * dram presets}, a memspec file or a pair of Ramulator's presets, read by the one resolver
 * ({@link MemspecLoader#resolve}).
 */
final class PartOption {
    @Mixin PartFileOption part = new PartFileOption();

    @Mixin PartWasPresetOption partWasPreset = new PartWasPresetOption();

    /** The part's name as given (or the command's default). */
    String name() {
        return part.name();
    }

    /** The part named, read as a preset, a file or a preset pair; bad input is one line starting {@code --part NAME:}. */
    LoadedSpec loaded() {
        return resolve(name());
    }

    /** The part named ({@link #loaded}). */
    DramSpec spec() {
        return loaded().spec();
    }

    /** {@code name} read by {@link MemspecLoader#resolve}; bad input is one line starting {@code --part NAME:}. */
    static LoadedSpec resolve(String name) {
        try {
            return MemspecLoader.resolve(name);
        } catch (InvalidInputException e) {
            String m = e.getMessage();
            throw new InvalidInputException(m.startsWith(name + ":") ? "--part " + m : "--part " + name + ": " + m, e);
        }
    }
}
