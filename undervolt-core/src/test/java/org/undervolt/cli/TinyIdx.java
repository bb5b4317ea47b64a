package org.undervolt.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.undervolt.data.IdxWriter;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;

/** A small synthetic data set written as the four plain IDX files a {@code --data-dir} expects. */
final class TinyIdx {
    private TinyIdx() {
    }

    /** {@code train} training and {@code total - train} test images of {@code size × size}; returns {@code dir}. */
    static Path write(Path dir, int total, int train, int size, int classes, long seed) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImageDataset all = SyntheticDatasets.separableBlobs(total, size, size, classes, seed);
        IdxWriter.write(all.slice(0, train), dir.resolve("train-images-idx3-ubyte"), dir.resolve("train-labels-idx1-ubyte"),
                false);
        IdxWriter.write(all.slice(train, total), dir.resolve("t10k-images-idx3-ubyte"), dir.resolve("t10k-labels-idx1-ubyte"),
                false);
        return dir;
    }
}
