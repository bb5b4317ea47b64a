package org.undervolt.cli;

import org.undervolt.mapping.Dataflow;
import org.undervolt.usecase.MapSettings;

import picocli.CommandLine.Option;

/** How {@code map} streams a network's data through an accelerator: {@code --dataflow} and its buffers. */
final class DataflowOptions {
    @Option(names = "--dataflow", defaultValue = "streaming", paramLabel = "NAME",
            description = "streaming, row-stationary or weight-stationary (default: ${DEFAULT-VALUE})")
    String dataflow;

    @Option(names = "--global-buffer-kib", defaultValue = "" + MapSettings.GLOBAL_BUFFER_KIB, paramLabel = "KIB",
            description = "row-stationary global buffer (default: ${DEFAULT-VALUE}, Eyeriss)")
    long globalKib;

    @Option(names = "--weight-buffer-kib", defaultValue = "" + MapSettings.WEIGHT_BUFFER_KIB, paramLabel = "KIB",
            description = "weight-stationary weight buffer (default: ${DEFAULT-VALUE}: one 256x256 INT8 tile)")
    long weightKib;

    @Option(names = "--activation-buffer-kib", defaultValue = "" + MapSettings.ACTIVATION_BUFFER_KIB, paramLabel = "KIB",
            description = "weight-stationary activation buffer (default: ${DEFAULT-VALUE})")
    long activationKib;

    /** The dataflow named, with its buffers (checked). */
    Dataflow dataflow() {
        return OptionValues.parse("--dataflow", dataflow, d -> MapSettings.dataflow(d, globalKib, weightKib, activationKib));
    }
}
