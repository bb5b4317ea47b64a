package org.undervolt.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** INT8 symmetric per-tensor, the format of issue 2's MLP weights. */
class Int8FormatTest {

    private static float[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (0.1 * (r.nextDouble() * 2 - 1) * (1 + 3 * r.nextDouble()));
        }
        return v;
    }

    @Test
    void scaleIsMaxAbsOver127AndTheExtremesMapTo127() {
        float[] v = {0.5f, -1.27f, 0.01f, 1.0f};
        IntegerFormat f = (IntegerFormat) Formats.INT8.fit(v, new int[] {4});
        assertThat(f.scales()[0]).isEqualTo(1.27f / 127);
        byte[] b = f.encode(v);
        assertThat(b[1]).isEqualTo((byte) -127);
        assertThat(b[0]).isEqualTo((byte) 50);
        assertThat(b[2]).isEqualTo((byte) 1);
        assertThat(f.name()).isEqualTo("int8-sym");
    }

    @Test
    void roundTripStaysWithinHalfAStep() {
        float[] v = gaussian(10_000, 1);
        NumberFormat f = Formats.INT8.fit(v, new int[] {100, 100});
        float[] back = f.decode(f.encode(v), 0, v.length);
        for (int i = 0; i < v.length; i++) {
            double half = f.step(i, v[i]) / 2;
            assertThat((double) Math.abs(back[i] - v[i])).isLessThanOrEqualTo(half * (1 + 1e-6));
        }
    }

    @Test
    void everyBytePatternDecodesToADefinedValueIncludingMinus128() {
        IntegerFormat f = IntegerFormat.symmetric(8, 0.5f);
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        float[] v = f.decode(all, 0, 256);
        for (int i = 0; i < 256; i++) {
            assertThat(v[i]).isEqualTo((byte) i * 0.5f);
        }
        assertThat(v[0x80]).isEqualTo(-64f); // -128 * scale, although encoding never writes 0x80
        assertThat(f.encode(new float[] {-1000f})[0]).isEqualTo((byte) -127);
    }

    @Test
    void nonFiniteInputsHaveAPolicy() {
        IntegerFormat f = IntegerFormat.symmetric(8, 0.1f);
        byte[] b = f.encode(new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY});
        assertThat(b).containsExactly(0, 127, -127);
    }

    @Test
    void allZeroTensorStoresZeros() {
        NumberFormat f = Formats.INT8.fit(new float[8], new int[] {8});
        assertThat(f.decode(f.encode(new float[8]), 0, 8)).containsOnly(0f);
    }

    @Test
    void flippingTheSignBitOfOneValueChangesOnlyThatValue() {
        float[] v = {0.25f, -0.5f, 1f};
        NumberFormat f = Formats.INT8.fit(v, new int[] {3});
        byte[] b = f.encode(v);
        b[0] ^= (byte) 0x80;
        float[] back = f.decode(b, 0, 3);
        assertThat(back[0]).isCloseTo((32 - 128) / 127f, within(1e-6f));
        assertThat(back[1]).isCloseTo(-0.5f, within(1e-2f));
        assertThat(back[2]).isEqualTo(1f);
    }
}
