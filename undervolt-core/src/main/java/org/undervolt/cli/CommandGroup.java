package org.undervolt.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that groups subcommands ({@code undervolt}, {@code dram}, {@code errors}, {@code runs}, ...): run
 * without one, it prints its usage (the subcommands and examples) on standard output.
 */
abstract class CommandGroup implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
