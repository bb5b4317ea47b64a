package org.undervolt.cli;

import picocli.CommandLine.Command;

/** {@code undervolt runs}: the runs recorded in a results store. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List, show and export the runs recorded in a results store.",
        subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsExportCommand.class},
        footer = {"",
                "Examples:",
                "  undervolt runs list",
                "  undervolt runs show 3",
                "  undervolt runs export 3 --as csv --out trials.csv",
                "  undervolt runs export 3 --as json --store other/undervolt.db > run3.json"})
public final class RunsCommand extends CommandGroup {
}
