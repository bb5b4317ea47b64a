package org.undervolt.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * What greyscale ({@link ImageDataset}) and colour ({@link ColorImageDataset}) sets share: images of
 * {@link #imageSize()} unsigned bytes each, one after the other, and one unsigned-byte label per image.
 */
public interface LabelledImages {
    /** All images, image after image, unsigned bytes. */
    byte[] pixels();

    /** One label per image. */
    byte[] labels();

    /** Bytes per image. */
    int imageSize();

    /** Number of images. */
    default int size() {
        return labels().length;
    }

    /** Label of image {@code i}, 0..255 (labels are stored as unsigned bytes). */
    default int label(int i) {
        return labels()[i] & 0xFF;
    }

    /** The bytes of images {@code from} (inclusive) to {@code to} (exclusive), copied. */
    default byte[] pixelsOf(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        return Arrays.copyOfRange(pixels(), from * imageSize(), to * imageSize());
    }

    /** The labels of images {@code from} (inclusive) to {@code to} (exclusive), copied. */
    default byte[] labelsOf(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        return Arrays.copyOfRange(labels(), from, to);
    }
}
