package org.undervolt.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * FP16 and BF16 narrowing checked against a reference that knows nothing of bit tricks: binary
 * search for the nearest representable value among all positive patterns, ties to the even
 * pattern, with the infinity pattern standing for 2^(emax+1) as IEEE 754 rounding prescribes.
 */
class HalfFloatsTest {

    private static int reference(FloatFormat f, float x) {
        int inf = f == FloatFormat.FP16 ? 0x7C00 : 0x7F80;
        double beyond = f == FloatFormat.FP16 ? 65536.0 : 0x1p128;
        int sign = x < 0 || (x == 0 && 1 / x < 0) ? 0x8000 : 0;
        double a = Math.abs((double) x);
        int lo = 0;
        int hi = inf; // value(lo) <= a < value(hi)
        if (a >= beyond) {
            return sign | inf;
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (f.fromBits(mid) <= a) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double vLo = f.fromBits(lo);
        double vHi = hi == inf ? beyond : f.fromBits(hi);
        double dLo = a - vLo;
        double dHi = vHi - a;
        int pick = dLo < dHi ? lo : dHi < dLo ? hi : (lo & 1) == 0 ? lo : hi;
        return sign | pick;
    }

    private static void check(FloatFormat f, float x) {
        assertThat(f.toBits(x)).as("%s of %s (bits %x)", f, x, Float.floatToRawIntBits(x)).isEqualTo(reference(f, x));
    }

    @Test
    void fp16RoundsToNearestEvenAtEveryMidpoint() {
        for (int h = 0; h < 0x7C00; h++) {
            double mid = (FloatFormat.FP16.fromBits(h) + (h + 1 == 0x7C00 ? 65536.0 : FloatFormat.FP16.fromBits(h + 1))) / 2;
            float m = (float) mid; // exact: midpoints of FP16 values need at most 12 significant bits
            assertThat((double) m).isEqualTo(mid);
            check(FloatFormat.FP16, m);
            check(FloatFormat.FP16, -m);
            check(FloatFormat.FP16, Math.nextUp(m));
            check(FloatFormat.FP16, Math.nextDown(m));
        }
    }

    @Test
    void bf16RoundsToNearestEvenAtEveryMidpoint() {
        for (int b = 0; b < 0x7F80; b++) {
            double hiValue = b + 1 == 0x7F80 ? 0x1p128 : FloatFormat.BF16.fromBits(b + 1);
            double mid = (FloatFormat.BF16.fromBits(b) + hiValue) / 2;
            float m = (float) mid;
            if ((double) m != mid) {
                continue; // the midpoint above the largest finite BF16 is not a float
            }
            check(FloatFormat.BF16, m);
            check(FloatFormat.BF16, -m);
            check(FloatFormat.BF16, Math.nextUp(m));
            check(FloatFormat.BF16, Math.nextDown(m));
        }
        check(FloatFormat.BF16, Float.MAX_VALUE);
    }

    @Test
    void randomFloatsMatchTheReference() {
        SplittableRandom r = new SplittableRandom(2026);
        for (int i = 0; i < 200_000; i++) {
            float x = Float.intBitsToFloat(r.nextInt());
            if (Float.isNaN(x)) {
                assertThat(FloatFormat.FP16.fromBits(FloatFormat.FP16.toBits(x))).isNaN();
                assertThat(FloatFormat.BF16.fromBits(FloatFormat.BF16.toBits(x))).isNaN();
                continue;
            }
            check(FloatFormat.FP16, x);
            check(FloatFormat.BF16, x);
        }
    }

    @Test
    void goldenPatterns() {
        assertThat(HalfFloats.toHalf(1f)).isEqualTo(0x3C00);
        assertThat(HalfFloats.toHalf(-2f)).isEqualTo(0xC000);
        assertThat(HalfFloats.toHalf(65504f)).isEqualTo(0x7BFF);
        assertThat(HalfFloats.toHalf(65520f)).isEqualTo(0x7C00);
        assertThat(HalfFloats.toHalf(0x1p-24f)).isEqualTo(0x0001);
        assertThat(HalfFloats.toHalf(0x1p-25f)).isEqualTo(0x0000); // tie between 0 and 2^-24: even
        assertThat(HalfFloats.toHalf(-0f)).isEqualTo(0x8000);
        assertThat(HalfFloats.toHalf(Float.NaN) & 0x7E00).isEqualTo(0x7E00);
        assertThat(HalfFloats.fromHalf(0x3555)).isEqualTo(0.33325195f);
        assertThat(HalfFloats.toBfloat16(1f)).isEqualTo(0x3F80);
        assertThat(HalfFloats.toBfloat16(Float.intBitsToFloat(0x3F80_8000))).isEqualTo(0x3F80); // tie to even
        assertThat(HalfFloats.toBfloat16(Float.intBitsToFloat(0x3F81_8000))).isEqualTo(0x3F82);
        assertThat(HalfFloats.toBfloat16(Float.intBitsToFloat(0x7F80_0001)) & 0x7FC0).isEqualTo(0x7FC0);
    }
}
