package org.undervolt.nn.train;

import org.undervolt.data.ColorImageDataset;
import org.undervolt.data.ImageDataset;
import org.undervolt.nn.tensor.Tensor;

/** Turns images of an {@link ImageDataset} into model inputs: pixel / 255 in {@code [0, 1]}. */
public final class Batches {
    private static final float SCALE = 1f / 255f;

    private Batches() {
    }

    /**
     * A colour set viewed as greyscale planes stacked per image ({@code channels·rows × cols}), the
     * layout {@link org.undervolt.data.ColorImageDataset} already stores; the trainer and evaluator
     * then feed models with {@code [channels, rows, cols]} inputs (VGG, ResNet) without copying.
     */
    public static ImageDataset stackedPlanes(ColorImageDataset color) {
        return new ImageDataset(color.name(), color.channels() * color.rows(), color.cols(), color.pixels(),
                color.labels(), color.numClasses());
    }

    /** Images {@code indices[from..to)} as a tensor {@code [to-from, itemShape...]}. */
    public static Tensor images(ImageDataset data, int[] indices, int from, int to, int[] itemShape) {
        int n = data.imageSize();
        float[] x = new float[(to - from) * n];
        byte[] px = data.pixels();
        for (int r = from; r < to; r++) {
            int src = indices[r] * n;
            int dst = (r - from) * n;
            for (int p = 0; p < n; p++) {
                x[dst + p] = (px[src + p] & 0xFF) * SCALE;
            }
        }
        return new Tensor(withBatch(to - from, itemShape), x);
    }

    /** Images {@code [from, to)} in dataset order. */
    public static Tensor images(ImageDataset data, int from, int to, int[] itemShape) {
        int n = data.imageSize();
        float[] x = new float[(to - from) * n];
        byte[] px = data.pixels();
        int base = from * n;
        for (int i = 0; i < x.length; i++) {
            x[i] = (px[base + i] & 0xFF) * SCALE;
        }
        return new Tensor(withBatch(to - from, itemShape), x);
    }

    /** Labels of {@code indices[from..to)}. */
    public static int[] labels(ImageDataset data, int[] indices, int from, int to) {
        int[] y = new int[to - from];
        for (int r = from; r < to; r++) {
            y[r - from] = data.label(indices[r]);
        }
        return y;
    }

    static int[] withBatch(int batch, int[] itemShape) {
        int[] s = new int[itemShape.length + 1];
        s[0] = batch;
        System.arraycopy(itemShape, 0, s, 1, itemShape.length);
        return s;
    }
}
