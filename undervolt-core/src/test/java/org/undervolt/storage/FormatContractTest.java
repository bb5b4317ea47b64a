package org.undervolt.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every storage format keeps: the round trip stays within half a step, every stored
 * bit pattern decodes to a defined value (and re-encodes to itself where the pattern is one the
 * encoder can produce), and the NaN/Inf policy of {@link NumberFormat} holds.
 */
class FormatContractTest {
    private static final int CHANNELS = 4;

    static Stream<String> formats() {
        List<String> names = new ArrayList<>(Formats.all().keySet());
        names.addAll(List.of("q3.4", "q0.7", "q7.8", "q15.16", "q1.2", "q0.31"));
        return names.stream();
    }

    /** Values spanning several magnitudes; channel c is scaled by 4^c so per-channel scales differ. */
    private static float[] data(FormatSpec spec, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double sign = r.nextBoolean() ? 1 : -1;
            if (spec instanceof FloatFormat) {
                int maxExp = spec == FloatFormat.FP16 ? 15 : 100;
                v[i] = (float) (sign * Math.pow(2, r.nextDouble(-30, maxExp)));
            } else if (spec instanceof FixedPointFormat q) {
                v[i] = (float) r.nextDouble(q.min(), q.max());
            } else {
                int c = i / (n / CHANNELS);
                v[i] = (float) (sign * r.nextDouble() * Math.pow(4, c) * 0.01);
            }
        }
        v[0] = 0f;
        return v;
    }

    @ParameterizedTest
    @MethodSource("formats")
    void roundTripStaysWithinHalfAStep(String name) {
        FormatSpec spec = Formats.byName(name);
        int n = 4000;
        float[] v = data(spec, n, name.hashCode());
        NumberFormat f = spec.fit(v, new int[] {CHANNELS, n / CHANNELS});
        assertThat(f.bitsPerValue()).isEqualTo(spec.bitsPerValue());
        byte[] stored = f.encode(v);
        assertThat(stored).hasSize((n * spec.bitsPerValue() + 7) / 8);
        float[] back = f.decode(stored, 0, n);
        for (int i = 0; i < n; i++) {
            double err = Math.abs((double) back[i] - v[i]);
            double half = f.step(i, v[i]) / 2;
            // Float formats round exactly; scaled integer formats add float rounding of x/scale and q*scale.
            double slack = spec instanceof FloatFormat ? 0 : half * 1e-6 + Math.ulp(v[i]);
            assertThat(err).as("%s value %s -> %s", name, v[i], back[i]).isLessThanOrEqualTo(half + slack);
        }
        assertThat(back[0]).isEqualTo(0f);
    }

    @ParameterizedTest
    @MethodSource("formats")
    void everyBitPatternDecodesToADefinedValue(String name) {
        FormatSpec spec = Formats.byName(name);
        int bits = spec.bitsPerValue();
        int n = bits <= 16 ? 1 << bits : 100_000;
        byte[] patterns = new byte[(int) ((long) n * bits / 8)];
        if (bits <= 16) {
            for (int p = 0; p < n; p++) {
                Packing.put(patterns, 0, p, bits, p);
            }
        } else {
            new SplittableRandom(99).nextBytes(patterns);
        }
        NumberFormat f = spec.fit(data(spec, n, 5), new int[] {CHANNELS, n / CHANNELS});
        float[] decoded = f.decode(patterns, 0, n);
        byte[] again = f.encode(decoded);
        float[] twice = f.decode(again, 0, n);
        int unencodable = 0;
        for (int p = 0; p < n; p++) {
            int code = Packing.get(patterns, 0, p, bits);
            if (Float.isNaN(decoded[p])) {
                assertThat(spec).as("%s pattern %x decodes to NaN", name, code).isInstanceOf(FloatFormat.class);
                assertThat(twice[p]).isNaN();
                continue;
            }
            if (!(spec instanceof FloatFormat)) {
                assertThat(decoded[p]).as("%s pattern %x", name, code).isFinite();
            }
            if (f instanceof FixedPointFormat q && bits == 32) {
                // 32-bit codes exceed a float's 24-bit significand: decoding rounds to the nearest float.
                double exact = Math.scalb((double) Packing.signExtend(code, bits), -q.fractionBits());
                assertThat(Math.abs(decoded[p] - exact)).isLessThanOrEqualTo(Math.ulp(decoded[p]) / 2.0);
                continue;
            }
            if (Packing.get(again, 0, p, bits) != code) {
                unencodable++;
                // The only pattern an encoder may not write is the symmetric integers' -2^(b-1).
                assertThat(f).isInstanceOf(IntegerFormat.class);
                assertThat(((IntegerFormat) f).symmetric()).isTrue();
                assertThat(Packing.signExtend(code, bits)).isEqualTo(-(1 << (bits - 1)));
            }
            if (Packing.get(again, 0, p, bits) == code) {
                assertThat(twice[p]).isEqualTo(decoded[p]);
            }
        }
        if (f instanceof IntegerFormat i && i.symmetric()) {
            assertThat(unencodable).isEqualTo(bits <= 16 ? 1 : unencodable);
        } else {
            assertThat(unencodable).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("formats")
    void nanAndInfinityFollowThePolicy(String name) {
        FormatSpec spec = Formats.byName(name);
        // Channel by channel (per-channel formats fit each pair): NaN with 1, +Inf with its finite
        // neighbour 1e30, -Inf with -1e30, then ordinary values.
        float[] special = {Float.NaN, 1f, Float.POSITIVE_INFINITY, 1e30f, Float.NEGATIVE_INFINITY, -1e30f, -1f, 0.5f};
        NumberFormat f = spec.fit(special, new int[] {CHANNELS, 2});
        float[] back = f.decode(f.encode(special), 0, special.length);
        if (spec instanceof FloatFormat) {
            assertThat(back[0]).isNaN();
            assertThat(back[2]).isEqualTo(Float.POSITIVE_INFINITY);
            assertThat(back[4]).isEqualTo(Float.NEGATIVE_INFINITY);
            assertThat(back[3]).isEqualTo(spec == FloatFormat.FP16 ? Float.POSITIVE_INFINITY : back[3]).isPositive();
        } else {
            for (float b : back) {
                assertThat(b).isFinite();
            }
            // NaN stores 0; infinities saturate to the extreme codes, at or beyond the largest finite input's code.
            assertThat(back[0]).isEqualTo(0f);
            assertThat(back[2]).isGreaterThanOrEqualTo(back[3]).isGreaterThan(0f);
            assertThat(back[4]).isLessThanOrEqualTo(back[5]).isLessThan(0f);
        }
    }
}
