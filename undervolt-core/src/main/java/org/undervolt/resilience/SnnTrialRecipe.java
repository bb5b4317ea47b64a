package org.undervolt.resilience;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.dram.error.ErrorModelRegistry;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnModelFile;
import org.undervolt.storage.Formats;

/**
 * The {@link SnnStoredTrials} of {@code undervolt tolerance --snn-model} by value: the model file's bytes, the
 * weights' storage format, the error model and device seed, clamping, and the test images a trial runs.
 * {@link SnnToleranceRun} builds its own trials from it, so trials built in another JVM are the same.
 */
public final class SnnTrialRecipe implements TrialRecipe {
    private static final long serialVersionUID = 1L;

    private final byte[] model;
    private final String format;
    private final String errorModel;
    private final long deviceSeed;
    private final boolean clamp;
    private final ImageDataset test;
    private final String key;

    /**
     * @param model      a labelled SNN model file's bytes ({@link SnnModelFile})
     * @param format     storage format name of the input weights ({@link Formats})
     * @param errorModel error model spec ({@link ErrorModelRegistry})
     * @param deviceSeed weak-cell seed
     * @param clamp      keep read weights in [0, wmax]
     * @param test       the test images a trial runs (all of them)
     */
    public SnnTrialRecipe(byte[] model, String format, String errorModel, long deviceSeed, boolean clamp, ImageDataset test) {
        this.model = model.clone();
        this.format = format;
        this.errorModel = errorModel;
        this.deviceSeed = deviceSeed;
        this.clamp = clamp;
        this.test = test;
        this.key = "snn:" + RecipeDigest.of(this.model, format, errorModel, deviceSeed, clamp, test);
    }

    @Override
    public String key() {
        return key;
    }

    /** The trials, evaluated on this JVM's {@link Parallel#threads()} (results do not depend on it). */
    @Override
    public SnnStoredTrials build() {
        return build(Parallel.threads());
    }

    /** The trials, each evaluation on {@code threads} threads. */
    public SnnStoredTrials build(int threads) {
        SnnModel m;
        try {
            m = SnnModelFile.read(new ByteArrayInputStream(model), "tolerance model");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (m.labels() == null) {
            throw new InvalidInputException("tolerance model: SNN model has no neuron labels (train it with 'undervolt snn train')");
        }
        return new SnnStoredTrials(m, Formats.byName(format), ErrorModelRegistry.family(errorModel, deviceSeed), test,
                test.size(), threads, clamp);
    }
}
