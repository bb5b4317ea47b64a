package org.undervolt.mapping;

import java.util.List;
import java.util.Locale;

import org.undervolt.InvalidInputException;

/**
 * How an inference engine moves a network's data between DRAM and the chip: the DRAM transfers of one
 * batch-1 inference, layer by layer. Implementations differ in what on-chip buffers let them reuse.
 */
public interface Dataflow {

    String name();

    /** The transfers of one inference of {@code net}, in issue order. */
    List<Transfer> transfers(NetworkData net);

    /**
     * {@code streaming}, {@code row-stationary} or {@code weight-stationary}; the buffer sizes (bytes) apply to
     * the accelerators.
     */
    static Dataflow parse(String name, long globalBuffer, long weightBuffer, long activationBuffer) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "streaming", "cpu" -> new StreamingDataflow();
            case "row-stationary", "eyeriss" -> new RowStationaryDataflow(globalBuffer);
            case "weight-stationary", "tpu" -> new WeightStationaryDataflow(weightBuffer, activationBuffer);
            default -> throw new InvalidInputException("--dataflow: unknown dataflow '" + name
                    + "', expected streaming, row-stationary or weight-stationary");
        };
    }
}
