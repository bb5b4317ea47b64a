package org.undervolt.data;

import java.util.Objects;

/**
 * A labelled set of greyscale images, stored as the unsigned bytes the IDX files hold.
 *
 * <p>Image {@code i} occupies {@code pixels[i*rows*cols .. (i+1)*rows*cols)} in row-major order;
 * pixel values are {@code 0..255} (read them with {@link #pixel}). Labels are {@code 0..numClasses-1}.
 *
 * @param name       where the data came from, e.g. {@code "mnist/train"}
 * @param rows       image height
 * @param cols       image width
 * @param pixels     all images, row-major, unsigned bytes
 * @param labels     one label per image
 * @param numClasses number of classes (10 for MNIST and Fashion-MNIST)
 */
public record ImageDataset(String name, int rows, int cols, byte[] pixels, byte[] labels, int numClasses)
        implements java.io.Serializable, LabelledImages {

    public ImageDataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + rows + "x" + cols);
        }
        if ((long) labels.length * rows * cols != pixels.length) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " bytes, expected "
                    + labels.length + " images of " + rows + "x" + cols);
        }
    }

    /** Pixels per image. */
    @Override
    public int imageSize() {
        return rows * cols;
    }

    /** Pixel {@code p} (row-major) of image {@code i}, 0..255. */
    public int pixel(int i, int p) {
        return pixels[i * imageSize() + p] & 0xFF;
    }

    /** The images {@code from} (inclusive) to {@code to} (exclusive), copied. */
    public ImageDataset slice(int from, int to) {
        return new ImageDataset(name + "[" + from + ":" + to + "]", rows, cols, pixelsOf(from, to), labelsOf(from, to), numClasses);
    }
}
