package org.undervolt.cli;

import picocli.CommandLine.Command;

/** {@code undervolt snn}: the Diehl and Cook spiking network (train, eval). */
@Command(name = "snn", mixinStandardHelpOptions = true,
        description = "Diehl & Cook 2015 spiking network on MNIST: unsupervised STDP training and evaluation.",
        subcommands = {SnnTrainCommand.class, SnnEvalCommand.class},
        footer = {"", "Examples:",
                "  undervolt snn train --neurons 100 --train-images 1000 --out n100.snn",
                "  undervolt snn eval --model n100.snn --format int8 --ber 1e-3 --trials 3"})
public final class SnnCommand extends CommandGroup {
}
