package org.undervolt.data;

import java.util.Objects;

/**
 * A labelled set of multi-channel images (e.g. CIFAR-10's 32x32 RGB), stored as unsigned bytes.
 *
 * <p>Channel-major per image, as the CIFAR binary format stores them: image {@code i} occupies
 * {@code pixels[i*C*R*W .. (i+1)*C*R*W)}, and within it channel {@code c} is the plane
 * {@code [c*R*W, (c+1)*R*W)} in row-major order. Pixel values are {@code 0..255}.
 *
 * @param name       where the data came from, e.g. {@code "cifar10/train"}
 * @param channels   number of channels (3 for RGB)
 * @param rows       image height
 * @param cols       image width
 * @param pixels     all images, channel-major then row-major, unsigned bytes
 * @param labels     one label per image
 * @param numClasses number of classes
 */
public record ColorImageDataset(String name, int channels, int rows, int cols, byte[] pixels, byte[] labels,
        int numClasses) implements LabelledImages {

    public ColorImageDataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (channels <= 0 || rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("image shape must be positive: " + channels + "x" + rows + "x" + cols);
        }
        if ((long) labels.length * channels * rows * cols != pixels.length) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " bytes, expected " + labels.length
                    + " images of " + channels + "x" + rows + "x" + cols);
        }
    }

    /** Bytes per image: channels x rows x cols. */
    @Override
    public int imageSize() {
        return channels * rows * cols;
    }

    /** Pixel at channel {@code c}, row {@code y}, column {@code x} of image {@code i}, 0..255. */
    public int pixel(int i, int c, int y, int x) {
        return pixels[i * imageSize() + (c * rows + y) * cols + x] & 0xFF;
    }

    /** The images {@code from} (inclusive) to {@code to} (exclusive), copied. */
    public ColorImageDataset slice(int from, int to) {
        return new ColorImageDataset(name + "[" + from + ":" + to + "]", channels, rows, cols, pixelsOf(from, to), labelsOf(from, to), numClasses);
    }

    /**
     * A greyscale copy: for 3 channels the luma {@code Y = 0.299 R + 0.587 G + 0.114 B}
     * (ITU-R BT.601), rounded; for 1 channel the plane itself; otherwise the channel mean.
     */
    public ImageDataset toGreyscale() {
        int plane = rows * cols;
        byte[] grey = new byte[size() * plane];
        for (int i = 0; i < size(); i++) {
            int base = i * imageSize();
            for (int p = 0; p < plane; p++) {
                double y;
                if (channels == 3) {
                    y = 0.299 * (pixels[base + p] & 0xFF) + 0.587 * (pixels[base + plane + p] & 0xFF)
                            + 0.114 * (pixels[base + 2 * plane + p] & 0xFF);
                } else {
                    int sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += pixels[base + c * plane + p] & 0xFF;
                    }
                    y = (double) sum / channels;
                }
                grey[i * plane + p] = (byte) Math.min(255, Math.round(y));
            }
        }
        return new ImageDataset(name + "/grey", rows, cols, grey, labels.clone(), numClasses);
    }
}
