package org.undervolt.nn.kernel;

/**
 * The sizes of one pooling pass over a {@code [batch, channels, h, w]} batch with {@code k × k}
 * windows, a stride and no padding: {@code batch · channels} planes of {@code h × w} inputs, each
 * giving {@code oh × ow} outputs.
 */
public record PoolGrid(int batch, int channels, int h, int w, int oh, int ow) {

    /** The grid of a pass over a batch of {@code shape} (four dimensions). */
    public static PoolGrid of(int[] shape, int k, int stride) {
        int h = shape[2];
        int w = shape[3];
        return new PoolGrid(shape[0], shape[1], h, w, Im2col.outSize(h, k, stride, 0), Im2col.outSize(w, k, stride, 0));
    }

    /** Input planes: {@code batch · channels}. */
    public int planes() {
        return batch * channels;
    }

    /** Elements of one input plane: {@code h · w}. */
    public int planeSize() {
        return h * w;
    }

    /** Outputs of one plane: {@code oh · ow}. */
    public int outputs() {
        return oh * ow;
    }

    /** {@code [batch, channels, oh, ow]}. */
    public int[] outputShape() {
        return new int[] {batch, channels, oh, ow};
    }

    /** {@link Pool#windowOffsets} of this grid: for window element {@code e} and output {@code o}, its plane offset. */
    public int[][] windowOffsets(int k, int stride) {
        return Pool.windowOffsets(w, oh, ow, k, stride);
    }
}
