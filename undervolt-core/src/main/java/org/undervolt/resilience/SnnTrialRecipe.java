package org.undervolt.resilience;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnModelFile;
import org.undervolt.storage.Formats;

/**
 * The {@link SnnStoredTrials} of {@code undervolt tolerance --snn-model} by value: the model file's bytes, the
 * weights' storage format, the error model and device seed, the read correction, and the test images a trial runs.
 * {@link SnnToleranceRun} builds its own trials from it, so trials built in another JVM are the same.
 */
public final class SnnTrialRecipe implements TrialRecipe {
    private static final long serialVersionUID = 1L;

    private final byte[] model;
    private final String format;
    private final String errorModel;
    private final long deviceSeed;
    private final ReadCorrection correction;
    private final ImageDataset test;
    private final WeightStorage storage;
    private final String key;

    /**
     * @param model      a labelled SNN model file's bytes ({@link SnnModelFile})
     * @param format     storage format name of the input weights ({@link Formats})
     * @param errorModel error model spec ({@link org.undervolt.dram.error.ErrorModelRegistry})
     * @param deviceSeed weak-cell seed
     * @param correction what is done with a weight read outside [0, wmax]
     * @param test       the test images a trial runs (all of them)
     */
    public SnnTrialRecipe(byte[] model, String format, String errorModel, long deviceSeed, ReadCorrection correction,
                          ImageDataset test) {
        this(model, format, errorModel, deviceSeed, correction, test, null);
    }

    /**
     * As above, the weights laid out and hit by errors as {@code storage} says; null for {@link
     * WeightStorage#sequential} of {@code errorModel} and {@code deviceSeed}.
     */
    public SnnTrialRecipe(byte[] model, String format, String errorModel, long deviceSeed, ReadCorrection correction,
                          ImageDataset test, WeightStorage storage) {
        this.storage = storage == null ? WeightStorage.sequential(errorModel, deviceSeed) : storage;
        this.model = model.clone();
        this.format = format;
        this.errorModel = errorModel;
        this.deviceSeed = deviceSeed;
        this.correction = correction;
        this.test = test;
        String where = this.storage.key();
        this.key = "snn:" + (where.isEmpty() ? RecipeDigest.of(this.model, format, errorModel, deviceSeed, correction.id(), test)
                : RecipeDigest.of(this.model, format, where, deviceSeed, correction.id(), test));
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
        return new SnnStoredTrials(m, Formats.byName(format), storage, test, test.size(), threads, correction);
    }
}
