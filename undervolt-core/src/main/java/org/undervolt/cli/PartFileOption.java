package org.undervolt.cli;

import org.undervolt.dram.spec.LoadedSpec;
import org.undervolt.dram.spec.MemspecLoader;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --part NAME|FILE}, declared here only: the DRAM part of every command that takes one, a preset of
 * {@code undervolt dram presets}, a DRAMPower memspec file or a Ramulator preset pair, all read by
 * {@link MemspecLoader#resolve}. A command's own default, if any, is its {@link OptionDefaults}'; {@link PartOption} is
 * the view of {@code demo}, {@code eval} and {@code operating-point}.
 */
final class PartFileOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--part", paramLabel = "NAME|FILE",
            description = "DRAM part: a preset name or alias of 'undervolt dram presets' (e.g. DDR4-2400, LPDDR3-1600), "
                    + "a DRAMPower 4 XML or 5 JSON memspec file, or a pair of Ramulator's presets ORG+BIN (timing only: "
                    + "the commands that price energy need currents). A command's default, if it has one, is in its "
                    + "description.")
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
            throw new CommandLine.ParameterException(mixee.commandLine(), "Missing required option: '--part=NAME|FILE'");
        }
        return MemspecLoader.resolve(name());
    }
}
