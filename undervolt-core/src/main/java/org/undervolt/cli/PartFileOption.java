package org.undervolt.cli;

import org.undervolt.dram.spec.LoadedSpec;
import org.undervolt.dram.spec.MemspecLoader;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --part FILE|PRESET} of the {@code dram} tools: a preset of {@code undervolt dram presets} or a DRAMPower
 * memspec file. A command's own default, if any, is its {@link OptionDefaults}'.
 */
final class PartFileOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--part", paramLabel = "FILE|PRESET", description = "DRAM part: a preset name of 'undervolt dram presets' "
            + "or a DRAMPower 4 XML / DRAMPower 5 JSON memspec file (detected from the content).")
    String memspec;

    /** The old name of {@code --part}, kept hidden so that earlier command lines still run (it wins when given). */
    @Option(names = "--memspec", hidden = true, paramLabel = "FILE|PRESET")
    String alias;

    /** The part as given, or null. */
    String name() {
        return alias != null ? alias : memspec;
    }

    /** The part loaded; without one, picocli's missing-option error (the option is required where it has no default). */
    LoadedSpec load() {
        if (name() == null) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "Missing required option: '--part=FILE|PRESET'");
        }
        return MemspecLoader.resolve(name());
    }
}
