package org.undervolt.storage;

/**
 * The recipe for an {@link IntegerFormat}: bit width, symmetric or asymmetric, per tensor or per
 * channel (axis 0). The scale covers the observed range exactly (max-abs or min/max calibration),
 * so every finite input round-trips within half a step.
 */
public record IntegerSpec(int bits, boolean symmetric, boolean perChannel) implements FormatSpec {

    public IntegerSpec {
        if (bits != 4 && bits != 8 && bits != 16) {
            throw new IllegalArgumentException("integer formats have 4, 8 or 16 bits, not " + bits);
        }
    }

    @Override
    public String name() {
        return "int" + bits + (symmetric ? "" : "-asym") + (perChannel ? "-channel" : "");
    }

    @Override
    public int bitsPerValue() {
        return bits;
    }

    @Override
    public NumberFormat fit(float[] values, int[] shape) {
        int channels = perChannel ? Math.max(1, Shapes.channels(shape, values.length)) : 1;
        int size = values.length / Math.max(1, channels);
        float[] scales = new float[channels];
        int[] zeros = new int[channels];
        int levels = symmetric ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
        for (int c = 0; c < channels; c++) {
            float lo = 0;
            float hi = 0;
            for (int i = c * size, end = i + size; i < end; i++) {
                float v = values[i];
                if (Float.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            float range = symmetric ? Math.max(-lo, hi) : hi - lo;
            float scale = range > 0 ? range / levels : 1f;
            if (!Float.isFinite(scale) || scale == 0f) {
                throw new IllegalArgumentException("cannot fit " + name() + " to range [" + lo + ", " + hi + "]");
            }
            scales[c] = scale;
            zeros[c] = symmetric ? 0 : (int) Math.max(0, Math.min(levels, Math.rint(-lo / scale)));
        }
        return new IntegerFormat(bits, symmetric, scales, zeros, perChannel ? size : 0);
    }
}
