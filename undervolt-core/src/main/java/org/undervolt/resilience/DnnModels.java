package org.undervolt.resilience;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;
import org.undervolt.nn.zoo.ImageShape;
import org.undervolt.nn.zoo.ZooModel;
import org.undervolt.io.AtomicFiles;

/** Builds, trains, saves and loads the DNNs the resilience commands work on. */
public final class DnnModels {
    private DnnModels() {
    }

    /** A fresh network of {@link ZooModel} (e.g. {@code lenet5}, {@code mlp} 784-256-128-10) for the greyscale images of {@code train}. */
    public static Sequential create(String network, ImageDataset train, long seed) {
        return ZooModel.parse(network).create(new ImageShape(1, train.rows(), train.cols()), train.numClasses(), seed);
    }

    /**
     * The baseline network: {@code file} if it exists and was trained with the same description,
     * else trained now (SGD defaults of {@link TrainConfig#defaults}) and saved to {@code file}.
     */
    public static Sequential baseline(String network, int epochs, long seed, ImageDataset train, Path file,
            Consumer<String> log) {
        String description = network + " epochs=" + epochs + " seed=" + seed + " train=" + train.name() + "/" + train.size();
        if (Files.exists(file)) {
            Checkpoint.Loaded l = Checkpoint.load(file);
            if (description.equals(l.metadata().get("description"))) {
                log.accept("baseline: reusing " + file);
                return l.model();
            }
        }
        Sequential m = create(network, train, seed);
        log.accept("baseline: training " + network + " for " + epochs + " epoch(s)");
        new Trainer(TrainConfig.defaults(epochs, seed)).train(m, train,
                (e, loss, s) -> log.accept(String.format("baseline epoch %d/%d: loss %.4f (%.1f s)", e, epochs, loss, s)));
        save(m, Map.of("description", description), file);
        return m;
    }

    /** Loads a model file. */
    public static Sequential load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("--model " + file + ": no such file");
        }
        return Checkpoint.load(file).model();
    }

    /** Saves atomically. */
    public static void save(Sequential m, Map<String, String> metadata, Path file) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Checkpoint.write(m, metadata, out);
            AtomicFiles.write(file, out.toByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
