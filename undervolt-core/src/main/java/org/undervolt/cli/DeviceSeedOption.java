package org.undervolt.cli;

import org.undervolt.dram.error.WeakCells;

import picocli.CommandLine.Option;

/**
 * {@code --device-seed S}, declared here only: which device the errors come from. One meaning everywhere: the seed
 * draws the device's weak cells (the bitlines, rows and subarrays of the clustered error models, SparkXD's weak
 * subarrays in {@code map}), so the same seed is the same device in every trial and every command; the default is
 * device 1. The other error models ignore it.
 */
final class DeviceSeedOption {
    @Option(names = "--device-seed", defaultValue = "" + WeakCells.DEFAULT_DEVICE_SEED, paramLabel = "S",
            description = "The device: its weak cells (bitlines, rows, subarrays) are drawn from this seed, the same in "
                    + "every trial; the uniform and data-dependent models ignore it (default: ${DEFAULT-VALUE}).")
    long seed;

    /** The device's weak cells. */
    WeakCells weakCells() {
        return WeakCells.fixed(seed);
    }
}
