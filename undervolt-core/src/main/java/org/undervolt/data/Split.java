package org.undervolt.data;

import java.util.Locale;

/**
 * The training or the test part of a data set, with the file names MNIST uses for it
 * ({@code train-…} and {@code t10k-…}; Fashion-MNIST keeps the same names).
 */
public enum Split {
    TRAIN("train"),
    TEST("t10k");

    private final String filePrefix;

    Split(String filePrefix) {
        this.filePrefix = filePrefix;
    }

    /** {@code "train"} or {@code "test"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The uncompressed image file name, e.g. {@code t10k-images-idx3-ubyte}. */
    public String imagesFile() {
        return filePrefix + "-images-idx3-ubyte";
    }

    /** The uncompressed label file name, e.g. {@code t10k-labels-idx1-ubyte}. */
    public String labelsFile() {
        return filePrefix + "-labels-idx1-ubyte";
    }
}
