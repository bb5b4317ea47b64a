package org.undervolt.resilience;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.undervolt.data.ImageDataset;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.DatasetFit;

/**
 * The {@link NetworkEvaluator} of {@code undervolt tolerance} by value: the checkpoint's bytes, the storage
 * setup, the test images, and (when IFMs are stored) the training images profiled for value bounds.
 * {@link ToleranceRun} builds its own evaluator from it, so an evaluator built in another JVM is the same.
 */
public final class DnnTrialRecipe implements TrialRecipe {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final byte[] checkpoint;
    private final SetupSpec setup;
    private final ImageDataset test;
    private final ImageDataset profile;
    private final String key;

    /**
     * @param source        where the checkpoint came from, for messages (not part of the key)
     * @param checkpoint    a DNN checkpoint's bytes ({@link Checkpoint})
     * @param setup         what is stored, and how
     * @param test          the test images every trial runs
     * @param train         training images (their first {@code profileImages} are profiled when IFMs are stored)
     * @param profileImages how many
     */
    public DnnTrialRecipe(String source, byte[] checkpoint, SetupSpec setup, ImageDataset test, ImageDataset train,
            int profileImages) {
        this.source = source;
        this.checkpoint = checkpoint.clone();
        this.setup = setup;
        this.test = test;
        this.profile = setup.kinds().contains(DataKind.IFMS) ? train.slice(0, Math.min(profileImages, train.size())) : null;
        this.key = "dnn:" + RecipeDigest.of(this.checkpoint, setup, test, profile == null ? "-" : profile);
    }

    @Override
    public String key() {
        return key;
    }

    /**
     * The evaluator: network decoded, checked against the images ({@link DatasetFit}), stored as set up, value bounds
     * profiled, on the test images.
     */
    @Override
    public NetworkEvaluator build() {
        Sequential model;
        try {
            model = Checkpoint.read(new ByteArrayInputStream(checkpoint), source).model();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DatasetFit.require(model, test, source);
        if (profile != null) {
            DatasetFit.require(model, profile, source);
        }
        StorageSetup stored = setup.build(model);
        List<Integer> ifmLayers = stored.sites().stream().filter(s -> s.kind() == DataKind.IFMS).map(Site::layer).toList();
        ValueBounds bounds = ifmLayers.isEmpty() ? null : ValueBounds.profile(model, profile, profile.size(), ifmLayers);
        return new NetworkEvaluator(model, new NetworkFaults(model, stored, bounds), test);
    }
}
