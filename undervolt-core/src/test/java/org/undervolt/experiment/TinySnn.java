package org.undervolt.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.undervolt.data.ImageDataset;
import org.undervolt.data.Split;
import org.undervolt.snn.SnnRuns;

/**
 * A tiny labelled Diehl and Cook network for sweep tests, trained as {@code undervolt snn train}
 * trains one ({@link SnnRuns#train}): 10 excitatory neurons, 40 synthetic 28×28 images of 4 classes.
 */
final class TinySnn {
    static final DatasetRef DATA = new DatasetRef("synthetic:40:28x28:4:3");
    static final int NEURONS = 10;
    private static byte[] bytes;

    private TinySnn() {
    }

    /** The model file's bytes ({@code SnnModelFile} format), trained once per JVM. */
    static synchronized byte[] model() {
        if (bytes == null) {
            try {
                Path dir = Files.createTempDirectory("tiny-snn");
                Path out = dir.resolve("snn.uvsnn");
                ImageDataset train = DATA.load(Split.TRAIN);
                SnnRuns.train(NEURONS, train.size(), 3, train, DATA.load(Split.TEST), train.size(), 8, out, null, 0, 1,
                        null);
                bytes = Files.readAllBytes(out);
                Files.delete(out);
                Files.delete(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes.clone();
    }
}
