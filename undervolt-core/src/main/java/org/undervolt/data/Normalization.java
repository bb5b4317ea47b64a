package org.undervolt.data;

import java.util.Objects;

/**
 * Turns stored unsigned-byte pixels into the floats a network reads: {@code pixel / 255}, in {@code [0, 1]}.
 */
public final class Normalization {
    private static final float[] UNIT = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            UNIT[v] = v / 255f;
        }
    }

    private Normalization() {
    }

    /** The value pixel byte {@code b} maps to: {@code (b & 0xFF) / 255f}. */
    public static float unit(byte b) {
        return UNIT[b & 0xFF];
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive) of {@code d}, as {@code (to-from)*rows*cols} floats in [0, 1]. */
    public static float[] toUnitFloats(ImageDataset d, int from, int to) {
        Objects.checkFromToIndex(from, to, d.size());
        float[] out = new float[(to - from) * d.imageSize()];
        toUnitFloats(d, from, to, out, 0);
        return out;
    }

    /** Writes images {@code from..to} of {@code d} into {@code dest} starting at {@code destOffset}. */
    public static void toUnitFloats(ImageDataset d, int from, int to, float[] dest, int destOffset) {
        Objects.checkFromToIndex(from, to, d.size());
        convert(d.pixels(), from * d.imageSize(), (to - from) * d.imageSize(), dest, destOffset);
    }

    /**
     * Gathers the images {@code indices[from..to)} (e.g. a shuffled mini-batch) into {@code dest} from
     * {@code destOffset}, one image after the other.
     */
    public static void gatherUnitFloats(ImageDataset d, int[] indices, int from, int to, float[] dest, int destOffset) {
        Objects.checkFromToIndex(from, to, indices.length);
        int size = d.imageSize();
        Objects.checkFromIndexSize(destOffset, (to - from) * size, dest.length);
        for (int k = from; k < to; k++) {
            convert(d.pixels(), Objects.checkIndex(indices[k], d.size()) * size, size, dest,
                    destOffset + (k - from) * size);
        }
    }

    /** Images {@code from..to} of a multi-channel set, channel-major as stored, in [0, 1]. */
    public static float[] toUnitFloats(ColorImageDataset d, int from, int to) {
        Objects.checkFromToIndex(from, to, d.size());
        float[] out = new float[(to - from) * d.imageSize()];
        convert(d.pixels(), from * d.imageSize(), out.length, out, 0);
        return out;
    }

    private static void convert(byte[] src, int srcOffset, int count, float[] dest, int destOffset) {
        Objects.checkFromIndexSize(srcOffset, count, src.length);
        Objects.checkFromIndexSize(destOffset, count, dest.length);
        for (int i = 0; i < count; i++) {
            dest[destOffset + i] = UNIT[src[srcOffset + i] & 0xFF];
        }
    }
}
