package org.undervolt.storage;

import java.util.Arrays;

/**
 * Linear integer quantisation in 4, 8 or 16 bits, symmetric or asymmetric, with one scale per
 * tensor or one per channel (axis 0).
 *
 * <ul>
 *   <li><b>Symmetric</b> (signed, two's complement): {@code value = q * scale},
 *       {@code scale = max|w| / (2^(b-1) - 1)}. Encoding clamps {@code q} to
 *       {@code [-(2^(b-1)-1), 2^(b-1)-1]} so the grid is symmetric; the one pattern encoding never
 *       writes, {@code -2^(b-1)} (0x80 for INT8), can still appear after a bit flip and decodes to
 *       {@code -2^(b-1) * scale} (-128·scale for INT8).</li>
 *   <li><b>Asymmetric</b> (unsigned): {@code value = (q - zeroPoint) * scale} with
 *       {@code scale = (max - min) / (2^b - 1)} over the range widened to contain 0, and the
 *       integer zero point chosen so that 0 is exact. Every pattern {@code 0 .. 2^b-1} is valid.</li>
 * </ul>
 * Rounding is to nearest, ties to even; NaN encodes as 0 (the zero point), ±Inf saturate. INT4
 * packs two values per byte, the even-indexed value in the low nibble.
 */
public final class IntegerFormat implements NumberFormat {
    private final int bits;
    private final boolean symmetric;
    private final float[] scales;
    private final int[] zeroPoints;
    /** Values per channel; 0 for a per-tensor format (any length). */
    private final int channelSize;
    private final int qMin;
    private final int qMax;

    IntegerFormat(int bits, boolean symmetric, float[] scales, int[] zeroPoints, int channelSize) {
        if (bits != 4 && bits != 8 && bits != 16) {
            throw new IllegalArgumentException("integer formats have 4, 8 or 16 bits, not " + bits);
        }
        if (scales.length == 0 || scales.length != zeroPoints.length) {
            throw new IllegalArgumentException("need one scale and one zero point per channel");
        }
        for (float s : scales) {
            if (!(s > 0) || !Float.isFinite(s)) {
                throw new IllegalArgumentException("scale must be positive and finite, not " + s);
            }
        }
        this.bits = bits;
        this.symmetric = symmetric;
        this.scales = scales.clone();
        this.zeroPoints = zeroPoints.clone();
        this.channelSize = channelSize;
        this.qMin = symmetric ? -((1 << (bits - 1)) - 1) : 0;
        this.qMax = symmetric ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
    }

    /** A symmetric per-tensor format with the given scale (the INT8 case of issue 2 when bits = 8). */
    public static IntegerFormat symmetric(int bits, float scale) {
        return new IntegerFormat(bits, true, new float[] {scale}, new int[] {0}, 0);
    }

    /** An asymmetric per-tensor format with the given scale and zero point. */
    public static IntegerFormat asymmetric(int bits, float scale, int zeroPoint) {
        IntegerFormat f = new IntegerFormat(bits, false, new float[] {scale}, new int[] {zeroPoint}, 0);
        if (zeroPoint < f.qMin || zeroPoint > f.qMax) {
            throw new IllegalArgumentException("zero point " + zeroPoint + " outside [0, " + f.qMax + "]");
        }
        return f;
    }

    @Override
    public String name() {
        return "int" + bits + (symmetric ? "-sym" : "-asym") + (channelSize > 0 ? "-channel" : "");
    }

    @Override
    public int bitsPerValue() {
        return bits;
    }

    public boolean symmetric() {
        return symmetric;
    }

    /** The scales, one per channel (one for a per-tensor format). */
    public float[] scales() {
        return scales.clone();
    }

    /** The zero points, one per channel (all 0 when symmetric). */
    public int[] zeroPoints() {
        return zeroPoints.clone();
    }

    @Override
    public double step(int index, float value) {
        return scales[channel(index)];
    }

    private int channel(int index) {
        return channelSize == 0 ? 0 : index / channelSize;
    }

    private void checkLength(int count) {
        if (channelSize > 0 && count != channelSize * scales.length) {
            throw new IllegalArgumentException(name() + " was fitted to " + channelSize * scales.length
                    + " values, got " + count);
        }
    }

    /** The integer code of {@code x} in channel {@code c}, clamped to the encodable range. */
    int quantise(float x, int c) {
        if (Float.isNaN(x)) {
            return zeroPoints[c];
        }
        double q = Math.rint(x / scales[c]) + zeroPoints[c];
        return (int) Math.max(qMin, Math.min(qMax, q));
    }

    /** The code {@link #encode} stores for {@code x} in a per-tensor format (channel 0 of a per-channel one). */
    public int code(float x) {
        return quantise(x, 0);
    }

    @Override
    public void encode(float[] values, byte[] dst, int offset) {
        checkLength(values.length);
        if (bits == 8 && channelSize == 0) {
            Int8Lanes.encode(values, dst, offset, scales[0], zeroPoints[0], qMin, qMax);
            return;
        }
        for (int i = 0; i < values.length; i++) {
            Packing.put(dst, offset, i, bits, quantise(values[i], channel(i)));
        }
    }

    @Override
    public void decode(byte[] src, int offset, float[] values) {
        checkLength(values.length);
        int from = 0;
        if (bits == 8 && channelSize == 0) {
            // The common case (weights once per trial, IFMs once per layer and batch): vector lanes.
            from = Int8Lanes.decode(src, offset, values, scales[0], zeroPoints[0], symmetric);
        }
        for (int i = from; i < values.length; i++) {
            int raw = Packing.get(src, offset, i, bits);
            int q = symmetric ? Packing.signExtend(raw, bits) : raw;
            int c = channel(i);
            values[i] = (q - zeroPoints[c]) * scales[c];
        }
    }

    @Override
    public String toString() {
        return name() + Arrays.toString(scales);
    }
}
