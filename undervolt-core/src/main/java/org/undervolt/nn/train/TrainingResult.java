package org.undervolt.nn.train;

import java.util.List;

/**
 * What a training run did.
 *
 * @param epochLosses mean training loss of each epoch
 * @param seconds     total wall time
 * @param steps       optimizer steps taken
 */
public record TrainingResult(List<Double> epochLosses, double seconds, long steps) {
    public TrainingResult {
        epochLosses = List.copyOf(epochLosses);
    }

    /** Mean loss of the last epoch (NaN if no epoch ran). */
    public double finalLoss() {
        return epochLosses.isEmpty() ? Double.NaN : epochLosses.get(epochLosses.size() - 1);
    }
}
