package org.undervolt.cli;

import picocli.CommandLine.Option;

/**
 * {@code --seed S}, shared by every command that draws random numbers: the master seed every draw
 * derives from with the task's identity ({@code random.Seeds}), so the same seed gives the same bits.
 */
final class SeedOption {
    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Master seed: the same seed gives the same bits (default: ${DEFAULT-VALUE}).")
    long seed;
}
