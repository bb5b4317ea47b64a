package org.undervolt.usecase;

import java.util.List;

import org.undervolt.nn.train.TrainingResult;

/**
 * What a training run did.
 *
 * @param training      every epoch's mean loss, the time and the steps (epochs finished before a resume included)
 * @param epochSeconds  the wall time of each epoch this process ran
 * @param resumedEpochs epochs finished by an earlier run of the same training, taken from its state
 * @param testAccuracy  accuracy on the request's test images as the decimal it prints as, or null without them
 * @param seconds       wall time of the whole call (training, evaluation, saving)
 */
public record TrainResult(TrainingResult training, List<Double> epochSeconds, int resumedEpochs, Double testAccuracy,
        double seconds) {
    public TrainResult {
        epochSeconds = List.copyOf(epochSeconds);
    }
}
