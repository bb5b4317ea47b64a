package org.undervolt.snn;

import org.undervolt.storage.FormatSpec;
import org.undervolt.storage.NumberFormat;

/**
 * IEEE 754 binary32, little-endian, as SparkXD stores the SNN weights. A stopgap until
 * {@code org.undervolt.storage.Formats} registers an FP32 format: every bit pattern decodes exactly
 * (a flipped exponent bit may give Inf or NaN, which the simulator treats as it comes).
 */
public final class Fp32Spec implements FormatSpec, NumberFormat {
    public static final Fp32Spec INSTANCE = new Fp32Spec();

    private Fp32Spec() {
    }

    @Override
    public String name() {
        return "fp32";
    }

    @Override
    public int bitsPerValue() {
        return 32;
    }

    @Override
    public NumberFormat fit(float[] values, int[] shape) {
        return this;
    }

    @Override
    public void encode(float[] values, byte[] dst, int offset) {
        for (int k = 0; k < values.length; k++) {
            int b = Float.floatToRawIntBits(values[k]);
            int o = offset + 4 * k;
            dst[o] = (byte) b;
            dst[o + 1] = (byte) (b >>> 8);
            dst[o + 2] = (byte) (b >>> 16);
            dst[o + 3] = (byte) (b >>> 24);
        }
    }

    @Override
    public void decode(byte[] src, int offset, float[] values) {
        for (int k = 0; k < values.length; k++) {
            int o = offset + 4 * k;
            int b = (src[o] & 0xFF) | (src[o + 1] & 0xFF) << 8 | (src[o + 2] & 0xFF) << 16 | (src[o + 3] & 0xFF) << 24;
            values[k] = Float.intBitsToFloat(b);
        }
    }

    @Override
    public double step(int index, float value) {
        return Math.ulp(value);
    }
}
