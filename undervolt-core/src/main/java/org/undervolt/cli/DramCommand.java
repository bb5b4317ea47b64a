package org.undervolt.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code undervolt dram ...}: the DRAM model (specs, energy). */
@Command(name = "dram",
        mixinStandardHelpOptions = true,
        description = "DRAM model: parts, command-trace energy, timing simulation, access energies.",
        subcommands = {
                DramEnergyCommand.class,
                DramSimulateCommand.class,
                DramInfoCommand.class,
                DramPresetsCommand.class,
                DramBenchCommand.class,
                DramSimBenchCommand.class,
        },
        footer = {"", "Examples:",
                "  undervolt dram presets",
                "  undervolt dram info --part LPDDR3-1600_4Gb_x32 --vdd 1.1"})
public final class DramCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
