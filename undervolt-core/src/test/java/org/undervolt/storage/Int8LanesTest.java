package org.undervolt.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The vector loops of per-tensor 8-bit formats give the bytes and floats of the scalar definition. */
class Int8LanesTest {

    /** The scalar definition of {@link IntegerFormat}'s encoding of one value. */
    private static byte reference(float x, float scale, int zeroPoint, int qMin, int qMax) {
        if (Float.isNaN(x)) {
            return (byte) zeroPoint;
        }
        double q = Math.rint(x / scale) + zeroPoint;
        return (byte) (int) Math.max(qMin, Math.min(qMax, q));
    }

    /** Values around every code, exact ties (k + 1/2 steps), beyond the range, infinities, NaN and -0. */
    private static float[] values(float scale, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (r.nextInt(8)) {
                case 0 -> (float) ((r.nextInt(601) - 300 + 0.5) * scale);
                case 1 -> Float.NaN;
                case 2 -> r.nextBoolean() ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
                case 3 -> (float) (r.nextGaussian() * 1e6);
                case 4 -> -0f;
                default -> (float) ((r.nextDouble() * 600 - 300) * scale);
            };
        }
        return v;
    }

    @Test
    void encodeAndDecodeMatchTheScalarDefinition() {
        for (int rep = 0; rep < 20; rep++) {
            float scale = (float) (0.001 + 0.05 * rep);
            int n = 1000 + rep; // lengths that leave a scalar tail
            float[] v = values(scale, n, rep);
            for (IntegerFormat f : new IntegerFormat[] {IntegerFormat.symmetric(8, scale),
                    IntegerFormat.asymmetric(8, scale, 37 + rep)}) {
                int zp = f.zeroPoints()[0];
                int qMin = f.symmetric() ? -127 : 0;
                int qMax = f.symmetric() ? 127 : 255;
                byte[] bytes = new byte[n + 3];
                f.encode(v, bytes, 3);
                for (int i = 0; i < n; i++) {
                    assertThat(bytes[3 + i]).as("%s value %s", f, v[i]).isEqualTo(reference(v[i], scale, zp, qMin, qMax));
                }
                // every byte pattern, including those encoding never writes (-128 when symmetric)
                byte[] all = new byte[256 + 5];
                for (int i = 0; i < all.length; i++) {
                    all[i] = (byte) (i * 7 + rep);
                }
                float[] out = new float[256];
                f.decode(all, 5, out);
                for (int i = 0; i < out.length; i++) {
                    int q = f.symmetric() ? all[5 + i] : all[5 + i] & 0xFF;
                    assertThat(Float.floatToRawIntBits(out[i])).isEqualTo(Float.floatToRawIntBits((q - zp) * scale));
                }
            }
        }
    }

    /** Called often enough for the JIT's optimising compiler to take the lane loop over: still the scalar bytes. */
    @Test
    void compiledLaneEncodingMatchesTheScalarDefinition() {
        float scale = 0.02f;
        float[] v = values(scale, 4099, 99);
        IntegerFormat[] formats = {IntegerFormat.symmetric(8, scale), IntegerFormat.asymmetric(8, scale, 131)};
        byte[] bytes = new byte[v.length];
        for (int rep = 0; rep < 3000; rep++) {
            IntegerFormat f = formats[rep % 2];
            f.encode(v, bytes, 0);
            if (rep % 500 < 2) {
                int zp = f.zeroPoints()[0];
                for (int i = 0; i < v.length; i++) {
                    assertThat(bytes[i]).as("rep %d value %s", rep, v[i])
                            .isEqualTo(reference(v[i], scale, zp, f.symmetric() ? -127 : 0, f.symmetric() ? 127 : 255));
                }
            }
        }
    }
}
