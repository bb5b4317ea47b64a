package org.undervolt.data;

import java.util.SplittableRandom;

import org.undervolt.random.Seeds;

/**
 * Small, deterministic data sets for tests of other packages, in the same types as the real ones.
 *
 * <p>Everything derives from the seed through {@link Seeds} and the item's index, so a set is the
 * same whatever order or thread builds it, and {@code separableBlobs(n, …)} is a prefix of
 * {@code separableBlobs(m, …)} for {@code n < m}.
 */
public final class SyntheticDatasets {
    private static final long PROTOTYPE_STREAM = 1;
    private static final long SAMPLE_STREAM = 2;

    private SyntheticDatasets() {
    }

    /**
     * {@code n} greyscale images in {@code classes} classes that a linear classifier separates.
     *
     * <p>Each class has a prototype whose pixels are independently dark (0..63) or bright (192..255)
     * with equal probability. An image is its class prototype with every pixel moved by uniform noise in
     * {@code [-48, 48]} and clamped to {@code 0..255}, so a dark and a bright pixel never meet, and any two
     * prototypes differ in about half of their pixels. Labels cycle {@code 0, 1, …, classes-1, 0, …}
     * (every class equally represented in any window of {@code classes} items); shuffle before training.
     *
     * @param n       number of images
     * @param rows    image height
     * @param cols    image width
     * @param classes number of classes, 2..256
     * @param seed    master seed
     */
    public static ImageDataset separableBlobs(int n, int rows, int cols, int classes, long seed) {
        if (n < 0 || rows <= 0 || cols <= 0 || classes < 2 || classes > 256) {
            throw new IllegalArgumentException("need n >= 0, positive size and 2..256 classes: n=" + n + " " + rows
                    + "x" + cols + " classes=" + classes);
        }
        int size = rows * cols;
        byte[][] prototypes = new byte[classes][size];
        for (int c = 0; c < classes; c++) {
            SplittableRandom r = Seeds.stream(seed, PROTOTYPE_STREAM, c);
            for (int p = 0; p < size; p++) {
                prototypes[c][p] = (byte) (r.nextBoolean() ? 192 + r.nextInt(64) : r.nextInt(64));
            }
        }
        byte[] pixels = new byte[Math.multiplyExact(n, size)];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            labels[i] = (byte) c;
            SplittableRandom r = Seeds.stream(seed, SAMPLE_STREAM, i);
            for (int p = 0; p < size; p++) {
                int v = (prototypes[c][p] & 0xFF) + r.nextInt(97) - 48;
                pixels[i * size + p] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        return new ImageDataset("synthetic/blobs-" + classes + "-seed" + seed, rows, cols, pixels, labels, classes);
    }

    /**
     * Like {@link #separableBlobs} but with {@code channels} channel planes per image (CIFAR-shaped when
     * {@code channels = 3, rows = cols = 32}), for code that reads {@link ColorImageDataset}.
     */
    public static ColorImageDataset separableColorBlobs(int n, int channels, int rows, int cols, int classes,
            long seed) {
        ImageDataset flat = separableBlobs(n, channels * rows, cols, classes, seed);
        return new ColorImageDataset("synthetic/color-blobs-" + classes + "-seed" + seed, channels, rows, cols,
                flat.pixels(), flat.labels(), classes);
    }
}
