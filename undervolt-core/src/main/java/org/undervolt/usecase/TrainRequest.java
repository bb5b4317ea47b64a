package org.undervolt.usecase;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import org.undervolt.data.ImageDataset;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.LrSchedule;
import org.undervolt.nn.train.Optimizer;
import org.undervolt.nn.train.Sgd;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;

/**
 * One training run of a DNN with mini-batch SGD (or another optimizer), resumable epoch by epoch.
 *
 * @param model      the network, trained in place (as created, or as it stands)
 * @param train      the images it is trained on
 * @param test       the images its accuracy is measured on afterwards, or null for none
 * @param config     epochs, batch size, learning rate, momentum, weight decay and seed
 * @param optimizer  how a step updates the parameters
 * @param schedule   the learning rate over the run
 * @param resume     where the run keeps its resumable state, or null for none
 * @param checkpoint where the trained network is saved with {@code metadata} (and its test accuracy), or null
 * @param metadata   what the checkpoint records about the run
 */
public record TrainRequest(Sequential model, ImageDataset train, ImageDataset test, TrainConfig config, Optimizer optimizer,
        LrSchedule schedule, Trainer.Resume resume, Path checkpoint, Map<String, String> metadata) {
    public TrainRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * SGD with the config's momentum and weight decay at a constant learning rate (as {@code new Trainer(config)}),
     * no test set and no checkpoint: the pipelines' baselines.
     */
    public static TrainRequest sgd(Sequential model, ImageDataset train, TrainConfig config, Trainer.Resume resume) {
        return new TrainRequest(model, train, null, config, new Sgd(config.momentum(), config.weightDecay()),
                LrSchedule.constant(), resume, null, null);
    }
}
