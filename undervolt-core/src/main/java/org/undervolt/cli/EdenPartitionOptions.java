package org.undervolt.cli;

import java.nio.file.Path;

import org.undervolt.mapping.Granularity;
import org.undervolt.mapping.PartitionSet;
import org.undervolt.usecase.MapSettings;

import picocli.CommandLine.Option;

/**
 * EDEN's partitions for {@code map}: read from a file, or generated (how many, of what unit, down to which voltage
 * and tRCD, and whether idle ones run lowered too).
 */
final class EdenPartitionOptions {
    @Option(names = "--partitions", paramLabel = "FILE", description = "eden: partitions as JSON (else generated)")
    Path partitionFile;

    @Option(names = "--partition-count", defaultValue = "8", paramLabel = "N", description = "eden: generated partitions (default: ${DEFAULT-VALUE})")
    int partitionCount;

    @Option(names = "--granularity", defaultValue = "bank", paramLabel = "rank|bank|subarray",
            description = "eden: generated partition unit (default: ${DEFAULT-VALUE})")
    String granularity;

    @Option(names = "--vdd-min", paramLabel = "VOLTS",
            description = "eden: lowest generated partition voltage (default: the BER table's lowest)")
    Double vddMin;

    @Option(names = "--trcd-min", defaultValue = "0.5", paramLabel = "REL",
            description = "eden: lowest generated tRCD as a fraction of nominal (default: ${DEFAULT-VALUE})")
    double trcdMin;

    @Option(names = "--trcd-steps", defaultValue = "error-free", paramLabel = "error-free|linear",
            description = "eden: generated tRCD: the shortest error-free one in every partition, or falling linearly with VDD"
                    + " to --trcd-min (only for a DIMM measured at both knobs) (default: ${DEFAULT-VALUE})")
    String trcdSteps;

    @Option(names = "--lower-idle-partitions",
            description = "eden: run partitions that hold none of the network's data at their own voltage too (default: nominal)")
    boolean lowerIdle;

    /** The partition settings (the unit and the tRCD steps checked here, the bounds by {@link MapSettings}). */
    MapSettings.Partitions partitions() {
        return new MapSettings.Partitions(partitionFile, OptionValues.parse("--granularity", granularity, Granularity::parse),
                partitionCount, vddMin, trcdMin, OptionValues.parse("--trcd-steps", trcdSteps, PartitionSet.TrcdSteps::parse),
                lowerIdle);
    }
}
