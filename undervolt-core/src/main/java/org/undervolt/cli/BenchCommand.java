package org.undervolt.cli;

import java.util.function.Supplier;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code undervolt bench ...}: every speed benchmark of the CLI under one parent. The subcommands are
 * the same command classes that also live beside their subject ({@code dram bench}, {@code dram
 * sim-bench}, {@code errors bench}, {@code nn-bench}); each is instantiated again here under a name that
 * says what it measures. The JMH suite, with a baseline in every run, is the {@code undervolt-bench}
 * module ({@code undervolt-bench/run.sh}).
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        modelTransformer = BenchCommand.Subcommands.class,
        description = {"Speed benchmarks, each reported against a reference or baseline.",
                "The JMH suite (ratios to a baseline measured in the same run): undervolt-bench/run.sh."},
        footer = {"", "Examples:",
                "  undervolt bench errors --bits 1000000 --ber 1e-4,1e-3",
                "  undervolt bench dram-energy --commands 100000",
                "  undervolt bench nn --network mlp --train-images 6000"})
public final class BenchCommand extends CommandGroup {
    /**
     * Registers the existing benchmark commands under new names. picocli takes a command's name from its
     * annotation, and two of these are called {@code bench}, so they are added here, programmatically.
     */
    public static final class Subcommands implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec bench) {
            add(bench, "dram-energy", DramBenchCommand::new);
            add(bench, "dram-sim", DramSimBenchCommand::new);
            add(bench, "errors", ErrorsBenchCommand::new);
            add(bench, "nn", NnBenchCommand::new);
            add(bench, "tolerance", ToleranceBenchCommand::new);
            return bench;
        }

        private static void add(CommandSpec parent, String name, Supplier<Object> command) {
            CommandLine sub = new CommandLine(command.get());
            sub.getCommandSpec().name(name);
            parent.addSubcommand(name, sub);
        }
    }
}
