package org.undervolt.cli;

import picocli.CommandLine.Command;

/** {@code undervolt data}: the data set commands. */
@Command(name = "data", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Data sets: built-in MNIST and Fashion-MNIST, your own IDX files.",
        subcommands = {DataInfoCommand.class},
        footer = {"", "Examples:",
                "  undervolt data info",
                "  undervolt data info --dataset fashion-mnist --json"})
public final class DataCommand extends CommandGroup {
}
