package org.undervolt.cli;

import picocli.CommandLine.Option;

/**
 * The BER grid of a sweep or a tolerance search, shared by {@code demo}, {@code tolerance} and {@code bench
 * tolerance}: a log grid from {@code --ber-min} to {@code --ber-max} with {@code --points-per-decade}, and
 * {@code --trials} error draws at each point. The defaults are each command's ({@link OptionDefaults}).
 */
final class BerGridOptions {
    @Option(names = "--ber-min", paramLabel = "X", description = "Smallest BER of the grid (default: ${DEFAULT-VALUE}).")
    double berMin;

    @Option(names = "--ber-max", paramLabel = "X", description = "Largest BER of the grid (default: ${DEFAULT-VALUE}).")
    double berMax;

    @Option(names = "--points-per-decade", paramLabel = "N", description = "Grid points per decade of BER (default: ${DEFAULT-VALUE}).")
    int pointsPerDecade;

    @Option(names = "--trials", paramLabel = "T", description = "Error draws at each BER (default: ${DEFAULT-VALUE}).")
    int trials;

    /** Checks the grid's ends and density, naming the option that is wrong (the trials are the caller's to bound). */
    void check() {
        OptionValues.berRange("--ber-min", berMin, "--ber-max", berMax);
        OptionValues.range("--points-per-decade", pointsPerDecade, 1, 100);
    }
}
