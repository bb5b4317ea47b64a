package org.undervolt.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code undervolt dram ...}: the DRAM model (specs, energy). */
@Command(name = "dram",
        mixinStandardHelpOptions = true,
        description = "DRAM model: parts, command-trace energy, timing simulation, access energies.",
        footer = {"", "Examples:",
                "  undervolt dram presets",
                "  undervolt dram info --part LPDDR3-1600_4Gb_x32 --vdd 1.1"})
public final class DramCommand extends CommandGroup {
    /**
     * The subcommands by name, in help order. Registered by {@link #commandLine} rather than in the annotation, so
     * that {@code dram energy} builds (reflects over) only its own command, as {@link UndervoltCli} does one level up.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("energy", DramEnergyCommand.class);
        SUBCOMMANDS.put("simulate", DramSimulateCommand.class);
        SUBCOMMANDS.put("info", DramInfoCommand.class);
        SUBCOMMANDS.put("presets", DramPresetsCommand.class);
        SUBCOMMANDS.put("bench", DramBenchCommand.class);
        SUBCOMMANDS.put("sim-bench", DramSimBenchCommand.class);
    }

    /**
     * The {@code dram} command line for running {@code args} (the whole command line): only the subcommand named
     * after {@code dram}; every one when none is named or the name is unknown (usage, help, suggestions).
     */
    static CommandLine commandLine(String... args) {
        String named = null;
        boolean afterDram = false;
        for (String a : args) {
            if (afterDram && !a.startsWith("-")) {
                named = a;
                break;
            }
            afterDram |= a.equals("dram");
        }
        CommandLine dram = new CommandLine(DramCommand.class);
        for (Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) {
            if (!SUBCOMMANDS.containsKey(named) || e.getKey().equals(named)) {
                dram.addSubcommand(e.getKey(), new CommandLine(e.getValue()));
            }
        }
        return dram;
    }
}
